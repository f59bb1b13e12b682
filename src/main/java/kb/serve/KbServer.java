package kb.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.cluster.ClusterClient;
import kb.search.ClusterSearch;
import kb.search.Searcher;
import kb.search.SearchService;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kb serve}: the built site and its search API on Jetty. The site is mounted at its base
 * URL (read by {@link SiteInfo} at start); static files get content types, ETag and Last-Modified
 * (304 on revalidation), gzip when the client accepts it, {@code index.html} for folders (and a
 * redirect from {@code /a} to {@code /a/}), short links to articles ({@code /kb/319864},
 * {@code /Q319864}, {@code /KB319864}: 301 to the article, see {@link ShortLinks}) and the site's
 * 404 page. One {@link Searcher} serves all requests: the index folder's ({@link SearchService}) or a
 * search cluster's ({@link ClusterSearch}, {@code --opensearch}).
 *
 * <p>The server follows rebuilds into its folders: files are read from disk at each request
 * ({@link SiteFiles}), and the index's newest commit is searched within {@link IndexFollower#PERIOD}
 * of being written, or at once after {@link #rebuilt()}. With live reload on ({@code kb serve
 * --watch}), the pages served carry a script that reloads them after each rebuild
 * ({@link LiveReload}). {@link #close()} stops gracefully: requests under way are finished first.
 *
 * <p>Every answer carries {@link SecurityHeaders} and no {@code Server} header; with an
 * {@link AccessLog}, each request is logged as it ends.
 */
public final class KbServer implements AutoCloseable {

    /** How long {@link #close()} waits for requests under way. */
    private static final long STOP_TIMEOUT_MS = 5_000;
    /** How long one request to a cluster node may take before the next node is tried. */
    private static final java.time.Duration SEARCH_TIMEOUT = java.time.Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(KbServer.class);

    private final Server server;
    private final Searcher search;
    private final Path site;
    private final SiteRoot files;
    private final SiteInfo info;
    private final String host;
    private final Optional<LiveReload> liveReload;
    private final Optional<AccessLog> requestLog;
    /** Follows the index folder's commits; null when a cluster is searched ({@code --opensearch}). */
    private IndexFollower follower;
    private boolean closed;

    private KbServer(Server server, Searcher search, Path site, SiteRoot files, SiteInfo info, String host,
            Optional<LiveReload> liveReload, Optional<AccessLog> requestLog) {
        this.server = server;
        this.files = files;
        this.requestLog = requestLog;
        this.search = search;
        this.site = site;
        this.info = info;
        this.host = host;
        this.liveReload = liveReload;
    }

    /**
     * Opens the index and starts serving.
     *
     * @throws IllegalArgumentException when the site folder or the index is missing
     * @throws UncheckedIOException     when the port cannot be opened
     */
    public static KbServer start(ServeOptions options) {
        return start(options, Optional.empty());
    }

    /**
     * Opens the index and starts serving, writing a line per request to {@code requestLog}
     * (closed with the server).
     *
     * @throws IllegalArgumentException when the site folder or the index is missing
     * @throws UncheckedIOException     when the port cannot be opened
     */
    public static KbServer start(ServeOptions options, Optional<AccessLog> requestLog) {
        if (!Files.isDirectory(options.site())) {
            throw new IllegalArgumentException("no site at " + options.site() + " (run 'kb build' first)");
        }
        Path site = SiteRoot.servedFolder(options.site());
        SiteInfo info = SiteInfo.read(site);
        Searcher search = searcher(options);
        Optional<LiveReload> liveReload = options.liveReload() ? Optional.of(new LiveReload()) : Optional.empty();
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // "Server: Jetty(12.1.14)" tells an attacker which advisories to try: no Server header.
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setStopTimeout(STOP_TIMEOUT_MS);
        SiteRoot files = new SiteRoot(site);
        server.setErrorHandler(new ErrorPages(files, info,
                html -> liveReload.map(l -> LiveReloadScript.inject(html, l.scriptTag())).orElse(html)));
        Handler pages = handlers(files, info, search);
        if (liveReload.isPresent()) {
            pages = new LiveReloadScript(pages, liveReload.get()::scriptTag);
        }
        CompressionHandler compression = new CompressionHandler(pages);
        compression.putCompression(new GzipCompression());
        // The event streams stay open: outside compression (which would hold events back) and
        // outside the graceful stop (which would wait for them); close() ends them first.
        Handler graceful = new GracefulHandler(compression);
        server.setHandler(new SecurityHeaders(
                liveReload.<Handler>map(l -> new Handler.Sequence(l, graceful)).orElse(graceful)));
        requestLog.ifPresent(server::setRequestLog);
        KbServer kb = new KbServer(server, search, site, files, info, options.host(), liveReload, requestLog);
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
        if (options.opensearch().isEmpty()) {
            kb.follower = new IndexFollower(search, kb::checkBaseUrl);
        }
        return kb;
    }

    /** What the options search: the index folder, or a cluster through its alias. */
    private static Searcher searcher(ServeOptions options) {
        if (options.opensearch().isEmpty()) {
            return new SearchService(options.index());
        }
        ClusterClient client = new ClusterClient(ClusterClient.nodes(options.opensearch().get()), SEARCH_TIMEOUT);
        ClusterSearch search = new ClusterSearch((path, body) -> client.search(path, body).require("searching " + options.alias()),
                options.alias());
        search.articleUrl("0"); // fails now, with the cluster's reason, when the alias cannot be searched
        return search;
    }

    private static Handler handlers(SiteRoot files, SiteInfo info, Searcher search) {
        // Short links after the files: a real page at such a path wins.
        List<Handler> inSite = new ArrayList<>(List.of(new SearchApi(search, info.baseurl()), new SiteFacts(files, info),
                new SiteFiles(files), new ShortLinks(search::articleUrl, info.baseurl())));
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

    /**
     * Tells the server that a rebuild into its folders is complete: it searches the new index
     * commit before returning, and with live reload on, the open pages then reload. Thread-safe.
     */
    public void rebuilt() {
        rebuilt(true);
    }

    /**
     * {@link #rebuilt()}, reloading the open pages only if {@code pagesChanged} (a rebuild that
     * wrote no file changed nothing a page shows).
     */
    public void rebuilt(boolean pagesChanged) {
        files.clearPreviews();
        if (follower != null) { // null when a cluster is searched: it is searched as it is
            follower.refreshNow();
            follower.pause(false);
        }
        if (pagesChanged) {
            liveReload.ifPresent(LiveReload::reload);
        }
    }

    /**
     * While a rebuild runs, the server does not follow index commits by itself ({@code true}),
     * so that no page reloads or search sees a build that is not done; {@link #rebuilt()} or
     * {@code rebuilding(false)} ends that.
     */
    public void rebuilding(boolean underWay) {
        if (follower != null) {
            follower.pause(underWay);
        }
    }

    /**
     * Shows edited pages before the rebuild under way is done ({@code kb serve --watch}): serves
     * them, by path below the site folder, in place of their files; searches the index's newest
     * commit (which holds their documents); and reloads the open pages. {@link #rebuilt()} serves
     * the files again; a rebuild that stops before its commit ({@code rebuilding(false)}) leaves
     * the index with the previewed documents, and the pages previewed stay too. Thread-safe.
     */
    public void previewed(Map<String, String> pages) {
        Map<String, byte[]> bytes = new java.util.HashMap<>();
        pages.forEach((path, html) -> bytes.put(path, html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        files.preview(bytes);
        if (follower != null) {
            follower.refreshNow();
        }
        liveReload.ifPresent(LiveReload::reload);
    }

    /** The base URL is where the site is mounted: a rebuild with another one needs a restart. */
    private void checkBaseUrl() {
        String now = SiteInfo.read(site).baseurl();
        if (!now.equals(info.baseurl())) {
            LOG.warn("the site's base URL is now '{}'; it is still served at '{}' until kb serve is restarted",
                    now, info.baseurl());
        }
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

    /** The facts of the site served, as read at start (the base URL it is mounted at). */
    public SiteInfo site() {
        return info;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops serving (the live-reload streams are ended, requests under way are finished, up to
     * 5 s) and closes the index. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (follower != null) {
                follower.close();
            }
            liveReload.ifPresent(LiveReload::close);
            if (!server.isStopped()) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server", e);
        } finally {
            try {
                search.close();
            } finally {
                requestLog.ifPresent(AccessLog::close);
            }
        }
    }
}
