package kb.state;

import kb.collect.Frozen;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kb.source.SourceFolders;

/**
 * What one build leaves for the next, so that an edit costs what it changes: the sources it read,
 * the pages and files it wrote, and what each was made from. Written next to the output folder
 * by {@link StateFile}; a state of another kb, of another configuration or theme, or unreadable,
 * is not used (the build is then a clean one).
 *
 * @param kb      the kb build that wrote it (see {@link StateFile#kbVersion()})
 * @param setup   the fingerprint of what reading a page depends on: the configuration, the build
 *                options, the names of the theme's assets (a state of another setup is not used)
 * @param theme   the fingerprint of the theme: when only it differs, pages are laid out again but
 *                what was read of their sources is kept
 * @param sources every source file, by path below the source folder
 * @param pages   every page rendered from a source, by output path
 * @param outputs every file of the output folder, by path
 * @param related the related articles of every article, by article ID (what the term windows of
 *                its pages gave), so that an edit recomputes only the lists it can reach
 * @param broken  how many broken links and anchors its link check found
 * @param generated what it generated from the catalog, when known (see {@link GeneratedFiles})
 * @param folders the source folders its scan read, for the next scan to start from
 */
public record BuildState(String kb, long setup, long theme, Map<String, SourceRecord> sources, Map<String, PageRecord> pages,
        Map<String, OutputRecord> outputs, Map<String, List<String>> related, int broken,
        Optional<GeneratedFiles> generated, SourceFolders folders) {

    public BuildState {
        Objects.requireNonNull(kb, "kb");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(folders, "folders");
        // A build's own maps are kept as they are (see Frozen); others are copied.
        sources = Frozen.copyOf(sources);
        pages = Frozen.copyOf(pages);
        outputs = Frozen.copyOf(outputs);
        related = Frozen.copyOf(related);
    }

    /** A state that does not say what its build generated, nor which folders it read, nor its theme. */
    public BuildState(String kb, long setup, Map<String, SourceRecord> sources, Map<String, PageRecord> pages,
            Map<String, OutputRecord> outputs, Map<String, List<String>> related, int broken) {
        this(kb, setup, 0, sources, pages, outputs, related, broken, Optional.empty(), SourceFolders.NONE);
    }

    /** A state that knows only the files of an output folder (a spare folder's contents). */
    public static BuildState ofOutputs(String kb, Map<String, OutputRecord> outputs) {
        return new BuildState(kb, 0, Map.of(), Map.of(), outputs, Map.of(), 0);
    }

    /** The state of no build: everything is new. */
    public static BuildState empty() {
        return new BuildState("", 0, Map.of(), Map.of(), Map.of(), Map.of(), 0);
    }

    /** Whether there was no usable previous build. */
    public boolean isEmpty() {
        return kb.isEmpty();
    }
}
