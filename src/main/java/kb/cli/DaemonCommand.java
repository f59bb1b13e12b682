package kb.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import kb.daemon.BuildDaemon;
import kb.daemon.DaemonAddress;
import kb.daemon.DaemonClient;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import kb.state.StateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kb daemon}: the build daemon of one output folder, which {@code kb build} starts and
 * sends its builds to (see {@link BuildDaemon}); {@code --stop} stops it.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "The build daemon of --dest: 'kb build' starts one (unless --no-daemon) and runs its builds"
                + " into --dest there; it keeps the last build's state in memory. It logs to .kb-state/<dest>.daemon.log"
                + " beside --dest and stops after --idle-minutes without a build, or when kb is rebuilt.")
final class DaemonCommand implements Callable<Integer> {

    /** How long a daemon started by {@code kb build} waits for the next build before it stops. */
    static final int IDLE_MINUTES = 60;

    @Spec
    CommandSpec spec;

    @Option(names = "--dest", defaultValue = "site", description = "The output folder the daemon builds into (default: ${DEFAULT-VALUE}).")
    Path dest;

    @Option(names = "--stop", description = "Stop the daemon of --dest, if one runs.")
    boolean stop;

    @Parameters(paramLabel = "BUILD", description = "The command line of the kb build that started the daemon"
            + " ('build' and its options), after '--': before it serves, the daemon builds as it asks (but never"
            + " clean) if the sources, configuration and theme are those of the last build, so that its first build"
            + " for a client starts warm; if anything changed, it builds nothing.")
    List<String> warmUp = List.of();

    @Option(names = "--idle-minutes", defaultValue = "" + IDLE_MINUTES,
            description = "Stop after this many minutes without a build (default: ${DEFAULT-VALUE}).")
    int idleMinutes;

    @Override
    public Integer call() {
        DaemonAddress address = address(dest).orElseThrow(() -> new IllegalArgumentException(
                "there is no folder only you can open for the daemon's socket (XDG_RUNTIME_DIR, or java.io.tmpdir)"));
        if (stop) {
            String said = switch (new DaemonClient(address).stop(Duration.ofSeconds(10))) {
                case STOPPED -> "stopped the daemon of " + dest;
                case NONE -> "no daemon builds into " + dest;
                case AFTER_ITS_BUILD -> "the daemon of " + dest + " is busy with a build; it stops once that is over";
            };
            spec.commandLine().getOut().println("kb daemon: " + said);
            return ExitCodes.OK;
        }
        if (idleMinutes < 1) {
            throw new IllegalArgumentException("--idle-minutes must be at least 1");
        }
        // The state is written after each build is answered, as kb serve --watch does.
        java.io.PrintWriter log = spec.commandLine().getOut();
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> log.println("kb daemon: " + message));
        String version = StateFile.kbVersion();
        BuildDaemon daemon = new BuildDaemon(address, version, StateFile::kbVersion, Duration.ofMinutes(idleMinutes),
                (args, out, err, progress, cancel) -> run(builder, dest, args, out, err, progress, cancel), log);
        try {
            if (!daemon.bind()) {
                spec.commandLine().getOut().println("kb daemon: another daemon builds into " + dest);
                return ExitCodes.OK;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot listen on " + address.socket(), e);
        }
        // Stopped by a signal, it still writes the state of its last build (else the next is clean).
        Thread hook = new Thread(() -> {
            daemon.stop("stopped by a signal");
            builder.close();
        }, "kb-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // The last build's state, read while no build waits: the first build runs as the next ones.
        spec.commandLine().getOut().println("kb daemon: started " + java.time.ZonedDateTime.now().withNano(0)
                + " for " + dest + " in " + Path.of("").toAbsolutePath());
        builder.recall(dest);
        if (!warmUp.isEmpty() && warmUp.get(0).equals("build")) {
            List<String> args = warmUp.stream().filter(option -> !option.equals("--clean")).toList();
            long start = System.nanoTime();
            int code = Main.run(args.toArray(String[]::new), log, log, BuildHost.warmUp(builder, dest));
            log.printf("kb daemon: warm-up -> exit %d in %.2f s%n", code, (System.nanoTime() - start) / 1e9);
        }
        daemon.serve();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // stopped by a signal: the hook runs
        }
        builder.close();
        return ExitCodes.OK;
    }

    /** A client's {@code kb build}, with the daemon's builder; other commands are refused. */
    private static int run(SiteBuilder builder, Path dest, List<String> args, java.io.PrintWriter out, java.io.PrintWriter err,
            BuildProgress progress, java.util.function.Consumer<java.util.function.BooleanSupplier> cancel) {
        if (args.isEmpty() || !args.get(0).equals("build")) {
            err.println("kb daemon: runs 'kb build' only, not " + String.join(" ", args));
            return ExitCodes.USAGE;
        }
        cancel.accept(builder::interrupt);
        return Main.run(args.toArray(String[]::new), out, err, BuildHost.daemon(builder, progress, dest));
    }

    /** The address of the daemon that builds into {@code dest}, if it can have one. */
    static Optional<DaemonAddress> address(Path dest) {
        return DaemonAddress.of(dest, StateFile.beside(dest).path().getParent());
    }
}
