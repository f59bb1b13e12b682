package kb.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.search.SearchService;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * {@code kb serve}: the built site and its search API on Jetty. The site is mounted at its base
 * URL (read by {@link SiteInfo}); static files get content types, ETag and Last-Modified (304 on
 * revalidation), gzip when the client accepts it, {@code index.html} for folders (and a redirect
 * from {@code /a} to {@code /a/}), short links to articles ({@code /kb/319864}, {@code /Q319864},
 * {@code /KB319864}: 301 to the article, see {@link ShortLinks}) and the site's 404 page. One {@link SearchService} serves all
 * requests. {@link #close()} stops gracefully: requests under way are finished first.
 */
public final class KbServer implements AutoCloseable {

    /** How long {@link #close()} waits for requests under way. */
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final Server server;
    private final SearchService search;
    private final SiteInfo info;
    private final String host;

    private KbServer(Server server, SearchService search, SiteInfo info, String host) {
        this.server = server;
        this.search = search;
        this.info = info;
        this.host = host;
    }

    /**
     * Opens the index and starts serving.
     *
     * @throws IllegalArgumentException when the site folder or the index is missing
     * @throws UncheckedIOException     when the port cannot be opened
     */
    public static KbServer start(ServeOptions options) {
        Path site = options.site().toAbsolutePath().normalize();
        if (!Files.isDirectory(site)) {
            throw new IllegalArgumentException("no site at " + options.site() + " (run 'kb build' first)");
        }
        SiteInfo info = SiteInfo.read(site);
        SearchService search = new SearchService(options.index());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setErrorHandler(new ErrorPages(site, info));
        CompressionHandler compression = new CompressionHandler(handlers(site, info, search));
        compression.putCompression(new GzipCompression());
        server.setHandler(new GracefulHandler(compression));
        KbServer kb = new KbServer(server, search, info, options.host());
        try {
            server.start();
        } catch (Exception e) {
            kb.close();
            if (e instanceof IOException && (e instanceof BindException || e.getCause() instanceof BindException)) {
                throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port()
                        + " (" + e.getMessage() + "); is another server running there? Choose another --port", (IOException) e);
            }
            throw new UncheckedIOException("cannot start the server: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return kb;
    }

    private static Handler handlers(Path site, SiteInfo info, SearchService search) {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.root().newResource(site));
        files.setDirAllowed(false);
        files.setEtags(true);
        files.setWelcomeFiles(List.of("index.html"));
        files.setWelcomeMode(org.eclipse.jetty.server.ResourceService.WelcomeMode.SERVE);
        files.setAcceptRanges(true);

        // Short links after the files: a real page at such a path wins.
        List<Handler> inSite = new ArrayList<>(List.of(new SearchApi(search, info.baseurl()), new SiteFacts(site, info),
                files, new ShortLinks(search::articleUrl, info.baseurl())));
        if (info.baseurl().isEmpty()) {
            inSite.add(new RootPaths(""));
        }
        ContextHandler context = new ContextHandler(new Handler.Sequence(inSite),
                info.baseurl().isEmpty() ? "/" : info.baseurl());
        utf8Types(context.getMimeTypes());
        if (info.baseurl().isEmpty()) {
            return context;
        }
        // Outside the base URL: "/" leads to it; the API answers at /api/ too.
        ContextHandler root = new ContextHandler(new Handler.Sequence(
                new RootPaths(info.baseurl()), new SearchApi(search, info.baseurl())), "/");
        return new Handler.Sequence(context, root);
    }

    /** Text types with their charset, so that browsers never guess. */
    private static void utf8Types(MimeTypes.Mutable types) {
        types.addMimeMapping("html", "text/html;charset=utf-8");
        types.addMimeMapping("htm", "text/html;charset=utf-8");
        types.addMimeMapping("css", "text/css;charset=utf-8");
        types.addMimeMapping("js", "text/javascript;charset=utf-8");
        types.addMimeMapping("mjs", "text/javascript;charset=utf-8");
        types.addMimeMapping("json", "application/json;charset=utf-8");
        types.addMimeMapping("xml", "application/xml;charset=utf-8");
        types.addMimeMapping("txt", "text/plain;charset=utf-8");
        types.addMimeMapping("md", "text/markdown;charset=utf-8");
        types.addMimeMapping("svg", "image/svg+xml;charset=utf-8");
        types.addMimeMapping("webmanifest", "application/manifest+json;charset=utf-8");
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The site's home page, {@code http://127.0.0.1:4000/kbarchive/}. */
    public URI uri() {
        String h = host.isBlank() || host.equals("0.0.0.0") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + info.baseurl() + "/");
    }

    /** The facts of the site served. */
    public SiteInfo site() {
        return info;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops serving (requests under way are finished, up to 5 s) and closes the index. Idempotent. */
    @Override
    public synchronized void close() {
        try {
            if (!server.isStopped()) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server", e);
        } finally {
            closeSearch();
        }
    }

    private boolean searchClosed;

    private void closeSearch() {
        if (!searchClosed) {
            searchClosed = true;
            search.close();
        }
    }
}
