package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.search.Analyzers;
import kb.search.IndexDocuments;
import kb.search.IndexFields;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server follows the index: what a rebuild into its folders adds (a separate {@code kb build},
 * or {@code kb serve --watch} telling it with {@link KbServer#rebuilt()}), and an index updated in
 * place, is searched without a restart; meanwhile clients keep searching and looking articles up,
 * and no request fails or sees a half-built index.
 */
class ServerFollowsIndexTest {

    /** An article the shipped content does not have, and a word only it contains. */
    private static final String NEW_ID = "Q900999";
    private static final String NEW_WORD = "frobozzium";

    @TempDir
    Path tmp;

    private Path source;
    private BuildOptions options;
    private KbServer server;
    private Http http;

    @BeforeEach
    void build() throws IOException {
        source = tmp.resolve("content");
        copyTree(Path.of("content"), source);
        options = new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(),
                Optional.of(""));
        rebuild();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void serve(boolean liveReload) {
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        server = KbServer.start(new ServeOptions(options.dest(), options.index(), "127.0.0.1", 0, liveReload));
        http = new Http(server);
    }

    /** Builds the source into the served folders, as kb build does; no diagnostics expected. */
    private void rebuild() {
        Diagnostics diagnostics = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(options, diagnostics);
        assertThat(diagnostics.sorted()).as("build diagnostics").isEmpty();
    }

    /** A new article: Q900101's source under another ID, with a word no other article has. */
    private void addArticle() throws IOException {
        String model = Files.readString(source.resolve("kb/900/Q900101/README.md"));
        assertThat(model).contains("After you upgrade a primary site");
        Path folder = Files.createDirectories(source.resolve("kb/900/" + NEW_ID));
        Files.writeString(folder.resolve("README.md"), model.replace("Q900101", NEW_ID)
                .replace("After you upgrade a primary site", "After you " + NEW_WORD + " a primary site"));
    }

    private long total(String query) {
        HttpResponse<byte[]> r = http.get("/api/search?q=" + query);
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.json(r).path("total").asLong();
    }

    /** Waits up to 5 s for a condition; the time it took. */
    private static long awaitMillis(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - start).as("waited for the server to follow the index")
                    .isLessThan(5_000_000_000L);
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aSeparateBuildIsFollowedWithoutAFailedRequest() throws Exception {
        serve(false);
        assertThat(total(NEW_WORD)).isZero();
        assertThat(http.get("/api/articles/" + NEW_ID).statusCode()).isEqualTo(404);
        addArticle();

        long requestsDuringBuild;
        long followedAfterMs;
        try (ClientLoad load = new ClientLoad(http, 3)) {
            load.awaitRequests(20);
            long before = load.requests();
            rebuild();
            requestsDuringBuild = load.requests() - before;
            followedAfterMs = awaitMillis(() -> total(NEW_WORD) == 1);
            load.awaitRequests(load.requests() + 20);
            load.stop();
            assertThat(load.failures()).as("failed or inconsistent requests").isEmpty();
        }
        System.out.printf("server follows a build: %d requests answered during the build, the new article found %d ms"
                + " after it%n", requestsDuringBuild, followedAfterMs);
        assertThat(requestsDuringBuild).as("requests answered while the build ran").isPositive();
        assertThat(followedAfterMs).as("ms from the commit to the first search finding it")
                .isLessThan(2_000);

        HttpResponse<byte[]> article = http.get("/api/articles/" + NEW_ID);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(Http.json(article).path("id").asText()).isEqualTo(NEW_ID);
        HttpResponse<byte[]> shortLink = http.get("/kb/900999");
        assertThat(shortLink.statusCode()).isEqualTo(301);
        assertThat(Http.path(header(shortLink, "Location"))).isEqualTo("/kb/900/" + NEW_ID + "/");
        HttpResponse<byte[]> page = http.get("/kb/900/" + NEW_ID + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains(NEW_WORD).doesNotContain(LiveReload.SCRIPT);
    }

    /**
     * Pages requested while a build rewrites them come whole: the build replaces a page by
     * renaming a full copy over it (when it truncated and rewrote it, a request in between got
     * part of it: 11,721 characters of an article page, status 200).
     */
    @Test
    void pagesAreServedWholeDuringARebuild() throws Exception {
        serve(false);
        addArticle();
        try (ClientLoad load = new ClientLoad(http, 3, true)) {
            load.awaitRequests(20);
            rebuild();
            load.awaitRequests(load.requests() + 20);
            load.stop();
            assertThat(load.failures()).as("failed, torn or inconsistent requests").isEmpty();
        }
    }

    @Test
    void afterRebuiltTheNewCommitIsSearchedAtOnceAndThePagesReload() throws Exception {
        serve(true);
        try (EventStream events = new EventStream(http)) {
            String first = events.nextReload();
            addArticle();
            rebuild();
            server.rebuilt();
            // No waiting: rebuilt() returns once the new commit is searched.
            assertThat(total(NEW_WORD)).isEqualTo(1);
            assertThat(http.get("/api/articles/" + NEW_ID).statusCode()).isEqualTo(200);
            String second = events.nextReload();
            assertThat(second).isNotEqualTo(first);
            HttpResponse<byte[]> page = http.get("/kb/900/" + NEW_ID + "/");
            assertThat(text(page)).contains(NEW_WORD).contains("data-build=\"" + second + "\"");
        }
    }

    @Test
    void aPreviewIsServedSearchedAndReloadedAtOnce_andTheRebuildsFilesAfterIt() throws Exception {
        // As kb serve --watch does it: the builder that serves previews, with the server.
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        builder.build(options, new Diagnostics());
        serve(true);
        Path article = source.resolve("kb/900/Q900101/README.md");
        String text = Files.readString(article);
        String built = text(http.get("/kb/900/Q900101/"));
        try (EventStream events = new EventStream(http)) {
            String first = events.nextReload();
            Files.writeString(article, text.replace("After you upgrade a primary site", "After you " + NEW_WORD
                    + " a primary site"));
            server.rebuilding(true);
            java.util.Map<String, String> pages = builder.preview(options, java.util.Set.of(article), new Diagnostics()).orElseThrow();
            server.previewed(pages);

            // No waiting: previewed() returns once the commit with the page's document is searched.
            assertThat(total(NEW_WORD)).isEqualTo(1);
            String second = events.nextReload();
            assertThat(second).isNotEqualTo(first);
            HttpResponse<byte[]> page = http.get("/kb/900/Q900101/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html;charset=utf-8");
            assertThat(text(page)).contains(NEW_WORD).contains("data-build=\"" + second + "\"");
            assertThat(Files.readString(options.dest().resolve("kb/900/Q900101/index.html"))).doesNotContain(NEW_WORD);

            // The rebuild stopped before its commit: the index holds the previewed document, and the
            // page previewed is served with it, until a rebuild succeeds.
            server.rebuilding(false);
            assertThat(text(http.get("/kb/900/Q900101/"))).contains(NEW_WORD);
            assertThat(total(NEW_WORD)).isEqualTo(1);

            // The source put back and rebuilt: the files are served again, and searched.
            Files.writeString(article, text);
            server.rebuilding(true);
            builder.build(options, new Diagnostics());
            server.rebuilt();
            String third = events.nextReload();
            assertThat(text(http.get("/kb/900/Q900101/"))).isEqualTo(built.replace("data-build=\"" + first + "\"",
                    "data-build=\"" + third + "\""));
            assertThat(total(NEW_WORD)).isZero();
        }
        builder.close();
    }

    @Test
    void theSiteFactsFollowARebuild() throws Exception {
        serve(false);
        assertThat(text(http.get("/opensearch.xml"))).contains("kb Sample KnowledgeBase");
        Path config = source.resolve("_config.yml");
        Files.writeString(config, Files.readString(config).replace("kb Sample KnowledgeBase", "Renamed Help Centre"));
        rebuild();
        assertThat(text(http.get("/opensearch.xml"))).contains("Renamed Help Centre");
        assertThat(Http.json(http.get("/kb-site.json")).path("title").asText()).isEqualTo("Renamed Help Centre");
    }

    @Test
    void anIndexUpdatedInPlaceIsFollowed() throws Exception {
        serve(false);
        long articles = total("");
        assertThat(http.get("/api/articles/Q900101").statusCode()).isEqualTo(200);
        try (ClientLoad load = new ClientLoad(http, 2)) {
            load.awaitRequests(10);
            // What an incremental build does: one document replaced, one removed, one commit.
            try (IndexWriter writer = appendWriter()) {
                writer.deleteDocuments(new Term(IndexFields.ID, "Q900101"));
                writer.updateDocument(new Term(IndexFields.URL, "/notes/"),
                        new IndexDocuments().page("/notes/", "Notes", "A page about " + NEW_WORD + "."));
                writer.setLiveCommitData(Map.of(IndexFields.SCHEMA_KEY, IndexFields.SCHEMA_VERSION).entrySet());
                writer.commit();
            }
            awaitMillis(() -> http.get("/api/articles/Q900101").statusCode() == 404);
            load.awaitRequests(load.requests() + 10);
            load.stop();
            // Q900101 is one of the articles the load looks up: from now on a 404.
            assertThat(load.failures()).allSatisfy(f -> assertThat(f).contains("/api/articles/Q900101"));
        }
        assertThat(total("")).isEqualTo(articles - 1);
        JsonNode pages = Http.json(http.get("/api/search?pages=1&q=" + NEW_WORD));
        assertThat(pages.path("total").asLong()).isEqualTo(1);
        assertThat(pages.path("hits").get(0).path("url").asText()).isEqualTo("/notes/");
    }

    @Test
    void aCommitOfAnotherSchemaVersionIsNotFollowed() throws Exception {
        serve(false);
        long articles = total("");
        try (IndexWriter writer = appendWriter()) {
            writer.deleteDocuments(new Term(IndexFields.ID, "Q900101"));
            writer.setLiveCommitData(Map.of(IndexFields.SCHEMA_KEY, "0").entrySet());
            writer.commit();
        }
        Thread.sleep(IndexFollower.PERIOD.toMillis() * 4);
        assertThat(total("")).as("still the commit it had").isEqualTo(articles);
        assertThat(http.get("/api/articles/Q900101").statusCode()).isEqualTo(200);

        try (IndexWriter writer = appendWriter()) {
            writer.setLiveCommitData(Map.of(IndexFields.SCHEMA_KEY, IndexFields.SCHEMA_VERSION).entrySet());
            writer.commit();
        }
        awaitMillis(() -> total("") == articles - 1);
    }

    private IndexWriter appendWriter() throws IOException {
        return new IndexWriter(FSDirectory.open(options.index()), new IndexWriterConfig(Analyzers.create())
                .setOpenMode(IndexWriterConfig.OpenMode.APPEND));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * Clients sending searches and article lookups in a loop, each checking its answer: status
     * 200 with a JSON object (or the 404 JSON error of an article not there yet), and a search
     * for a word of many articles never answering with none (a half-built index).
     */
    static final class ClientLoad implements AutoCloseable {

        private record Probe(String path, Predicate<HttpResponse<byte[]>> valid) {
        }

        private static final List<Probe> PROBES = List.of(
                new Probe("/api/search?q=inventory", r -> r.statusCode() == 200 && json(r).path("total").asLong() > 0),
                new Probe("/api/search?q=sms&sort=date&page=1&size=5", r -> r.statusCode() == 200
                        && json(r).path("hits").size() > 0 && json(r).path("facets").path("product").size() > 0),
                new Probe("/api/articles/Q900101", r -> r.statusCode() == 200
                        && json(r).path("id").asText().equals("Q900101")),
                new Probe("/api/search?q=" + NEW_WORD, r -> r.statusCode() == 200 && json(r).has("total")),
                new Probe("/api/articles/" + NEW_ID, r -> (r.statusCode() == 200 || r.statusCode() == 404)
                        && json(r).isObject()));

        /** Pages, which must come whole: a rebuild rewrites them while they are read. */
        private static final List<Probe> PAGES = List.of(
                new Probe("/kb/900/Q900101/", r -> r.statusCode() == 200 && text(r).strip().endsWith("</html>")),
                new Probe("/", r -> r.statusCode() == 200 && text(r).strip().endsWith("</html>")),
                new Probe("/browse/", r -> r.statusCode() == 200 && text(r).strip().endsWith("</html>")));

        private final Http http;
        private final List<Probe> probes;
        private final List<Thread> threads;
        private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        ClientLoad(Http http, int clients) {
            this(http, clients, false);
        }

        ClientLoad(Http http, int clients, boolean pages) {
            this.http = http;
            this.probes = pages ? java.util.stream.Stream.concat(PROBES.stream(), PAGES.stream()).toList() : PROBES;
            this.threads = java.util.stream.IntStream.range(0, clients)
                    .mapToObj(i -> Thread.ofPlatform().name("client-" + i).start(() -> run(i))).toList();
        }

        private void run(int offset) {
            for (int i = offset; running; i++) {
                Probe probe = probes.get(i % probes.size());
                try {
                    HttpResponse<byte[]> r = http.get(probe.path());
                    if (!probe.valid().test(r)) {
                        String body = text(r);
                        failures.add(probe.path() + " -> " + r.statusCode() + " " + body.length() + " chars: "
                                + body.substring(Math.max(0, body.length() - 200)));
                    }
                } catch (RuntimeException e) {
                    failures.add(probe.path() + " -> " + e);
                }
                requests.incrementAndGet();
            }
        }

        private static JsonNode json(HttpResponse<byte[]> r) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON", e);
            }
        }

        long requests() {
            return requests.get();
        }

        /** Waits until {@code count} requests have been answered in all. */
        void awaitRequests(long count) throws InterruptedException {
            long end = System.nanoTime() + 30_000_000_000L;
            while (requests.get() < count && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(requests.get()).as("requests answered").isGreaterThanOrEqualTo(count);
        }

        List<String> failures() {
            return failures;
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
