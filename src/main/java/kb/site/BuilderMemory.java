package kb.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import kb.source.SourceWatch;
import kb.state.BuildState;
import kb.state.PageRecord.ArticleFacts;
import kb.state.StateFile;

/**
 * What a builder keeps between its builds besides their state and what they made ({@code Warm}
 * in {@link SiteBuilder}): the watch of the source folder (a resident builder's), the records of
 * the two output folders its builds write in turn ({@link SpareFolders}), and the order of the
 * articles' pages. A builder that builds once keeps them for nothing; one that builds again (the
 * build daemon, {@code kb serve --watch}) saves each of its builds a look at every folder or page.
 */
final class BuilderMemory {

    /**
     * What the last builds left in the two folders they write in turn, by the folder's file key
     * (a builder that builds again, as the daemon and kb serve --watch do, keeps them).
     */
    private final Map<Object, SpareFolders> spareFolders = new ConcurrentHashMap<>();

    /**
     * The articles' pages in path order, as the last build sorted them: the same pages in a later
     * build are in the same order (sorting 60,000 paths took 30 ms of an edit's build).
     */
    private volatile String[] factOrder;

    /** The theme's layouts as the last build read them. */
    private final LayoutMemory layouts = new LayoutMemory();

    /** The theme's layouts as the last build read them (see {@link Setup#load(BuildOptions, kb.diag.Diagnostics, LayoutMemory)}). */
    LayoutMemory layouts() {
        return layouts;
    }

    /** The spare folders' records as this memory's builds wrote them. */
    private final SpareRecordMemory spareRecords = new SpareRecordMemory();

    /** The spare folders' records as this memory's builds wrote them (see {@link Publication#remembering}). */
    SpareRecordMemory spareRecords() {
        return spareRecords;
    }

    /** The folders that hold the page folders of a state's outputs (see {@link SpareFolders#holders}). */
    private record Holders(java.lang.ref.WeakReference<BuildState> state, Set<String> holders) {
    }

    /** The holders of the last build's outputs, once its state is made ({@link #built}); null: none known. */
    private volatile Holders holders;
    /** The holders the build under way found, until its state is made. */
    private volatile Set<String> pendingHolders;

    /**
     * Says that the build under way made {@code state}: the holders of its outputs' folders it
     * found are those of that state's, for the next build that starts from it.
     */
    void built(BuildState state) {
        Set<String> found = pendingHolders;
        pendingHolders = null;
        // Not a hold on the state: a state another build made stale is let go of whole (a
        // daemon holding two states of the archive at once runs out of memory).
        holders = found == null ? null : new Holders(new java.lang.ref.WeakReference<>(state), found);
    }

    /** Where a resident builder says why it cannot watch its source folder; null: it does not watch. */
    private Consumer<String> watchLog;

    /** The watch of the last build's source folder (a resident builder's), or null. */
    private SourceWatch watch;

    /** A memory that watches source folders, saying on {@code watchLog} why it cannot (null: no watch). */
    BuilderMemory(Consumer<String> watchLog) {
        this.watchLog = watchLog;
    }

    /** What identifies a folder whatever its name ({@link SpareFolders#fileKey}), or a new object when there is none. */
    private static Object fileKey(Path folder) {
        return Objects.requireNonNullElseGet(SpareFolders.fileKey(folder), Object::new);
    }

    /**
     * The watch of the build's source folder, opened when this memory watches and has none for
     * it (one of another folder is closed); null when it does not watch or cannot.
     */
    SourceWatch watch(BuildOptions options) {
        if (watchLog == null) {
            return null;
        }
        Path root = options.source().toAbsolutePath().normalize();
        if (watch != null && (watch.closed() || !watch.root().equals(root))) {
            watch.close();
            watch = null;
        }
        if (watch == null) {
            // Its own file goes beside the build state, not outside what kb writes.
            watch = SourceWatch.open(root, StateFile.beside(options.dest()).companion(".watch"), watchLog).orElse(null);
            if (watch == null) {
                watchLog = null; // said once: builds read every folder
            }
        }
        return watch;
    }

    /** The watch the last build opened, or null. */
    SourceWatch lastWatch() {
        return watch;
    }

    /** The spare folder {@code spare} as the build that wrote it last left it, if a build of this memory did. */
    SpareFolders spare(Path spare) {
        return spareFolders.get(fileKey(spare));
    }

    /**
     * After a build wrote {@code written} (the spare, to be swapped in) with the files {@code keep}:
     * records its folders for the build after next, which writes it again, and forgets those of any
     * folder but {@code live}, the one in place. When {@code live} has no record (no build of this
     * memory wrote it: the last ran in another process) and {@code checkLive} says so, records it
     * too, with the files {@code liveOutputs}, after a look at each of its page folders.
     * {@code sameAsLast} says that {@code keep} are the outputs of {@code previous}, the state the
     * build started from: when the folders that hold their folders are known (see {@link #built}),
     * they are not found again (a look at every output).
     */
    void recordFolders(Path written, Set<String> keep, Path live, boolean checkLive, Set<String> liveOutputs,
            BuildState previous, boolean sameAsLast) {
        Holders known = holders;
        Set<String> found = sameAsLast && known != null && known.state().get() == previous ? known.holders()
                : SpareFolders.holders(keep);
        pendingHolders = found;
        Object liveKey = fileKey(live);
        SpareFolders.recordHolders(written, found).ifPresent(r -> {
            spareFolders.keySet().removeIf(k -> !k.equals(liveKey));
            spareFolders.put(r.key(), r);
        });
        if (checkLive && !spareFolders.containsKey(liveKey)) {
            SpareFolders.recordChecked(live, liveOutputs).ifPresent(r -> spareFolders.put(r.key(), r));
        }
    }

    /** The facts of the articles' pages, in path order (the last build's order when the pages are its). */
    List<ArticleFacts> byPath(Map<String, ArticleFacts> facts) {
        String[] paths = factOrder;
        if (paths == null || paths.length != facts.size() || !java.util.Arrays.stream(paths).allMatch(facts::containsKey)) {
            paths = facts.keySet().toArray(new String[0]);
            java.util.Arrays.sort(paths);
            factOrder = paths;
        }
        List<ArticleFacts> ordered = new ArrayList<>(paths.length);
        for (String path : paths) {
            ordered.add(facts.get(path));
        }
        return ordered;
    }

    /** Stops watching. */
    void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
