package kb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run: a site of content's articles copied, built clean, built again
 * after two edits and after their undoing, searched.
 */
class StartupTrainingTest {

    @Test
    void buildsTheCopiesCleanThenAfterEachEditAndLeavesThemAsMade(@TempDir Path tmp) throws Exception {
        List<String> builds = new StartupTraining(Path.of("content"), tmp, 2).run();

        long articles;
        try (Stream<Path> files = Files.walk(Path.of("content", "kb"))) {
            articles = files.filter(p -> p.getFileName().toString().equals("README.md")).count();
        }
        // Each article twice, under new IDs from Q700000, with their own permalinks; no other page
        // of content/ (their links would lead to the articles not copied).
        assertThat(builds).hasSize(5);
        assertThat(builds.get(0)).contains((2 * articles) + " pages").contains("0 broken links").contains("(clean build");
        assertThat(Files.readString(tmp.resolve("source/kb/700/Q700000/README.md")))
                .containsPattern("(?m)^permalink: /kb/700/Q700000/$").doesNotContain("Q319864");
        assertThat(tmp.resolve("site/kb/700/Q" + (700000 + 2 * articles - 1) + "/index.html")).exists();
        // Each later build was incremental and made the edited page again: the edits happened (the
        // last in a daemon, as a build at the command line runs once one does).
        for (String build : builds.subList(1, 5)) {
            assertThat(build).contains("(incremental build").doesNotContain(" 0 files written");
        }
        // The edits were undone: every copy is its article with the ID changed, nothing else.
        assertThat(articleTexts(tmp.resolve("source/kb/700"))).hasSize((int) (2 * articles))
                .containsOnlyElementsOf(articleTexts(Path.of("content", "kb")));
    }

    @Test
    void contentWithoutArticlesIsBuiltAsItIs(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\n---\n\nWelcome.\n");

        List<String> builds = new StartupTraining(content, tmp.resolve("run"), 2).run();

        assertThat(builds).hasSize(1);
        assertThat(builds.get(0)).contains("1 pages").contains("(clean build");
    }

    @Test
    void anArticleThatIsNotUtf8IsCopiedByteForByte(@TempDir Path tmp) throws Exception {
        Path article = tmp.resolve("content/kb/123/Q123456/README.md");
        Files.createDirectories(article.getParent());
        byte[] text = ("---\ntitle: \"Q123456: Caf\u00e9 notes\"\npermalink: /kb/123/Q123456/\n---\n\n"
                + "Caf\u00e9 notes for the inventory of clients after an upgrade.\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(article, text);

        List<String> builds = new StartupTraining(tmp.resolve("content"), tmp.resolve("run"), 1).run();

        assertThat(builds).hasSize(5);
        assertThat(builds.get(0)).contains("12 pages");
        byte[] copy = Files.readAllBytes(tmp.resolve("run/source/kb/700/Q700000/README.md"));
        assertThat(new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).replace("123/Q123456", "700/Q700000")
                        .replace("Q123456", "Q700000"));
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
