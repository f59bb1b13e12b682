package kb.cli;

import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.util.logging.Level;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import kb.daemon.DaemonClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kb} command: a static knowledge-base site generator with a search index. */
@Command(name = "kb", mixinStandardHelpOptions = true, version = "kb 0.1.0",
        description = "Builds a static knowledge-base site and its Lucene search index from a "
                + "Jekyll source tree.",
        subcommands = {BuildCommand.class, CheckCommand.class, SearchCommand.class, VerifyCommand.class, StatsCommand.class, ImportCommand.class,
                PublishCommand.class,
                ServeCommand.class, DaemonCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Runs kb and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::getenv));
    }

    /**
     * Runs kb as typed on the command line, in {@code environment}: a build goes to the daemon of
     * its output folder when one runs (and starts one, at a terminal, when none does).
     *
     * @return the exit code
     */
    static int commandLine(String[] args, PrintWriter out, PrintWriter err, UnaryOperator<String> environment) {
        BuildHost host = BuildHost.commandLine(environment);
        // First of all, before anything else is loaded: a build the daemon of its folder runs.
        DaemonClient.Outcome asked = QuickBuild.ask(args, environment, out, err);
        if (asked instanceof DaemonClient.Outcome.Ran ran) {
            return ran.exitCode();
        }
        // Lucene logs a hint about the incubating Vector API at first use; it is advice for
        // deployers, not something a kb user can act on.
        Logger lucene = Logger.getLogger("org.apache.lucene.internal.vectorization");
        lucene.setLevel(Level.SEVERE);
        int code = run(args, out, err, asked == null ? host : host.afterAsking(asked));
        Reference.reachabilityFence(lucene);
        return code;
    }

    /**
     * Runs kb in-process, printing to the given writers; returns the exit code. Builds run in
     * this process, without a daemon.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, BuildHost.HERE);
    }

    /** Runs kb with builds where {@code host} says; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, BuildHost host) {
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == BuildCommand.class ? type.cast(new BuildCommand(host))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.IO_OR_INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("kb: error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof kb.cluster.ClusterException) {
                err.println("kb: error: " + ex.getMessage());
                return ex instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.IO_OR_INTERNAL;
            }
            throw ex;
        });
        if (args.length == 0) {
            cli.usage(out);
            return ExitCodes.USAGE;
        }
        return cli.execute(args);
    }
}
