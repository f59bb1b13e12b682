package kb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kb.CliRun;
import kb.TestSites;
import kb.daemon.DaemonAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb build} as typed on the command line, with {@code kb daemon} running for its output
 * folder (as the first build starts it): the builds run in the daemon, print what a build in the
 * command's own process prints, and leave the same site.
 */
class BuildDaemonCliTest {

    /** An environment without CI=true (under which kb starts no daemon) or KB_DAEMON. */
    private static final java.util.function.UnaryOperator<String> NO_VARIABLES = name -> null;

    @TempDir
    Path tmp;

    private Path source;
    private Path site;
    private Path index;
    private Thread daemon;
    private final StringWriter daemonLog = new StringWriter();

    @BeforeEach
    void startDaemon() throws Exception {
        source = TestSites.copyTree(Path.of("content"), tmp.resolve("content"));
        site = tmp.resolve("site");
        index = tmp.resolve("index");
        daemon = Thread.ofPlatform().start(() -> Main.run(new String[] {"daemon", "--dest", site.toString()},
                new PrintWriter(daemonLog, true), new PrintWriter(daemonLog, true)));
        Path socket = DaemonCommand.address(site).map(DaemonAddress::socket).orElseThrow();
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            Thread.sleep(20);
        }
        assertThat(socket).as("the daemon listens").exists();
    }

    @AfterEach
    void stopDaemon() throws InterruptedException {
        CliRun.kb("daemon", "--stop", "--dest", site.toString());
        daemon.join(30_000);
        assertThat(daemon.isAlive()).isFalse();
    }

    /** {@code kb build} from the command line (not in-process: it uses the daemon). */
    private CliRun build(String... more) {
        return run(Stream.concat(Stream.of("--source", source.toString()), Stream.of(more)).toArray(String[]::new));
    }

    /** {@code kb build} into the site, with these options besides. */
    private CliRun run(String... more) {
        String[] args = Stream.concat(Stream.of("build", "--dest", site.toString(), "--index", index.toString(),
                "--no-progress"), Stream.of(more)).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return commandLine(args);
    }

    /** kb as typed on the command line (as Main.main runs it), with these arguments. */
    private static CliRun commandLine(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true), NO_VARIABLES);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void buildsRunInTheDaemonAndEqualACleanBuildHere() throws IOException {
        CliRun first = build();
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("(clean build,");
        Path article = source.resolve("kb/319/Q319864/README.md");
        Files.writeString(article, Files.readString(article).replace("Inventory Resynchronization", "Inventory Resync"));

        CliRun edit = build();

        assertThat(edit.code()).as(edit.err()).isEqualTo(ExitCodes.OK);
        assertThat(edit.out()).contains("(incremental build,");
        assertThat(daemonLog.toString()).contains("kb daemon: build --dest " + site).contains("-> exit 0");
        CliRun clean = CliRun.kb("build", "--source", source.toString(), "--dest", tmp.resolve("clean").toString(),
                "--index", tmp.resolve("clean-index").toString(), "--no-progress");
        assertThat(clean.code()).isEqualTo(ExitCodes.OK);
        assertThat(TestSites.files(site)).isEqualTo(TestSites.files(tmp.resolve("clean")));
        assertThat(TestSites.read(site.resolve("kb/319/Q319864/index.html"))).contains("Inventory Resync");
    }

    @Test
    void errorsAndTimingsComeBackAsABuildHerePrintsThem() throws IOException {
        Files.writeString(source.resolve("broken.md"), "---\ntitle: [unclosed\n---\nText\n");

        CliRun daemonBuild = build("--timings");
        CliRun here = build("--timings", "--no-daemon");

        assertThat(daemonBuild.code()).isEqualTo(ExitCodes.FAILED).isEqualTo(here.code());
        assertThat(daemonBuild.err()).contains("broken.md:2:").contains(": error: ");
        assertThat(daemonBuild.err()).isEqualTo(here.err());
        assertThat(daemonBuild.out()).contains("kb build: phases: configure");
        assertThat(here.out()).contains("kb build: phases: configure");
        assertThat(daemonLog.toString()).containsOnlyOnce("-> exit 1");
    }

    @Test
    void relativePathsAreTheClientsAndUsageErrorsComeBackAsTheyArePrintedHere() {
        CliRun bad = build("--no-such-option");
        CliRun badHere = build("--no-such-option", "--no-daemon");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE).isEqualTo(badHere.code());
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'").isEqualTo(badHere.err());
        assertThat(bad.out()).isEqualTo(badHere.out());
        // The daemon read that command line, as it was handed over before it was read here.
        assertThat(daemonLog.toString()).contains("--no-such-option -> exit 2");
        CliRun missing = run("--source", "no/such/folder");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("source folder no/such/folder does not exist");
    }

    @Test
    void theDaemonIsAskedBeforeTheCommandLineIsReadUnlessItIsPicoclisToRead() {
        assertThat(commandLine("build", "--source", source.toString(), "--dest=" + site, "--index",
                index.toString(), "--no-progress", "--timings", "--max-diagnostics", "9").code()).isEqualTo(ExitCodes.OK);
        assertThat(daemonLog.toString()).containsOnlyOnce("-> exit 0");
        // Help, short options and a --dest given twice are read here, as they were before.
        CliRun twice = commandLine("build", "--dest", site.toString(), "--dest", site.toString());
        assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("should be specified only once");
        CliRun help = commandLine("build", "-h", "--dest", site.toString());
        assertThat(help.code()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("Usage: kb build");
        assertThat(daemonLog.toString()).containsOnlyOnce("-> exit");
    }

    /**
     * A daemon started with the command line of the build that started it (as {@code kb build}
     * starts one) builds with it before it serves, when nothing changed since that build: its
     * first build for a client then starts from what the warm-up made.
     */
    @Test
    void aDaemonWarmsUpWithTheBuildThatStartedIt() throws Exception {
        Path other = tmp.resolve("other");
        String[] build = {"build", "--source", source.toString(), "--dest", other.toString(), "--index",
                tmp.resolve("other-index").toString(), "--no-progress", "--clean"};
        assertThat(CliRun.kb(build).code()).isEqualTo(ExitCodes.OK);
        StringWriter log = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("daemon", "--dest", other.toString(), "--"));
        args.addAll(List.of(build));
        Thread warm = Thread.ofPlatform().start(() -> Main.run(args.toArray(String[]::new), new PrintWriter(log, true),
                new PrintWriter(log, true)));
        try {
            for (int i = 0; i < 1500 && !log.toString().contains("listening on"); i++) {
                Thread.sleep(20);
            }
            assertThat(log.toString()).contains("kb build: warmed up").contains("kb build: rehearsed an edit on a copy of")
                    .contains("warm-up -> exit 0").doesNotContain("could not rehearse");
            Path article = source.resolve("kb/319/Q319864/README.md");
            Files.writeString(article, Files.readString(article).replace("Inventory Resynchronization", "Inventory Resync"));
            CliRun edit = commandLine(java.util.Arrays.copyOf(build, build.length - 1)); // not --clean
            assertThat(edit.code()).as(edit.err()).isEqualTo(ExitCodes.OK);
            assertThat(edit.out()).contains("(incremental build, ");
            assertThat(TestSites.read(other.resolve("kb/319/Q319864/index.html"))).contains("Inventory Resync");
        } finally {
            CliRun.kb("daemon", "--stop", "--dest", other.toString());
            warm.join(30_000);
        }
        assertThat(warm.isAlive()).isFalse();
    }

    /**
     * {@code kb build} in the small JVM the launcher starts first ({@link QuickBuild#main}): it
     * hands the build to the daemon, told the options of the JVM builds run in (this one's, which
     * the daemon runs in here); with none listening for its folder, it prints nothing and exits
     * with {@link QuickBuild#NOT_RUN}, for the launcher to build in a JVM of builds.
     */
    @Test
    void theLaunchersSmallClientHandsTheBuildToTheDaemon() throws Exception {
        Files.writeString(source.resolve("about.md"), "---\ntitle: About\n---\nHanded over.\n");
        ProcessRun handed = client("build", "--dest", site.toString(), "--index", index.toString(), "--no-progress",
                "--source", source.toString());
        assertThat(handed.code()).as(handed.err()).isZero();
        assertThat(handed.out()).contains("kb build: ").contains(" 0 errors");
        assertThat(daemonLog.toString()).containsOnlyOnce("-> exit 0");
        assertThat(Files.readString(site.resolve("about.html"))).contains("Handed over.");

        ProcessRun wrong = client("build", "--dest", site.toString(), "--index", index.toString(), "--no-progress",
                "--source", source.toString(), "--no-such-option");
        assertThat(wrong.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("--no-such-option");

        ProcessRun none = client("build", "--dest", tmp.resolve("elsewhere").toString(), "--source", source.toString());
        assertThat(none.code()).isEqualTo(QuickBuild.NOT_RUN);
        assertThat(none.out() + none.err()).isEmpty();
        assertThat(daemonLog.toString()).containsOnlyOnce("-> exit 0").containsOnlyOnce("-> exit 2");
    }

    /** What a process printed, and its exit code. */
    private record ProcessRun(int code, String out, String err) {
    }

    /** {@link QuickBuild#main} in a JVM of its own, as the launcher starts it (the options of builds: this JVM's). */
    private ProcessRun client(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), QuickBuild.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(QuickBuild.JVM_OPTIONS_VARIABLE,
                String.join("\n", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        builder.environment().put("KB_DAEMON", "on");
        builder.environment().remove("CI");
        Path out = tmp.resolve("client.out");
        Path err = tmp.resolve("client.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the client ends").isTrue();
        return new ProcessRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void onCiOrWithTheDaemonOffTheBuildRunsHere() {
        for (java.util.function.UnaryOperator<String> environment : List.<java.util.function.UnaryOperator<String>>of(
                name -> name.equals("CI") ? "true" : null, name -> name.equals("KB_DAEMON") ? "off" : null)) {
            String[] args = {"build", "--source", source.toString(), "--dest", site.toString(), "--index",
                    index.toString(), "--no-progress"};
            StringWriter err = new StringWriter();
            int code = Main.commandLine(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    environment);
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        }
        assertThat(daemonLog.toString()).doesNotContain("-> exit");
        // CI=true with KB_DAEMON=on: the daemon builds.
        int code = Main.commandLine(new String[] {"build", "--source", source.toString(), "--dest", site.toString(), "--index",
                index.toString(), "--no-progress"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true),
                name -> name.equals("CI") ? "true" : name.equals("KB_DAEMON") ? "on" : null);
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(daemonLog.toString()).contains("-> exit 0");
    }

    @Test
    void anArgumentFileIsReadWhereTheClientIs() throws IOException {
        Path file = tmp.resolve("build.args");
        Files.writeString(file, String.join("\n", "build", "--source", source.toString(), "--dest", site.toString(),
                "--index", index.toString(), "--no-progress") + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new String[] {"@" + file}, new PrintWriter(out, true), new PrintWriter(err, true),
                NO_VARIABLES);
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("kb build: ");
        assertThat(daemonLog.toString()).contains("-> exit 0");
    }

    @Test
    void aBuildWaitingForAnotherSaysSo() throws Exception {
        assertThat(build().code()).isEqualTo(ExitCodes.OK);
        Path lock = site.resolveSibling(".kb-state").resolve("site.lock");
        StringWriter err = new StringWriter();
        String note = "kb: another build is writing " + site + "; waiting for it to finish";
        int[] code = {-1};
        Thread client;
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                java.nio.file.StandardOpenOption.WRITE); var held = lockWhenFree(channel)) {
            client = Thread.ofPlatform().start(() -> code[0] = Main.commandLine(new String[] {"build", "--source",
                    source.toString(), "--dest", site.toString(), "--index", index.toString(), "--no-progress"},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), NO_VARIABLES));
            for (int i = 0; i < 1_200 && !err.toString().contains(note); i++) {
                Thread.sleep(50); // until the daemon's build finds the folder locked
            }
        }
        client.join(60_000);
        assertThat(code[0]).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains(note);
    }

    /** The lock, once the daemon has written its last build's state (it holds the lock until then). */
    private static java.nio.channels.FileLock lockWhenFree(java.nio.channels.FileChannel channel) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                return channel.lock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the daemon kept the output folder locked");
    }
}
