package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file {@code kb build} generates on its own (not from a source file) is written by the
 * build itself: serve and browser tests rely on these and must not write them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedFilesTest {

    private Path site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        site = tmp.resolve("site");
        Diagnostics diagnostics = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(Path.of("content"), site, tmp.resolve("index"),
                Optional.empty(), Optional.empty()), diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    static Stream<String> generated() {
        return Stream.of(
                "search/index.html", "assets/search-index.json", "kb-site.json", "opensearch.xml", "404.html",
                "assets/article-ids.json", "assets/not-found.js",
                "browse/index.html",
                "browse/product/microsoft-systems-management-server/index.html",
                "browse/product/microsoft-systems-management-server/by-title/index.html",
                "browse/product/microsoft-systems-management-server/by-date/index.html",
                "browse/product/microsoft-systems-management-server/feed.xml",
                "browse/kind/kbbug/index.html", "browse/kind/none/index.html", "browse/year/2002/index.html",
                "browse/all/index.html",
                "feed.xml", "sitemap.xml", "sitemaps/sitemap-1.xml", "robots.txt",
                "_redirects", "kb-redirects.nginx.conf",
                "assets/kb.css", "assets/search.js", "assets/favicon.svg");
    }

    @ParameterizedTest
    @MethodSource("generated")
    void theBuildWritesIt(String path) throws Exception {
        assertThat(site.resolve(path)).isRegularFile();
        assertThat(Files.size(site.resolve(path))).isPositive();
    }
}
