package kb.check;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kb.CliRun;
import kb.TestSites;
import kb.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb check} and {@code kb build --strict} run in-process: exit codes and output. */
class CheckCliTest {

    @TempDir
    Path tmp;

    private CliRun build(String fixture, String... more) {
        Path source = TestSites.copy(fixture, tmp.resolve(fixture));
        String[] args = {"build", "--source", source.toString(), "--dest", tmp.resolve("site").toString(),
                "--index", tmp.resolve("index").toString(), "--no-progress"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return kb(all);
    }

    @Test
    void checkOfAValidSiteSaysNothingIsBroken() {
        assertThat(build("check-valid").code()).isEqualTo(ExitCodes.OK);

        CliRun run = kb("check", "--site", tmp.resolve("site").toString(), "--strict", "--list-external");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("1\thttps://example.org/page\n", "1\tmailto:support@example.com\n")
                .containsPattern("kb check: \\d+ pages, \\d+ internal links, \\d+ anchors, 0 broken links, 0 broken anchors, "
                        + "2 external links \\(2 distinct, not fetched\\) in [0-9.]+ s\\n$");
    }

    @Test
    void brokenLinksAreWarningsUnlessStrict() {
        CliRun built = build("check-broken-links");
        assertThat(built.code()).isEqualTo(ExitCodes.OK);
        assertThat(built.err()).contains("check-broken-links/notes/README.md:8:16: warning: broken link '../old.html'");
        assertThat(built.out()).contains(", 4 broken links, 0 citations of articles not in the site, 4 warnings, 0 errors");

        CliRun check = kb("check", "--site", tmp.resolve("site").toString());
        assertThat(check.code()).isEqualTo(ExitCodes.OK);
        assertThat(check.err()).contains("check-broken-links/index.md:8:48: warning: broken link 'missing/'");
        assertThat(check.out()).contains("4 broken links, 0 broken anchors");

        CliRun strict = kb("check", "--site", tmp.resolve("site").toString(), "--strict", "--max-diagnostics", "1");
        assertThat(strict.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(strict.err()).contains("check-broken-links/index.md:8:48: error: broken link 'missing/'")
                .contains("... and 3 more errors").doesNotContain("warning");
    }

    @Test
    void buildStrictFailsOnABrokenAnchorAndReportsItOnce() {
        CliRun run = build("check-broken-anchors", "--strict");

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err().lines().filter(l -> l.contains("broken anchor '#start'"))).singleElement()
                .satisfies(l -> assertThat(l).endsWith("check-broken-anchors/index.md:10:19: error: broken anchor '#start': no id 'start' on this page"));
        assertThat(run.out()).contains(", 3 broken links, 0 citations of articles not in the site, 0 warnings, 3 errors");
    }

    @Test
    void checkWithoutASiteIsAUsageError() {
        CliRun run = kb("check", "--site", tmp.resolve("none").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("kb: error: site folder").contains("run 'kb build' first");
    }
}
