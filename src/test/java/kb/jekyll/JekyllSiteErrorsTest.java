package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jekyll site with mistakes in its layouts, includes, data and configuration, built as a user
 * builds it: each mistake is reported at its own file, line and column; the pages it spoils are
 * not published; every other page is.
 */
class JekyllSiteErrorsTest {

    @TempDir
    Path tmp;

    private Path site(Map<String, String> files) throws IOException {
        Path source = tmp.resolve("src");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = source.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return source;
    }

    @Test
    void eachMistakeIsReportedWhereItIsAndTheRestIsBuilt() throws IOException {
        Path source = site(Map.of(
                "_config.yml", "title: T\ndefaults:\n  - scope: {path: \"\"}\n    values: {layout: default}\n  - oops\n",
                "_layouts/default.html", "<title>{{ page.title }}</title>\n<main>{{ content }}</main>\n{% include footer.html %}\n",
                "_layouts/broken.html", "---\nlayout: default\n---\n<div>\n{% if page.x %}\n{{ content }}\n",
                "_includes/footer.html", "<footer>Footer</footer>\n",
                "_includes/bad.html", "line one\n  two\n   {% for %}\n",
                "_data/plans.json", "[{\"name\": \"Free\"},\n",
                "good.md", "---\ntitle: Good\n---\nA good page {{ site.title }}.\n{{ 'Kept' | nosuch }}\n",
                "uses-bad-include.md", "---\ntitle: Bad include\n---\nBefore.\n\n{% include bad.html %}\n",
                "uses-broken-layout.md", "---\ntitle: Broken layout\nlayout: broken\n---\nText.\n",
                "plugin-tag.md", "---\ntitle: Plugin\n---\n{% seo %}Plugin page.\n"));
        Path out = tmp.resolve("site");
        CliRun build = CliRun.kb("build", "--no-progress", "--source", source.toString(), "--dest", out.toString(),
                "--index", tmp.resolve("index").toString());
        String src = source.toString();
        List<String> lines = build.err().lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList();
        assertThat(lines).contains(
                src + "/_config.yml:2:1: warning: defaults entry 2 has no 'values' map; it is left out",
                src + "/_data/plans.json:2:1: error: invalid JSON: Unexpected end-of-input within/between Array entries",
                src + "/good.md:5:11: warning: unknown Liquid filter 'nosuch' (a plugin kb lacks?): the value passes through unchanged",
                src + "/_layouts/broken.html:5:1: error: Liquid syntax error: '{% if %}' is never closed by '{% endif %}'",
                src + "/plugin-tag.md:4:1: warning: unknown Liquid tag 'seo' (a plugin kb lacks?): it renders as nothing");
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo(src + "/_includes/bad.html:3:11: error: Liquid syntax error: cannot read '{% for %}'"));
        assertThat(build.code()).isNotZero();
        assertThat(TestSitesRead.read(out.resolve("good.html"))).contains("<title>Good</title>")
                .contains("A good page T.").contains("Kept").contains("<footer>Footer</footer>");
        assertThat(TestSitesRead.read(out.resolve("plugin-tag.html"))).contains("Plugin page.").doesNotContain("seo");
        assertThat(out.resolve("uses-bad-include.html")).doesNotExist();
        assertThat(out.resolve("uses-broken-layout.html")).doesNotExist();
    }

    /** Reads a built file. */
    private static final class TestSitesRead {
        static String read(Path file) {
            return kb.TestSites.read(file);
        }
    }
}
