package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import kb.daemon.DaemonAddress;
import kb.daemon.DaemonClient;
import kb.daemon.Request;
import kb.site.BuildProgress;
import kb.state.StateFile;

/**
 * {@code kb build} handed to the daemon of its output folder as soon as kb starts, before picocli
 * reads the command line. In a new JVM picocli takes about 0.2 s to read it (its classes are too
 * old for the start-up cache, so each start loads and verifies them anew): a fifth of the time an
 * edit's build may take. The daemon reads the command line as a build
 * here would (its errors come back as they would be printed here); the client only needs to know
 * which daemon to ask, which {@code --dest} says.
 *
 * <p>A command line it cannot read as picocli does, it leaves to picocli: an {@code @file}
 * (expanded by picocli, relative to here), help or version options, short options, {@code --},
 * {@code --dest} given twice or without a value, and {@code --no-daemon}. Every other option is
 * passed on as it is: an option's value is never taken for {@code --dest}, since picocli refuses
 * an option's name as another option's value.
 */
final class QuickBuild {

    /**
     * The exit code of {@link #main} when it did not run the build, which the launcher then runs
     * in a JVM of its own (kb's own exit codes are 0 to 3 and 130).
     */
    static final int NOT_RUN = 125;

    /**
     * The exit code of {@link #main} when the daemon was asked and failed (what failed is said):
     * the launcher builds in a JVM of its own with {@code --no-daemon}, so that it neither asks
     * that daemon again nor starts one beside it.
     */
    static final int DAEMON_FAILED = 124;

    /**
     * The variable through which the launcher gives {@link #main} the options of the JVM a build
     * would run in, one per line: what the daemon's context must match.
     */
    static final String JVM_OPTIONS_VARIABLE = "KB_BUILD_JVM_OPTIONS";

    /** What sends the command line the usual way. */
    private static final Set<String> LEFT_TO_PICOCLI = Set.of("--help", "--version", "--no-daemon", "--");

    private QuickBuild() {
    }

    /**
     * {@code kb build} in a small JVM of its own, which the launcher starts first when a daemon
     * may run ({@code kb}): it hands the build to the daemon of its output folder, as
     * {@link Main#commandLine} would, and exits with the build's exit code. When the daemon was
     * not asked, or refused the build, it exits with {@link #NOT_RUN} having printed nothing of
     * its own (a note that the daemon is busy may have come, and the JVM's own notices), and the
     * launcher runs the command in the JVM builds run in; when the daemon failed the build, it
     * says so and exits with {@link #DAEMON_FAILED}. Such a JVM (the serial collector, the JIT's
     * first tier, a start-up cache of its own) starts in half the time, and loads only what
     * asking needs: a fifth of a second less for each build of an edit. The options of the JVM
     * a build would run in come in {@link #JVM_OPTIONS_VARIABLE}, for the daemon's context; the
     * daemon refuses, without stopping, a context they do not foresee (see {@link Request#guessed}).
     */
    public static void main(String[] args) {
        int code = NOT_RUN;
        try {
            String options = System.getenv(JVM_OPTIONS_VARIABLE);
            // The JVM adds the options of these variables to its own: the context would not be the build JVM's.
            boolean plain = true;
            for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
                String value = System.getenv(variable);
                plain &= value == null || value.isBlank();
            }
            if (options != null && plain) {
                PrintWriter out = new PrintWriter(System.out, true);
                PrintWriter err = new PrintWriter(System.err, true);
                List<String> jvm = new java.util.ArrayList<>();
                for (String line : options.split("\n")) {
                    if (!line.isBlank()) {
                        jvm.add(line);
                    }
                }
                UnaryOperator<String> environment = new UnaryOperator<>() { // not a lambda: see DaemonClient#run
                    @Override
                    public String apply(String name) {
                        return System.getenv(name);
                    }
                };
                DaemonClient.Outcome outcome = ask(args, environment, out, err, jvm);
                if (outcome instanceof DaemonClient.Outcome.Ran ran) {
                    code = ran.exitCode();
                } else if (outcome instanceof DaemonClient.Outcome.NotRun(String problem) && problem != null) {
                    err.println("kb build: " + problem + "; building in this process");
                    code = DAEMON_FAILED;
                }
            }
        } catch (RuntimeException e) {
            code = NOT_RUN; // the JVM of builds asks again, and says what fails
        }
        // Not System.exit: it looks up a logger for its own log message, which starts the JDK's
        // logging (30 ms); no shutdown hook is left to run (the client's is removed once answered).
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * Hands {@code args} to the daemon of their output folder, when they are a {@code kb build}
     * this reads, builds go to daemons in {@code environment}, and a daemon's socket is there.
     *
     * @return what asking came to (a build it ran, or why it did not), or null when the daemon was
     *         not asked: the command line is then read and run the usual way
     */
    static DaemonClient.Outcome ask(String[] args, UnaryOperator<String> environment, PrintWriter out, PrintWriter err) {
        return ask(args, environment, out, err, null);
    }

