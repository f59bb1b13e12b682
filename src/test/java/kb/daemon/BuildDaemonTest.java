package kb.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kb.site.BuildProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon and its client over a real socket, with a handler standing for the build. */
class BuildDaemonTest {

    @TempDir
    Path tmp;

    private final StringWriter logText = new StringWriter();
    private final PrintWriter log = new PrintWriter(logText, true);
    private BuildDaemon daemon;
    private Thread serving;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.stop("test over");
            serving.join(10_000);
        }
    }

    private DaemonAddress start(Duration idle, BuildDaemon.Handler handler) throws Exception {
        Files.createDirectories(tmp.resolve(".kb-state")); // as the first build leaves it
        DaemonAddress address = DaemonAddress.of(tmp.resolve("site"), tmp.resolve(".kb-state")).orElseThrow();
        daemon = new BuildDaemon(address, "kb-1", () -> "kb-1", idle, handler, log);
        assertThat(daemon.bind()).isTrue();
        serving = Thread.ofPlatform().start(daemon::serve);
        return address;
    }

    private static Request request(String version, List<String> args) {
        return Request.here(version, args, true);
    }

    @Test
    void theClientShowsWhatTheBuildPrintsAndReturnsItsExitCode() throws Exception {
        List<String> seen = new ArrayList<>();
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            seen.addAll(args);
            out.println("kb build: done");
            err.println("a.md:3:8: error: é, 😀 and " + "x".repeat(40_000));
            progress.started("Rendering", 3);
            progress.advanced();
            progress.advanced();
            progress.advanced();
            progress.finished();
            return 1;
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> steps = new ArrayList<>();
        DaemonClient.Outcome outcome = new DaemonClient(address).run(request("kb-1", List.of("build", "--dest", "x y")),
                new PrintWriter(out), new PrintWriter(err), recording(steps));

        assertThat(outcome).isEqualTo(new DaemonClient.Outcome.Ran(1));
        assertThat(seen).containsExactly("build", "--dest", "x y");
        assertThat(out.toString()).isEqualTo("kb build: done" + System.lineSeparator());
        assertThat(err.toString()).isEqualTo("a.md:3:8: error: é, 😀 and " + "x".repeat(40_000) + System.lineSeparator());
        assertThat(steps).first().isEqualTo("started Rendering 3");
        assertThat(steps).last().isEqualTo("finished");
        assertThat(steps.stream().filter(s -> s.startsWith("advanced")).mapToInt(s -> Integer.parseInt(s.substring(9))).sum())
                .isEqualTo(3);
    }

    @Test
    void withNoDaemonTheClientRunsNothing() {
        DaemonAddress address = DaemonAddress.of(tmp.resolve("other"), tmp.resolve(".kb-state")).orElseThrow();
        DaemonClient.Outcome outcome = quietly(address, "kb-1", List.of("build"));
        assertThat(outcome).isEqualTo(new DaemonClient.Outcome.NotRun(null));
    }

    @Test
    void aClientOfAnotherKbIsRefusedAndTheDaemonStopsForItsOwn() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 0);
        DaemonClient.Outcome outcome = quietly(address, "kb-2", List.of("build"));

        assertThat(outcome).isEqualTo(new DaemonClient.Outcome.NotRun(null));
        serving.join(10_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(address.socket()).doesNotExist();
        assertThat(logText.toString()).contains("stopped: a client of another kb (kb-2)");
    }

    @Test
    void aContextTheLauncherForesawWronglyIsRefusedWithoutStoppingTheDaemon() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 0);
        Request here = request("kb-1", List.of("build"));
        Request foreseen = Request.asIf(List.of("-Duser.timezone=Somewhere/Else"), "kb-1", List.of("build"), false);
        assertThat(foreseen.guessed()).isTrue();
        assertThat(foreseen.context()).isNotEqualTo(here.context());

        DaemonClient.Outcome refused = new DaemonClient(address).run(foreseen, new PrintWriter(java.io.Writer.nullWriter()),
                new PrintWriter(java.io.Writer.nullWriter()), kb.site.BuildProgress.NONE);

        assertThat(refused).isEqualTo(new DaemonClient.Outcome.NotRun(null));
        assertThat(logText.toString()).contains("foreseen by the launcher").doesNotContain("stopped");
        assertThat(quietly(address, "kb-1", List.of("build"))).as("the JVM of builds asks again")
                .isEqualTo(new DaemonClient.Outcome.Ran(0));
        assertThat(serving.isAlive()).isTrue();
    }

    @Test
    void stopStopsIt() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 0);
        assertThat(new DaemonClient(address).stop(Duration.ofSeconds(10))).isEqualTo(DaemonClient.Stop.STOPPED);
        serving.join(10_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(address.socket()).doesNotExist();
        assertThat(new DaemonClient(address).stop(Duration.ofSeconds(10))).as("none listens any more").isEqualTo(DaemonClient.Stop.NONE);
    }

    @Test
    void stopWaitsNoLongerThanItSaysForABusyDaemonWhichStopsAfterItsBuild() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            running.countDown();
            await(release, 10);
            return 0;
        });
        Thread client = Thread.ofPlatform().start(() -> quietly(address, "kb-1", List.of("build")));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new DaemonClient(address).stop(Duration.ofMillis(300))).isEqualTo(DaemonClient.Stop.AFTER_ITS_BUILD);
        release.countDown();
        client.join(10_000);
        serving.join(10_000);
        assertThat(serving.isAlive()).as("stopped once its build was over").isFalse();
    }

    @Test
    void itStopsWhenIdle() throws Exception {
        DaemonAddress address = start(Duration.ofMillis(300), (args, out, err, progress, cancel) -> 0);
        serving.join(10_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(address.socket()).doesNotExist();
        assertThat(logText.toString()).contains("stopped: idle");
    }

    @Test
    void aSecondDaemonForTheSameFolderDoesNotListen() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 0);
        BuildDaemon second = new BuildDaemon(address, "kb-1", () -> "kb-1", Duration.ofMinutes(5),
                (args, out, err, progress, cancel) -> 0, log);
        assertThat(second.bind()).isFalse();
        assertThat(quietly(address, "kb-1", List.of("build"))).isEqualTo(new DaemonClient.Outcome.Ran(0));
    }

    @Test
    void itStopsWhenTheOutputsStateFolderIsRemoved() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 0);
        Files.delete(tmp.resolve(".kb-state"));
        serving.join(10_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(address.socket()).doesNotExist();
        assertThat(logText.toString()).contains("was removed");
    }

    @Test
    void aSocketLeftByADaemonThatDiedIsReplaced() throws Exception {
        DaemonAddress address = DaemonAddress.of(tmp.resolve("site"), tmp.resolve(".kb-state")).orElseThrow();
        // A socket file no one listens on, as a killed daemon leaves it.
        try (var channel = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(address.socket()));
        }
        assertThat(address.socket()).exists();
        start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 7);
        assertThat(quietly(address, "kb-1", List.of("build"))).isEqualTo(new DaemonClient.Outcome.Ran(7));
    }

    @Test
    void aClientThatGoesAwayStopsItsBuild() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            // The first attempts find the build not begun (it cannot be stopped yet): tried again.
            int[] attempts = {0};
            cancel.accept(() -> {
                if (++attempts[0] < 3) {
                    return false;
                }
                cancelled.countDown();
                return true;
            });
            running.countDown();
            try {
                return cancelled.await(10, TimeUnit.SECONDS) ? 130 : 0;
            } catch (InterruptedException e) {
                return 0;
            }
        });
        try (Wire wire = new Wire(SocketChannel.open(UnixDomainSocketAddress.of(address.socket())))) {
            wire.send(request("kb-1", List.of("build")));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            wire.frame(Wire.CANCEL);
        }
        assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the build was asked to stop").isTrue();
        // The daemon goes on serving.
        assertThat(new DaemonClient(address).stop(Duration.ofSeconds(10))).isEqualTo(DaemonClient.Stop.STOPPED);
    }

    @Test
    void aClientStoppedWhileItWaitsForAnotherBuildGetsNoBuild() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            ran.add(args.get(1));
            if (args.get(1).equals("first")) {
                firstRunning.countDown();
                await(release, 10);
            }
            return 0;
        });
        Thread first = Thread.ofPlatform().start(() -> quietly(address, "kb-1", List.of("build", "first")));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        try (Wire wire = new Wire(SocketChannel.open(UnixDomainSocketAddress.of(address.socket())))) {
            wire.send(request("kb-1", List.of("build", "second")));
            wire.frame(Wire.CANCEL); // Ctrl-C while it waits its turn
        }
        release.countDown();
        first.join(10_000);
        assertThat(quietly(address, "kb-1", List.of("build", "third")))
                .isEqualTo(new DaemonClient.Outcome.Ran(0));
        assertThat(ran).containsExactly("first", "third");
        assertThat(logText.toString()).contains("the client stopped before its build began");
    }

    @Test
    void aClientWaitingForAnotherClientsBuildSaysSo() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            if (args.get(1).equals("first")) {
                firstRunning.countDown();
                await(release, 20);
            }
            return 0;
        });
        StringWriter firstErr = new StringWriter();
        Thread first = Thread.ofPlatform().start(() -> new DaemonClient(address).run(request("kb-1", List.of("build", "first")),
                new PrintWriter(new StringWriter()), new PrintWriter(firstErr, true), BuildProgress.NONE));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        StringWriter secondErr = new StringWriter();
        DaemonClient.Outcome[] second = new DaemonClient.Outcome[1];
        Thread waiting = Thread.ofPlatform().start(() -> second[0] = new DaemonClient(address).run(
                request("kb-1", List.of("build", "second")), new PrintWriter(new StringWriter()),
                new PrintWriter(secondErr, true), BuildProgress.NONE));
        for (int i = 0; i < 200 && !secondErr.toString().contains("busy"); i++) {
            Thread.sleep(50);
        }
        release.countDown();
        first.join(10_000);
        waiting.join(10_000);
        assertThat(secondErr.toString()).isEqualTo(
                "kb build: the build daemon of this folder is busy (another build); waiting for it" + System.lineSeparator());
        assertThat(second[0]).isEqualTo(new DaemonClient.Outcome.Ran(0));
        assertThat(firstErr.toString()).as("its build began at once").isEmpty();
    }

    @Test
    void notesReachTheClientWithoutAProgressBar() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            progress.note("kb: another build is writing site; waiting for it to finish");
            progress.started("Rendering", 1);
            progress.advanced();
            progress.finished();
            return 0;
        });
        StringWriter err = new StringWriter();
        List<String> steps = new ArrayList<>();
        DaemonClient.Outcome outcome = new DaemonClient(address).run(Request.here("kb-1", List.of("build"), false),
                new PrintWriter(new StringWriter()), new PrintWriter(err), recording(steps));
        assertThat(outcome).isEqualTo(new DaemonClient.Outcome.Ran(0));
        assertThat(err.toString()).isEqualTo("kb: another build is writing site; waiting for it to finish" + System.lineSeparator());
        assertThat(steps).as("no progress asked for").isEmpty();
    }

    @Test
    void aRequestItCannotReadStopsTheDaemon() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> 0);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'k', 'b', 'd', '9', 0, 0}));
            channel.shutdownOutput();
            channel.read(java.nio.ByteBuffer.allocate(16));
        }
        serving.join(10_000);
        assertThat(serving.isAlive()).as("a newer kb's client can start its own").isFalse();
        assertThat(address.socket()).doesNotExist();
    }

    @Test
    void aFailedBuildIsRunByTheClientItself() throws Exception {
        DaemonAddress address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            throw new IllegalStateException("a bug");
        });
        DaemonClient.Outcome outcome = quietly(address, "kb-1", List.of("build"));
        assertThat(outcome).isInstanceOf(DaemonClient.Outcome.NotRun.class);
        assertThat(((DaemonClient.Outcome.NotRun) outcome).problem()).contains("did not finish the build")
                .contains(address.log().toString());
        assertThat(logText.toString()).contains("a bug");
        // The failed request's end stops nothing of the next one.
        CountDownLatch stopped = new CountDownLatch(1);
        daemon.stop("replaced");
        serving.join(10_000);
        address = start(Duration.ofMinutes(5), (args, out, err, progress, cancel) -> {
            cancel.accept(() -> {
                stopped.countDown();
                return true;
            });
            if (args.size() > 1) {
                throw new IllegalStateException("a bug");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        quietly(address, "kb-1", List.of("build", "fails"));
        assertThat(quietly(address, "kb-1", List.of("build"))).isEqualTo(new DaemonClient.Outcome.Ran(0));
        assertThat(stopped.getCount()).as("no build was stopped").isEqualTo(1);
    }

    @Test
    void theSocketFolderIsTheUsersAlone() throws Exception {
        DaemonAddress address = DaemonAddress.of(tmp.resolve("site"), tmp.resolve(".kb-state")).orElseThrow();
        assertThat(Files.getPosixFilePermissions(address.socket().getParent()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(address.socket().toString().length()).as("within a Unix socket's path limit").isLessThan(100);
        assertThat(address.log()).isEqualTo(tmp.resolve(".kb-state/site.daemon.log"));
    }

    /** A build request to the daemon at {@code address}, its output and progress shown nowhere. */
    private static DaemonClient.Outcome quietly(DaemonAddress address, String version, List<String> args) {
        return new DaemonClient(address).run(request(version, args), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), BuildProgress.NONE);
    }

    /** Waits up to {@code seconds} for {@code latch} (a handler standing for a long build). */
    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BuildProgress recording(List<String> steps) {
        return new BuildProgress() {
            @Override
            public void started(String phase, int total) {
                steps.add("started " + phase + " " + total);
            }

            @Override
            public void advanced() {
                steps.add("advanced 1");
            }

            @Override
            public void advanced(int n) {
                steps.add("advanced " + n);
            }

            @Override
            public void finished() {
                steps.add("finished");
            }
        };
    }
}
