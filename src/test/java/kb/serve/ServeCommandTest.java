package kb.serve;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import kb.CliRun;
import kb.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb serve}'s command line: the errors it reports before serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeCommandTest {

    private ServedSite site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        site = ServedSite.build(tmp, "");
    }

    @Test
    void aMissingSiteIsAUsageError(@TempDir Path tmp) {
        CliRun run = kb("serve", "--site", tmp.resolve("none").toString(), "--index", site.index().toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("kb: error: no site at").contains("run 'kb build' first");
    }

    @Test
    void aMissingIndexIsAUsageError(@TempDir Path tmp) {
        CliRun run = kb("serve", "--site", site.site().toString(), "--index", tmp.resolve("none").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("kb: error: no index at");
    }

    @Test
    void aBadPortIsAUsageError() {
        CliRun run = kb("serve", "--site", site.site().toString(), "--index", site.index().toString(), "--port", "70000");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--port must be between 0 and 65535");
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = kb("serve", "--site", site.site().toString(), "--index", site.index().toString(),
                    "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.code()).isEqualTo(ExitCodes.IO_OR_INTERNAL);
            assertThat(run.err()).contains("kb: error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aRequestLogThatCannotBeWrittenIsReported(@TempDir Path tmp) {
        CliRun run = kb("serve", "--site", site.site().toString(), "--index", site.index().toString(), "--port", "0",
                "--request-log", tmp.resolve("no/such/folder/requests.log").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IO_OR_INTERNAL);
        assertThat(run.err()).startsWith("kb: error: cannot open the request log ");
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = kb("serve", "--help");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("--site").contains("--index").contains("--port").contains("--host")
                .contains("--watch").contains("--request-log").contains("--source").contains("--templates").contains("--base-url");
    }

    @Test
    void watchingAMissingSourceIsAUsageError(@TempDir Path tmp) {
        CliRun run = kb("serve", "--watch", "--source", tmp.resolve("none").toString(), "--site", tmp.resolve("s").toString(),
                "--index", tmp.resolve("i").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("kb: error: source folder").contains("does not exist");
    }
}
