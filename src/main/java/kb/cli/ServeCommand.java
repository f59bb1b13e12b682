package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kb.diag.Diagnostics;
import kb.serve.AccessLog;
import kb.serve.KbServer;
import kb.serve.ServeOptions;
import kb.serve.SiteWatch;
import kb.site.BuildOptions;
import kb.site.BuildResult;
import kb.site.BuildStopped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kb serve}: the built site and its search API over HTTP, until Ctrl-C; with
 * {@code --watch}, builds first and rebuilds on every change, reloading the open pages.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the built site (at its baseurl) with the search API: GET /api/search?q=&product=&type="
                + "&year=&sort=relevance|date&page=&size=, GET /api/articles/{id}. The server follows the index:"
                + " a new 'kb build' into --index is searched within a second. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", defaultValue = "site", description = "Site folder written by 'kb build' (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--index", defaultValue = "index", description = "Index folder written by 'kb build' (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--port", defaultValue = "4000", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--request-log", defaultValue = "-", paramLabel = "FILE|-|none",
            description = "Where to write one line per request (time, method, path, status, duration): '-' for"
                    + " standard error (default), 'none' for nowhere, else a file to append to.")
    String requestLog;

    @Option(names = "--watch", description = "Build --source into --site and --index first, then rebuild whenever a source"
            + " or template changes and reload the pages open in the browser. --source, --templates, --base-url,"
            + " --strict and --max-diagnostics are used as by 'kb build'.")
    boolean watch;

    @Option(names = "--no-progress", description = "With --watch: no progress bar for the first build.")
    boolean noProgress;

    @Option(names = "--opensearch", paramLabel = "URL[,URL...]",
            description = "Answer searches from an OpenSearch cluster that 'kb publish' filled, instead of --index:"
                    + " one or more node URLs, comma-separated (a node that fails is skipped).")
    String opensearch;

    @Option(names = "--alias", defaultValue = "kb", description = "With --opensearch: the alias searched (default: ${DEFAULT-VALUE}).")
    String alias;

    @Mixin
    BuildInputOptions input;

    @Override
    public Integer call() throws InterruptedException {
        // Jetty's own logger: warnings and errors only, unless the user asks for more.
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        // A malformed Host header is the client's mistake, answered 400 and in the request log;
        // not a warning per request.
        if (System.getProperty("org.eclipse.jetty.util.HostPort.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.util.HostPort.LEVEL", "ERROR");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SiteWatch> watching = watch ? Optional.of(buildAndWatch(out, err)) : Optional.empty();
        KbServer server;
        Optional<AccessLog> log = Optional.empty();
        try {
            log = accessLog(err);
            server = KbServer.start(new ServeOptions(site, index, host, port, watch, Optional.ofNullable(opensearch), alias),
                    log);
        } catch (RuntimeException e) {
            log.ifPresent(AccessLog::close);
            watching.ifPresent(SiteWatch::close);
            throw e;
        }
        watching.ifPresent(w -> w.start(server));
        Thread stopper = new Thread(() -> {
            watching.ifPresent(SiteWatch::close);
            server.close();
            out.println("kb serve: stopped");
        }, "kb-serve-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("kb serve: " + server.uri() + " (site " + site + ", "
                + (opensearch == null ? "index " + index : "cluster " + opensearch + " alias " + alias) + "); Ctrl-C to stop");
        server.join();
        return ExitCodes.OK;
    }

    private Optional<AccessLog> accessLog(PrintWriter err) {
        return switch (requestLog) {
            case "none" -> Optional.empty();
            case "-" -> Optional.of(AccessLog.to(err));
            default -> Optional.of(AccessLog.appendingTo(Path.of(requestLog)));
        };
    }

    /** Starts watching (so that no change is missed), then builds once; a build with errors is still served. */
    private SiteWatch buildAndWatch(PrintWriter out, PrintWriter err) {
        BuildOptions options = input.buildOptions(site, index);
        SiteWatch watching = new SiteWatch(options, out, err, input.maxDiagnostics, input.timings,
                () -> new Diagnostics(input.strict));
        Diagnostics diagnostics = new Diagnostics(input.strict);
        try {
            BuildResult result;
            try (ProgressBarView progress = ProgressBarView.create(!noProgress)) {
                result = watching.build(diagnostics, progress);
            }
            diagnostics.print(err, input.maxDiagnostics);
            out.println("kb serve: built " + result.summary() + " -> " + site + ", " + index);
            return watching;
        } catch (BuildStopped e) {
            // Nothing was written: serve the last site built, and build again once the sources are fixed.
            diagnostics.print(err, input.maxDiagnostics);
            err.println("kb serve: the build stopped: " + e.getMessage() + "; serving the last site built");
            err.flush();
            return watching;
        } catch (RuntimeException e) {
            watching.close();
            throw e;
        }
    }
}
