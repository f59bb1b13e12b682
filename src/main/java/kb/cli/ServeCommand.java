package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kb.serve.KbServer;
import kb.serve.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb serve}: the built site and its search API over HTTP, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the built site (at its baseurl) with the search API: GET /api/search?q=&product=&type="
                + "&year=&sort=relevance|date&page=&size=, GET /api/articles/{id}. Stop with Ctrl-C.")
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

    @Override
    public Integer call() throws InterruptedException {
        // Jetty's own logger: warnings and errors only, unless the user asks for more.
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        KbServer server = KbServer.start(new ServeOptions(site, index, host, port));
        PrintWriter out = spec.commandLine().getOut();
        Thread stopper = new Thread(() -> {
            server.close();
            out.println("kb serve: stopped");
        }, "kb-serve-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("kb serve: " + server.uri() + " (site " + site + ", index " + index + "); Ctrl-C to stop");
        server.join();
        return ExitCodes.OK;
    }
}
