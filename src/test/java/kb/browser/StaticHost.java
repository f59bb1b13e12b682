package kb.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A plain static web host, as GitHub Pages or an S3 bucket behave: files of the site folder by
 * path, a folder's {@code index.html}, and for anything else the site's own {@code 404.html} with
 * status 404. No redirects, no server-side knowledge of kb.
 */
final class StaticHost implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "xml", "application/xml",
            "txt", "text/plain; charset=utf-8", "png", "image/png");

    private final Path site;
    private final HttpServer server;

    private StaticHost(Path site, HttpServer server) {
        this.site = site;
        this.server = server;
    }

    /** Serves {@code site} on a free port of the loopback address. */
    static StaticHost start(Path site) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StaticHost host = new StaticHost(site.toAbsolutePath().normalize(), server);
        server.createContext("/", host::handle);
        server.start();
        return host;
    }

    /** The absolute URL of a path on this host. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            Path file = site.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                status = 404;
                file = site.resolve("404.html");
            }
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : "Not found".getBytes();
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
