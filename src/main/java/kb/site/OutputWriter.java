package kb.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kb.check.SiteChecker;
import kb.diag.Diagnostic;
import kb.state.BuildState;
import kb.state.Fingerprint;
import kb.state.OutputRecord;

/**
 * Writes the files of a build into the spare folder (see {@link Publication}), each only when its
 * content differs from what the spare holds, hands every HTML page made in this build to the link
 * check, and records every output for the next build. A file the last build made and this one
 * keeps is hard-linked from the output folder when the spare lacks it. Counts as written only the
 * files that differ from the output folder's (an edit that changes nothing visible writes none).
 * Thread-safe.
 */
final class OutputWriter {

    private final OutputFolder folder;
    private final Path live;
    private final BuildState previous;
    private final Map<String, OutputRecord> spare;
    private final SiteChecker.Session links;
    private final Map<String, OutputRecord> outputs;
    private final AtomicInteger written = new AtomicInteger();
    /** Whether a page of the last build now has other ids (links to them must be checked again). */
    private volatile boolean anchorsChanged;

    /**
     * @param folder   the spare folder, written
     * @param live     the output folder, as the last build left it (read: files are linked from it)
     * @param previous the last build's state, which describes {@code live}
     * @param spare    what {@code folder} holds now, by path (see {@link Publication#openSpare})
     */
    OutputWriter(OutputFolder folder, Path live, BuildState previous, Map<String, OutputRecord> spare,
            SiteChecker.Session links) {
        this.folder = folder;
        this.live = live;
        // Sized for the last build's files: growing a concurrent map while 60,000 are added cost more.
        this.outputs = new ConcurrentHashMap<>(Math.max(16, previous.outputs().size() * 4 / 3 + 1));
        this.previous = previous;
        this.spare = spare;
        this.links = links;
    }

    /**
     * Writes a file made in this build.
     *
     * @param inputs      the fingerprint of what it was made from, 0 when it is made every build
     * @param diagnostics what making it reported
     */
    void write(String path, String content, long inputs, List<Diagnostic> diagnostics) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        long digest = Fingerprint.of(bytes);
        OutputRecord before = previous.outputs().get(path);
        OutputRecord recorded = spare.get(path);
        OutputRecord held = held(path, recorded);
        if (held == null || held.copied() || held.digest() != digest) {
            folder.write(path, bytes);
        }
        if (before == null || before.digest() != digest) {
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
        put(path, new OutputRecord(path, inputs, digest, anchors, diagnostics), before != null, recorded != null);
    }

    /**
     * Copies a static file, unless the spare holds it as copied from the same source file.
     *
     * @param stamp     the fingerprint of the source file's path, size and time
     * @param unchanged whether the last build copied the same source file
     */
    void copy(Path from, String path, long stamp, boolean unchanged) {
        OutputRecord before = previous.outputs().get(path);
        OutputRecord recorded = spare.get(path);
        OutputRecord held = held(path, recorded);
        if (held == null || !held.copied() || held.digest() != stamp) {
            folder.copy(from, path);
        }
        if (before == null || !unchanged) {
            written.incrementAndGet();
        }
        put(path, new OutputRecord(path, OutputRecord.COPIED, stamp, 0, List.of()), before != null, recorded != null);
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
        return keepAsBefore(path, diagnostics);
    }

    /**
     * Keeps a file the last build generated, unchanged whatever its inputs, when the caller knows
     * that everything it was made from is as in the last build; false when the output folder lost it.
     */
    boolean keepAsBefore(String path, kb.diag.Diagnostics diagnostics) {
        OutputRecord before = previous.outputs().get(path);
        if (before == null) {
            return false;
        }
        OutputRecord recorded = spare.get(path);
        OutputRecord held = held(path, recorded);
        if ((held == null || held.copied() || held.digest() != before.digest()) && !linkFromLive(path)) {
            return false; // the output folder lost it: made again
        }
        before.diagnostics().forEach(diagnostics::report);
        put(path, before, true, recorded != null);
        return true;
    }

    /**
     * The spare's record of {@code path} ({@code recorded}), unless the file cannot be there any
     * more (see {@link OutputFolder#intact}).
     */
    private OutputRecord held(String path, OutputRecord recorded) {
        return recorded != null && folder.intact(path) ? recorded : null;
    }

    /**
     * Records an output of this build; a path new to the build is counted by where else it is:
     * among the last build's outputs ({@code last}), in the spare's record ({@code held}).
     */
    private void put(String path, OutputRecord record, boolean last, boolean held) {
        if (outputs.put(path, record) == null) {
            if (last) {
                fromLast.incrementAndGet();
            }
            if (held) {
                fromSpare.incrementAndGet();
            }
            Set<String> collecting = newPaths;
            if (collecting != null) {
                collecting.add(path);
            }
        }
    }

    /** How many outputs of this build so far were outputs of the last build. */
    private final AtomicInteger fromLast = new AtomicInteger();
    /** How many outputs of this build so far the spare held when the build began. */
    private final AtomicInteger fromSpare = new AtomicInteger();
    /** Where the paths first written or kept from now on go (see {@link #collectNewPaths}); null: nowhere. */
    private volatile Set<String> newPaths;

    /**
     * From now on, collects the paths that become outputs of this build (written, copied or
     * kept for the first time in it) in the set returned. Not while files are being written.
     */
    Set<String> collectNewPaths() {
        Set<String> collecting = ConcurrentHashMap.newKeySet();
        newPaths = collecting;
        return collecting;
    }

    /**
     * Whether every output of the last build is an output of this build so far: counted as
     * they came, not looked up one by one.
     */
    boolean keepsEveryOutputOfLast() {
        return fromLast.get() == previous.outputs().size();
    }

    /** Whether every output of this build so far was an output of the last build. */
    boolean onlyOutputsOfLast() {
        return fromLast.get() == outputs.size();
    }

    /** Whether every file the spare held when the build began is an output of this build so far. */
    boolean keepsEverythingHeld() {
        return fromSpare.get() == spare.size();
    }

    /**
     * Links the output folder's file at {@code path} into the spare; false when it is not there,
     * or is reached through a symbolic link (whose target kb did not write).
     */
    private boolean linkFromLive(String path) {
        Path from = live.resolve(path);
        try {
            if (!from.toRealPath().equals(liveReal().resolve(path))) {
                return false;
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return folder.link(path, from);
    }

    private volatile Path liveReal;

    private Path liveReal() throws java.io.IOException {
        if (liveReal == null) {
            liveReal = live.toRealPath();
        }
        return liveReal;
    }

    /** Whether {@code path} is an output of this build so far. */
    boolean has(String path) {
        return outputs.containsKey(path);
    }

    /**
     * What the spare folder holds now, by path: what it held when the build began and the build
     * has not deleted to make way for something else, and what the build wrote there.
     */
    Map<String, OutputRecord> spareNow() {
        Map<String, OutputRecord> held = new java.util.HashMap<>();
        spare.forEach((path, record) -> {
            if (folder.untouched(path)) {
                held.put(path, record);
            }
        });
        held.putAll(outputs);
        return held;
    }

    /** Every output of this build so far. */
    Map<String, OutputRecord> outputs() {
        return outputs;
    }

    /** How many files differ from the output folder's (new, or with other content). */
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
