package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kb.CliRun;
import kb.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collections as a user's build makes them: what gets a page, what is copied, what Liquid lists. */
class CollectionsSiteTest {

    @TempDir
    Path tmp;

    @Test
    void documentsStaticFilesAndCollectionsWithoutOutput() throws IOException {
        Path source = tmp.resolve("src");
        Map<String, String> files = Map.of(
                "_config.yml", "title: T\ncollections:\n  recipes:\n    output: true\n  authors:\n    output: false\n",
                "_recipes/bread.md", "---\ntitle: Bread\n---\nFlour and water.\n",
                "_recipes/img/loaf.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
                "_authors/ann.md", "---\nname: Ann\n---\nAnn writes.\n",
                "_posts/2024-05-01-hello.md", "---\n---\nHello post.\n",
                "_posts/notes.txt", "not a post\n",
                "_drafts/2024-06-01-draft.md", "---\n---\nDraft.\n",
                "index.md", "---\ntitle: Home\n---\n{% for a in site.authors %}Author {{ a.name }}. {% endfor %}"
                        + "{% for r in site.recipes %}[{{ r.title }}]({{ r.url | relative_url }}) {% endfor %}"
                        + "{% for p in site.posts %}{{ p.title }} at {{ p.url }}{% endfor %}\n");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(source.resolve(f.getKey()).getParent());
            Files.writeString(source.resolve(f.getKey()), f.getValue());
        }
        Path site = tmp.resolve("site");
        CliRun build = CliRun.kb("build", "--no-progress", "--source", source.toString(), "--dest", site.toString(),
                "--index", tmp.resolve("index").toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(TestSites.read(site.resolve("recipes/bread.html"))).contains("Flour and water.");
        assertThat(site.resolve("recipes/img/loaf.svg")).isRegularFile();
        assertThat(site.resolve("2024/05/01/hello.html")).isRegularFile();
        assertThat(site.resolve("authors")).doesNotExist();
        assertThat(site.resolve("_authors")).doesNotExist();
        assertThat(site.resolve("_posts")).doesNotExist();
        assertThat(site.resolve("_recipes")).doesNotExist();
        assertThat(site.resolve("_drafts")).doesNotExist();
        assertThat(TestSites.read(site.resolve("index.html"))).contains("Author Ann.")
                .contains("<a href=\"/recipes/bread.html\">Bread</a>").contains("Hello at /2024/05/01/hello.html");
    }
}
