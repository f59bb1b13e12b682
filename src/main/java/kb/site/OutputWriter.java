package kb.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kb.check.SiteChecker;
import kb.diag.Diagnostic;
import kb.state.BuildState;
import kb.state.Fingerprint;
import kb.state.OutputRecord;

/**
 * Writes the files of a build into the output folder, each only when its content differs from
 * what the last build wrote there (an edit that changes nothing visible rewrites no file), hands
 * every HTML page made in this build to the link check, and records every output for the next
 * build. Thread-safe.
 */
final class OutputWriter {

    private final OutputFolder folder;
    private final BuildState previous;
    private final SiteChecker.Session links;
    private final Map<String, OutputRecord> outputs = new ConcurrentHashMap<>();
    private final AtomicInteger written = new AtomicInteger();
    /** Whether a page of the last build now has other ids (links to them must be checked again). */
    private volatile boolean anchorsChanged;

    OutputWriter(OutputFolder folder, BuildState previous, SiteChecker.Session links) {
        this.folder = folder;
        this.previous = previous;
        this.links = links;
    }

    /**
     * Writes a file made in this build.
     *
     * @param inputs      the fingerprint of what it was made from, 0 when it is made every build
     * @param diagnostics what making it reported
     */
    void write(String path, String content, long inputs, List<Diagnostic> diagnostics) {
        long digest = Fingerprint.of(content.getBytes(StandardCharsets.UTF_8));
        OutputRecord before = previous.outputs().get(path);
        if (before == null || before.digest() != digest) {
            folder.write(path, content);
            written.incrementAndGet();
        }
        long anchors = 0;
        if (path.endsWith(".html")) {
            links.page(path, content);
            anchors = Fingerprint.of(String.valueOf(new java.util.TreeSet<>(links.ids(path))));
            if (before != null && before.anchors() != anchors) {
                anchorsChanged = true;
            }
        }
        outputs.put(path, new OutputRecord(path, inputs, digest, anchors, diagnostics));
    }

    /** Copies a static file, unless the last build copied it and its source is unchanged. */
    void copy(java.nio.file.Path from, String path, boolean unchanged) {
        OutputRecord before = previous.outputs().get(path);
        if (before == null || !unchanged) {
            folder.copy(from, path);
            written.incrementAndGet();
        }
        outputs.put(path, new OutputRecord(path, 0, 0, 0, List.of()));
    }

    /**
     * Keeps a file the last build wrote, unchanged (its inputs are the same), reporting again what
     * making it reported.
     */
    boolean keep(String path, long inputs, kb.diag.Diagnostics diagnostics) {
        OutputRecord before = previous.outputs().get(path);
        if (before == null || before.inputs() != inputs || inputs == 0) {
            return false;
        }
        before.diagnostics().forEach(diagnostics::report);
        outputs.put(path, before);
        return true;
    }

    /** Whether {@code path} is an output of this build so far. */
    boolean has(String path) {
        return outputs.containsKey(path);
    }

    /** Every output of this build so far. */
    Map<String, OutputRecord> outputs() {
        return outputs;
    }

    /** How many files were written (not kept as they were). */
    int written() {
        return written.get();
    }

    boolean anchorsChanged() {
        return anchorsChanged;
    }

    OutputFolder folder() {
        return folder;
    }
}
