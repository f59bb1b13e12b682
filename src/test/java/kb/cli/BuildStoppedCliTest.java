package kb.cli;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kb.CliRun;
import kb.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb build} on a source tree whose configuration or template is broken: nothing written, exit 1. */
class BuildStoppedCliTest {

    @TempDir
    Path tmp;

    private CliRun build(Path source) {
        return kb("build", "--source", source.toString(), "--dest", tmp.resolve("site").toString(), "--index",
                tmp.resolve("index").toString(), "--no-progress");
    }

    @Test
    void aBrokenConfigurationStopsTheBuildWithItsErrorAndExitCodeOne() {
        CliRun run = build(TestSites.copy("broken-config", tmp.resolve("src")));

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("/src/_config.yml:4:15: error: invalid YAML: mapping values are not allowed here\n")
                .endsWith("kb build: stopped: the configuration has errors; nothing was built\n");
        assertThat(run.out()).as("no summary: nothing was built").isEmpty();
        assertThat(tmp.resolve("site")).doesNotExist();
        assertThat(tmp.resolve("index")).doesNotExist();
    }

    @Test
    void aTemplateSyntaxErrorStopsTheBuildWithOneDiagnostic() {
        Path root = TestSites.copy("template-syntax-error", tmp.resolve("fixture"));

        CliRun run = build(root.resolve("site"));

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err().lines()).satisfiesExactly(
                diagnostic -> assertThat(diagnostic).contains("/fixture/templates/default.ftlh:3:54: error: template "
                        + "syntax error: Unexpected end of file reached. You have an unclosed #if."),
                stopped -> assertThat(stopped).isEqualTo("kb build: stopped: a template has syntax errors; nothing was built"));
        assertThat(tmp.resolve("site")).doesNotExist();
    }
}
