package kb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run: a site of content's articles copied, built clean, edited, built again, searched. */
class StartupTrainingTest {

    @Test
    void buildsTheCopiedSiteCleanThenIncrementallyAndLeavesTheSourcesAsMade(@TempDir Path tmp) throws Exception {
        int code = new StartupTraining(Path.of("content"), tmp, 2).run();

        assertThat(code).isEqualTo(ExitCodes.OK);
        long articles;
        try (Stream<Path> files = Files.walk(Path.of("content", "kb"))) {
            articles = files.filter(p -> p.getFileName().toString().equals("README.md")).count();
        }
        // Each article twice more, under new IDs from Q700000, with their own permalinks.
        Path copy = tmp.resolve("source/kb/700/Q700000/README.md");
        assertThat(Files.readString(copy)).containsPattern("(?m)^permalink: /kb/700/Q700000/$").doesNotContain("Q319864");
        assertThat(tmp.resolve("site/kb/700/Q700000/index.html")).exists();
        assertThat(tmp.resolve("site/kb/700/Q" + (700000 + 2 * articles - 1) + "/index.html")).exists();
        // The builds after the clean one were incremental and reached the index: one commit for
        // the clean build, one for each edit, one for the last build, which undid the second.
        assertThat(tmp.resolve(".kb-state")).isDirectoryContaining(p -> Files.isRegularFile(p));
        assertThat(tmp.resolve("index/segments_4")).exists();
        // The edits were undone: every copy is its article with the ID changed, nothing else.
        assertThat(articleTexts(tmp.resolve("source/kb/700"))).hasSize((int) (2 * articles))
                .containsOnlyElementsOf(articleTexts(Path.of("content", "kb")));
    }

    /** The articles' texts under a folder, each with its own ID (and its permalink's folder) as "Q?". */
    private static List<String> articleTexts(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(p -> p.getFileName().toString().equals("README.md")).toList()) {
                String id = file.getParent().getFileName().toString();
                texts.add(Files.readString(file).replace("/" + id.substring(1, 4) + "/" + id + "/", "/?/Q?/").replace(id, "Q?"));
            }
            return texts;
        }
    }
}
