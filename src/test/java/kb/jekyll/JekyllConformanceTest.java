package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kb.CliRun;
import kb.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jekyll fixture site ({@code src/test/resources/sites/jekyll-full}, notes beside it) built by
 * Debian's jekyll 4.3.1 as the reference ({@code bench/jekyll-reference.sh}) and by kb, as a user
 * runs both: kb's pages must have every URL, title and content text of Jekyll's, and no page may
 * show Liquid to the reader. Skipped without jekyll, except under CI ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JekyllConformanceTest {

    private Path reference;
    private Path site;
    private CliRun build;

    @BeforeAll
    void buildBoth(@TempDir Path tmp) throws IOException, InterruptedException {
        boolean jekyll = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "jekyll")));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(jekyll, "Debian's jekyll is not installed (apt-get install jekyll ruby-jekyll-include-cache): "
                    + "the Jekyll conformance test is skipped");
        }
        assertThat(jekyll).as("jekyll on the PATH (.ci/run installs it)").isTrue();
        reference = tmp.resolve("reference");
        Process process = new ProcessBuilder("bash", "bench/jekyll-reference.sh", reference.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("jekyll.out").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("jekyll finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("jekyll.out"))).isZero();

        Path source = TestSites.copy("jekyll-full", tmp.resolve("source"));
        site = tmp.resolve("site");
        build = CliRun.kb("build", "--no-progress", "--source", source.toString(), "--dest", site.toString(),
                "--index", tmp.resolve("index").toString());
    }

    @Test
    void kbBuildsTheSiteWithoutAWarning() {
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.err()).doesNotContain("warning").doesNotContain("error");
        assertThat(build.out()).contains("0 warnings, 0 errors");
    }

    @Test
    void everyPageOfJekyllsHasItsUrlTitleAndTextInKbsSite() {
        CliRun verify = CliRun.kb("verify", "--site", site.toString(), "--reference", reference.toString(),
                "--max-listed", "100");
        assertThat(verify.out()).as(verify.out() + verify.err())
                .contains("URLs present       38 / 38     (100.00%)")
                .contains("titles equal       38 / 38     (100.00%)")
                .contains("text in order      38 / 38     (100.00%)");
        assertThat(verify.code()).isZero();
    }

    @Test
    void noPageShowsLiquidToTheReader() throws IOException {
        List<String> shown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document page = Jsoup.parse(file.toFile(), "UTF-8");
                page.select("pre, code, script").remove();
                String text = page.body().text() + " " + page.title();
                for (String mark : List.of("{{", "}}", "{%", "%}")) {
                    if (text.contains(mark)) {
                        shown.add(site.relativize(file) + ": " + mark);
                    }
                }
            }
        }
        assertThat(shown).isEmpty();
    }
}