    /**
     * {@link #ask(String[], UnaryOperator, PrintWriter, PrintWriter)} for a build that would run
     * in a JVM with options {@code jvmOptions} (null: this one). Said on {@code err} only when
     * the daemon ran the build: a problem with asking is left for the JVM of builds to meet.
     */
    private static DaemonClient.Outcome ask(String[] args, UnaryOperator<String> environment, PrintWriter out,
            PrintWriter err, List<String> jvmOptions) {
        if (args.length == 0 || !args[0].equals("build") || !daemonWanted(environment)) {
            return null;
        }
        Optional<String> dest = dest(Arrays.asList(args).subList(1, args.length));
        if (dest == null) {
            return null;
        }
        Optional<DaemonAddress> address = DaemonCommand.address(Path.of(dest.orElse(BuildCommand.DEFAULT_DEST)));
        if (address.isEmpty() || !Files.exists(address.get().socket())) {
            return null;
        }
        boolean progress = !List.of(args).contains("--no-progress");
        return jvmOptions == null ? ask(address.get(), List.of(args), progress, out, err)
                : askQuietly(address.get(), Request.asIf(jvmOptions, StateFile.kbVersion(), List.of(args), false), progress,
                        out, err);
    }

    /**
     * Whether builds on the command line go to a daemon, as {@code KB_DAEMON} and {@code CI} in
     * {@code environment} say: yes unless {@code KB_DAEMON=off}, or on CI ({@code CI=true})
     * unless {@code KB_DAEMON=on}.
     */
    static boolean daemonWanted(UnaryOperator<String> environment) {
        String setting = environment.apply(BuildCommand.DAEMON_VARIABLE);
        boolean ci = "true".equalsIgnoreCase(environment.apply("CI"));
        return setting == null ? !ci : !"off".equalsIgnoreCase(setting);
    }

    /**
     * The build of {@code args} in the daemon at {@code address}, its output to {@code out} and
     * {@code err}, with a progress bar when wanted and on a terminal; unless none runs there or it
     * does not run the build (a problem with it is said on {@code err}).
     */
    static DaemonClient.Outcome ask(DaemonAddress address, List<String> args, boolean progressWanted, PrintWriter out,
            PrintWriter err) {
        DaemonClient.Outcome outcome = askQuietly(address, Request.here(StateFile.kbVersion(), args, false),
                progressWanted, out, err);
        if (outcome instanceof DaemonClient.Outcome.NotRun(String problem) && problem != null) {
            err.println("kb build: " + problem + "; building in this process");
        }
        return outcome;
    }

    /** {@code request} run by the daemon at {@code address}, with a progress bar when wanted and on a terminal. */
    private static DaemonClient.Outcome askQuietly(DaemonAddress address, Request request, boolean progressWanted,
            PrintWriter out, PrintWriter err) {
        if (!progressWanted || System.console() == null) {
            // Not even loaded (in the small JVM of main, the progress bar's library takes 20 ms to load).
            return new DaemonClient(address).run(request, out, err, BuildProgress.NONE);
        }
        try (ProgressBarView progress = ProgressBarView.create(progressWanted)) {
            return new DaemonClient(address).run(request.showing(progress.shows()), out, err, progress);
        }
    }

    /**
     * The value of {@code --dest} in a build's options (empty when not given), or null when the
     * options are not for this class to read.
     */
    static Optional<String> dest(List<String> options) {
        String dest = null;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = null;
            if (option.startsWith("@") || LEFT_TO_PICOCLI.contains(option)
                    || option.startsWith("-") && !option.startsWith("--")) {
                return null;
            } else if (option.equals("--dest")) {
                if (i + 1 == options.size()) {
                    return null;
                }
                value = options.get(++i);
            } else if (option.startsWith("--dest=")) {
                value = option.substring("--dest=".length());
            }
            if (value != null) {
                if (dest != null || value.startsWith("@") || value.isEmpty()) {
                    return null;
                }
                dest = value;
            }
        }
        return Optional.ofNullable(dest);
    }
}
