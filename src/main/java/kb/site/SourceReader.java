package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import kb.diag.Diagnostics;
import kb.source.SourceDecoder;
import kb.source.SourceFile;

/** Reads source files and decodes them with {@link SourceDecoder} (UTF-8, bad bytes reported). */
final class SourceReader {

    private final SourceDecoder decoder = new SourceDecoder();

    /** A file's text and the fingerprint of its bytes. */
    record Text(String text, long digest) {
    }

    String read(SourceFile file, Diagnostics diagnostics) {
        return readWithDigest(file, diagnostics).text();
    }

    /**
     * The text and digest of a file that starts with front matter; empty for any other file, of
     * which only the first bytes are read. One opening of the file, where a look at its start and
     * then a read of the whole took two (a page of 60,000 is opened once in a plan).
     */
    java.util.Optional<Text> readIfFrontMatter(SourceFile file, Diagnostics diagnostics) {
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file.path())) {
            byte[] head = in.readNBytes(HEAD);
            if (!startsWithFrontMatter(head)) {
                return java.util.Optional.empty();
            }
            byte[] rest = in.readAllBytes();
            bytes = java.util.Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, bytes, head.length, rest.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.displayName(), e);
        }
        return java.util.Optional.of(new Text(decoder.decode(bytes, file.displayName(), diagnostics),
                kb.state.Fingerprint.of(bytes)));
    }

    /** How much of a file's start tells whether front matter opens it. */
    static final int HEAD = 64;

    /** Whether these first bytes of a file open front matter (after a UTF-8 byte order mark). */
    static boolean startsWithFrontMatter(byte[] head) {
        String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.startsWith("\u00EF\u00BB\u00BF")) {
            start = start.substring(3);
        }
        return kb.parse.FrontMatterParser.hasFrontMatter(start);
    }

    Text readWithDigest(SourceFile file, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.displayName(), e);
        }
        return new Text(decoder.decode(bytes, file.displayName(), diagnostics), kb.state.Fingerprint.of(bytes));
    }
}
