package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import kb.TestSites;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages of the shipped {@code content/} compared byte for byte with reviewed copies in
 * {@code src/test/resources/golden}. After an intended change, regenerate them with
 * {@code mvn test -Dtest=GoldenPageTest -Dgolden.update=true} and review the diff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenPageTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private Path site;

    @BeforeAll
    void buildContent(@org.junit.jupiter.api.io.TempDir Path tmp) {
        site = tmp.resolve("site");
        Diagnostics diagnostics = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(Path.of("content"), site,
                tmp.resolve("index"), Optional.empty(), Optional.empty()), diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    static Stream<String> pages() {
        return Stream.of("kb/319/Q319864/index.html", "id/sms/index.html", "index.html",
                // generated pages and files, one of each kind
                "browse/index.html", "browse/product/microsoft-systems-management-server/index.html",
                "browse/kind/kbbug/by-date/index.html", "feed.xml", "sitemap.xml", "sitemaps/sitemap-1.xml",
                "robots.txt", "_redirects", "kb-redirects.nginx.conf", "search/index.html", "404.html");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pageMatchesGolden(String page) throws IOException {
        String actual = TestSites.read(site.resolve(page));
        Path golden = GOLDEN.resolve(page.replace('/', '_'));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file (create it with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
