package kb.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a build's JVM options a daemon it starts takes, and that its clients still match it. */
class DaemonStarterTest {

    private static final List<String> BUILD_JVM = List.of("--enable-native-access=ALL-UNNAMED", "-XX:MaxRAMPercentage=25",
            "-XX:+UseParallelGC", "-XX:NewRatio=5", "-XX:InlineSmallCode=1000", "-XX:MaxInlineLevel=9", "-Xmx768m",
            "-XX:AOTCache=/opt/kb/target/kb.aot");

    @Test
    void aDaemonTakesTheMemoryCollectorJitTrimAndCacheOfABuildButNotItsRecording() {
        List<String> given = new ArrayList<>(BUILD_JVM);
        given.add("-XX:StartFlightRecording=filename=build.jfr");

        assertThat(DaemonStarter.inherited(given)).containsExactly("--enable-native-access=ALL-UNNAMED",
                "-XX:MaxRAMPercentage=25", "-XX:+UseParallelGC", "-XX:NewRatio=5", "-XX:InlineSmallCode=1000",
                "-XX:MaxInlineLevel=9", "-Xmx768m", "-XX:AOTCache=/opt/kb/target/kb.aot");
    }

    @Test
    void aDaemonServesTheClientsOfBuildsWithTheLaunchersOptions() {
        List<String> daemon = DaemonStarter.inherited(BUILD_JVM);

        // The context a client asks with (the launcher's options for builds) is the daemon's own.
        assertThat(Request.asIf(BUILD_JVM, "1", List.of("build"), false).context())
                .isEqualTo(Request.asIf(daemon, "1", List.of("build"), false).context());
        assertThat(Request.asIf(BUILD_JVM, "1", List.of("build"), false).context())
                .isNotEqualTo(Request.asIf(List.of("-Xmx512m"), "1", List.of("build"), false).context());
    }
}
