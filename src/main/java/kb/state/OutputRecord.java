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

    public OutputRecord {
        Objects.requireNonNull(path, "path");
        diagnostics = List.copyOf(diagnostics);
    }
}
