package kb.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code import_digest:} front matter line that marks a page as written by {@code kb import}:
 * {@code import_digest: sha256:<hex>}, the SHA-256 of the page's UTF-8 text with that one line
 * left out. A page whose text still matches its digest has not been edited since it was
 * imported, so a later import may replace it. Stateless and thread-safe.
 */
public final class ImportDigest {

    /** The front matter key. */
    public static final String KEY = "import_digest";

    private static final String PREFIX = KEY + ": sha256:";

    private ImportDigest() {
    }

    /** The digest line (with its line end) for a page consisting of {@code before + after}. */
    public static String line(String before, String after) {
        MessageDigest sha = sha256();
        sha.update(before.getBytes(StandardCharsets.UTF_8));
        sha.update(after.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(sha.digest()) + "\n";
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, in hex. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** What {@code page} says about itself: whether it has a digest line and whether it matches. */
    public static Status check(String page) {
        Optional<Span> found = find(page);
        if (found.isEmpty()) {
            return Status.ABSENT;
        }
        Span line = found.get();
        String recorded = page.substring(line.start(), line.end());
        String expected = line(page.substring(0, line.start()), page.substring(line.end()));
        return recorded.equals(expected) ? Status.MATCHES : Status.EDITED;
    }

    /** Start and end (after the line end) of the digest line within the front matter. */
    private static Optional<Span> find(String page) {
        if (!page.startsWith("---\n")) {
            return Optional.empty();
        }
        int pos = 4;
        while (pos < page.length()) {
            int end = page.indexOf('\n', pos);
            if (end < 0) {
                return Optional.empty();
            }
            if (page.startsWith("---", pos) && page.substring(pos, end).strip().equals("---")) {
                return Optional.empty();
            }
            if (page.startsWith(PREFIX, pos)) {
                return Optional.of(new Span(pos, end + 1));
            }
            pos = end + 1;
        }
        return Optional.empty();
    }

    private record Span(int start, int end) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether a page carries a digest that matches it. */
    public enum Status {
        /** No {@code import_digest:} line: not written by {@code kb import}. */
        ABSENT,
        /** The page was changed after {@code kb import} wrote it. */
        EDITED,
        /** The page is exactly as {@code kb import} wrote it. */
        MATCHES
    }
}
