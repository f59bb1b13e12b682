package kb.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes an imported page unless that would lose work: an identical page is left alone (not even
 * its modification time changes), a page still exactly as {@code kb import} wrote it is replaced,
 * and any other existing page (edited by hand, or not written by {@code kb import}) is kept
 * unless {@code force} is set. Files are written to a temporary file in the target's folder and
 * moved into place, so a reader never sees half a page. Thread-safe for distinct targets.
 */
public final class PageWriter {

    /** Writes {@code text} to {@code target} as far as the rules allow; says what happened. */
    public Outcome write(Path target, String text, boolean force) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (!Files.exists(target)) {
                replace(target, bytes);
                return Outcome.CREATED;
            }
            byte[] existing = Files.readAllBytes(target);
            if (Arrays.equals(existing, bytes)) {
                return Outcome.UNCHANGED;
            }
            ImportDigest.Status status = ImportDigest.check(new String(existing, StandardCharsets.UTF_8));
            if (force || status == ImportDigest.Status.MATCHES) {
                replace(target, bytes);
                return Outcome.UPDATED;
            }
            return status == ImportDigest.Status.EDITED ? Outcome.EDITED : Outcome.FOREIGN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What {@link #write} did. */
    public enum Outcome {
        /** The page did not exist and was written. */
        CREATED,
        /** The page existed with other text and was replaced. */
        UPDATED,
        /** The page already had exactly this text; nothing was written. */
        UNCHANGED,
        /** Not written: the page was edited after {@code kb import} wrote it. */
        EDITED,
        /** Not written: the page was not written by {@code kb import}. */
        FOREIGN;

        /** Whether the page was kept because of a conflict. */
        public boolean isConflict() {
            return this == EDITED || this == FOREIGN;
        }
    }
}
