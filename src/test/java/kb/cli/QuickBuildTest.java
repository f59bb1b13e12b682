package kb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import kb.CliRun;
import org.junit.jupiter.api.Test;

/** Which command lines {@link QuickBuild} reads, and what it finds {@code --dest} to be. */
class QuickBuildTest {

    @Test
    void findsTheDestInEitherForm() {
        assertThat(QuickBuild.dest(List.of("--source", "src", "--dest", "out", "--timings"))).contains("out");
        assertThat(QuickBuild.dest(List.of("--dest=out/site", "--no-progress"))).contains("out/site");
        assertThat(QuickBuild.dest(List.of("--source", "src", "--max-diagnostics", "5"))).isEqualTo(Optional.empty());
        assertThat(QuickBuild.dest(List.of())).isEqualTo(Optional.empty());
    }

    @Test
    void leavesToPicocliWhatOnlyItReads() {
        for (List<String> options : List.of(List.of("@args.txt"), List.of("--dest", "@out"), List.of("-h"),
                List.of("--help"), List.of("-V"), List.of("--version"), List.of("--no-daemon"), List.of("--", "x"),
                List.of("--dest"), List.of("--dest="), List.of("--dest", "a", "--dest=b"))) {
            assertThat(QuickBuild.dest(options)).as(options.toString()).isNull();
        }
    }

    @Test
    void picocliTakesNoOptionNameForAnotherOptionsValue() {
        // What QuickBuild relies on: "--dest" after an option that takes a value is not that value
        // (the command line is refused), so a --dest it finds is the one picocli finds.
        CliRun run = CliRun.kb("build", "--source", "--dest", "out");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Expected parameter for option '--source' but found '--dest'");
    }
}
