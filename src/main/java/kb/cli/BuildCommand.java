package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import kb.daemon.DaemonAddress;
import kb.daemon.DaemonClient;
import kb.daemon.DaemonStarter;
import kb.site.BuildInterrupted;
import kb.site.BuildOptions;
import kb.site.BuildResult;
import kb.site.BuildStopped;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;
import kb.state.StateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb build}: source tree -> site folder + search index. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site and its search index from a Jekyll source tree.")
final class BuildCommand implements Callable<Integer> {

    /**
     * Set to "off", no build uses or starts a daemon (as --no-daemon); set to "on", builds do
     * also on CI (CI=true), where by default they do not: a CI job leaves no process behind.
     */
    static final String DAEMON_VARIABLE = "KB_DAEMON";

    private final BuildHost host;

    @Spec
    CommandSpec spec;

    @Mixin
    BuildInputOptions input;

    /** The output folder when none is given. */
    static final String DEFAULT_DEST = "site";

    @Option(names = "--dest", defaultValue = DEFAULT_DEST, description = "Output folder for the site (default: ${DEFAULT-VALUE}).")
    Path dest;

    @Option(names = "--index", defaultValue = "index", description = "Output folder for the search index (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    @Option(names = "--clean", description = "Make everything, ignoring what the last build left in .kb-state/ beside the output.")
    boolean clean;

    @Option(names = "--no-daemon", description = "Build in this process, without the build daemon of --dest (also: "
            + DAEMON_VARIABLE + "=off; on CI, CI=true, unless " + DAEMON_VARIABLE + "=on). By default the build runs in"
            + " that daemon when one runs; it keeps the last build's state in memory, so a build after an edit takes"
            + " about half as long. A build at a terminal (or with " + DAEMON_VARIABLE + "=on) that finds none runs here"
            + " and starts one; it stops after " + DaemonCommand.IDLE_MINUTES + " idle minutes (kb daemon --stop).")
    boolean noDaemon;

    BuildCommand(BuildHost host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (host.serves() != null && !host.serves().equals(dest.toAbsolutePath().normalize())) {
            // QuickBuild chose the daemon from the command line as picocli reads it: this does not happen.
            err.println("kb build: error: the build daemon of " + host.serves() + " was asked to build into " + dest
                    + "; build with --no-daemon");
            return ExitCodes.USAGE;
        }
        boolean use = host.daemons() && !noDaemon && QuickBuild.daemonWanted(host.environment());
        // A daemon is started for someone at a terminal (or when asked for): a script's builds
        // use one that runs, but leave no process behind them.
        boolean start = use && ("on".equalsIgnoreCase(host.environment().apply(DAEMON_VARIABLE))
                || System.console() != null);
        Optional<DaemonAddress> address = use ? DaemonCommand.address(dest) : Optional.empty();
        if (address.isPresent()) {
            // As expanded: an @file's arguments are read here, where its relative name points.
            DaemonClient.Outcome outcome = host.asked() != null ? host.asked()
                    : QuickBuild.ask(address.get(), spec.root().commandLine().getParseResult().expandedArgs(), !noProgress,
                            spec.commandLine().getOut(), err);
            if (outcome instanceof DaemonClient.Outcome.Ran ran) {
                return ran.exitCode();
            }
            // A daemon that failed a build may still run (the failure is in its log): none is started beside it.
            start &= ((DaemonClient.Outcome.NotRun) outcome).problem() == null;
        }
        int code = here();
        if (start) {
            address.ifPresent(a -> startDaemon(a, err));
        }
        return code;
    }

    /** The build in this process (or, inside the daemon, with its builder). */
    private int here() {
        BuildOptions options = input.buildOptions(dest, index, clean);
        Diagnostics diagnostics = new Diagnostics(input.strict);
        BuildResult result;
        try {
            if (host.warmingUp()) {
                boolean built = host.resident().warmUp(options, diagnostics);
                diagnostics.print(spec.commandLine().getErr(), input.maxDiagnostics);
                spec.commandLine().getOut().println(built ? "kb build: warmed up: the next builds start from this one's"
                        : "kb build: no warm-up: the sources, configuration or theme are not the last build's (or there is"
                                + " no state of one to build on); the next build is an ordinary one");
                if (built) {
                    rehearseEdit(options);
                }
                return ExitCodes.OK;
            } else if (host.resident() != null) {
                result = host.resident().build(options, diagnostics, host.progress());
            } else {
                try (ProgressBarView progress = ProgressBarView.create(!noProgress)) {
                    result = new SiteBuilder(progress).build(options, diagnostics);
                }
            }
        } catch (BuildInterrupted e) {
            // In a daemon: its client was stopped (Ctrl-C); nothing changed.
            spec.commandLine().getErr().println("kb build: stopped");
            return ExitCodes.INTERRUPTED;
        } catch (BuildStopped e) {
            // The configuration or a template is broken: nothing was written, the last site stays.
            diagnostics.print(spec.commandLine().getErr(), input.maxDiagnostics);
            spec.commandLine().getErr().println("kb build: stopped: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        diagnostics.print(spec.commandLine().getErr(), input.maxDiagnostics);
        spec.commandLine().getOut().println("kb build: " + result.summary() + " -> " + dest + ", " + index);
        if (input.timings) {
            spec.commandLine().getOut().println("kb build: phases: " + result.timingLine());
        }
        return diagnostics.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * After the daemon's warm-up, an edit's build rehearsed on a copy of the site (see
     * {@link SiteBuilder#rehearseEdit}), said in the daemon's log; one that fails is said there too,
     * and the daemon builds on as before.
     */
    private void rehearseEdit(BuildOptions options) {
        long start = System.nanoTime();
        // Of the copy's files: counted here, not printed (the real builds report the same articles).
        Diagnostics copy = new Diagnostics(input.strict);
        try {
            host.resident().rehearseEdit(options, copy).ifPresent(done -> {
                int errors = copy.errorCount();
                String failures = errors == 0 ? "" : "; " + errors + (errors == 1 ? " error" : " errors")
                        + " in the copy, the first: " + copy.sorted().stream()
                                .filter(d -> d.severity() == kb.diag.Severity.ERROR).findFirst().orElseThrow();
                spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                        "kb build: rehearsed an edit on a copy of %d pages (files written: %s%s) in %.2f s%n",
                        done.pages(), done.editsWritten(), failures, (System.nanoTime() - start) / 1e9);
            });
        } catch (RuntimeException e) {
            // Not the writer's build: the daemon goes on, its first edits merely slower.
            spec.commandLine().getErr().println("kb build: could not rehearse an edit: " + e);
        }
    }

    /** Starts the daemon of the output folder, which the next builds into it run in. */
    private void startDaemon(DaemonAddress address, PrintWriter err) {
        try {
            // It warms up with this build's options (see DaemonCommand#warmUp), as expanded from any @file.
            List<String> args = new java.util.ArrayList<>(List.of("daemon", "--dest", dest.toAbsolutePath().normalize().toString(),
                    "--"));
            args.addAll(spec.root().commandLine().getParseResult().expandedArgs());
            Optional<Long> pid = DaemonStarter.start(StateFile.kbCode().orElse(Path.of("")), Main.class.getName(), args,
                    Path.of("").toAbsolutePath(), address.log());
            pid.ifPresent(p -> err.println("kb build: started a build daemon for " + dest + " (pid " + p + ", log "
                    + address.log() + "): the next builds into it run there, faster; it stops after "
                    + DaemonCommand.IDLE_MINUTES + " idle minutes (--no-daemon: build without it)"));
        } catch (IOException e) {
            err.println("kb build: could not start a build daemon (" + e.getMessage() + "); builds run without one");
        }
    }
}
