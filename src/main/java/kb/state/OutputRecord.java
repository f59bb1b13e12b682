package kb.state;

import java.util.List;
import java.util.Objects;
import kb.diag.Diagnostic;

/**
 * One file of the output folder as the last build wrote it.
 *
 * @param path        the file below the output folder
 * @param inputs      the fingerprint of what it was made from (0 when it is made every build)
 * @param digest      the {@link Fingerprint} of its content
 * @param anchors     the fingerprint of the ids of an HTML page (links to them are checked)
 * @param diagnostics what making it reported (template problems of a generated page)
 */
public record OutputRecord(String path, long inputs, long digest, long anchors, List<Diagnostic> diagnostics) {

    /**
     * The {@code inputs} of a copied file's record, whose {@code digest} is then the stamp of its
     * source: no written file has inputs -1 (0 means made every build, others are fingerprints,
     * and a fingerprint of -1 is as likely as any other — one chance in 2^64).
     */
    public static final long COPIED = -1;

    /** Whether the file is a static file copied from a source (see {@link #COPIED}). */
    public boolean copied() {
        return inputs == COPIED;
    }

    public OutputRecord {
        Objects.requireNonNull(path, "path");
        diagnostics = List.copyOf(diagnostics);
    }
}
