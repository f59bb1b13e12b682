package kb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Search latency under load: the benchmark's mixed queries (every kind of
 * {@link SearchQualityBenchmark}, {@code --per-kind} of each, distinct, shuffled) sent by
 * concurrent clients to {@code kb serve}'s {@code GET /api/search} and to a stock OpenSearch index
 * of the same articles (the tuned query), one after the other, each for the same time after a
 * warm-up; then the index sizes. Each query is sent once per target (the measured run goes on
 * where the warm-up stopped), so a result cache does not turn the test into a cache test; if the
 * list runs out it starts over, and the table counts those repeated requests.
 * Started by {@code bench/search-latency.sh}, which builds the index and starts both servers.
 *
 * <p>Options: {@code --sources DIR}, {@code --out DIR}, {@code --kb URL} and/or
 * {@code --opensearch URL}, {@code --clients 50}, {@code --duration 60}, {@code --warmup 10}
 * (seconds), {@code --per-kind 15000}, and the sizes the script measured with {@code du}:
 * {@code --kb-index-du}, {@code --kb-index-bytes}, {@code --sources-du}, {@code --sources-bytes}.
 * Writes {@code search-latency.txt} and {@code search-latency.json} to {@code --out}.
 */
public final class SearchLatencyBenchmark {

    private static final long SHUFFLE_SEED = 7L;

    private SearchLatencyBenchmark() {
    }

    /** One target of the load: its name and the request of every query. */
    private record Target(String key, String name, List<HttpRequest> requests) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path out = args.path("out");
        Files.createDirectories(out);
        int clients = args.integer("clients", 50);
        Duration duration = Duration.ofSeconds(args.integer("duration", 60));
        Duration warmup = Duration.ofSeconds(args.integer("warmup", 10));

        long t0 = System.nanoTime();
        List<BenchArticle> articles = CorpusArticles.read(args.path("sources"));
        // Distinct texts, so that no answer can come from a result cache until the list starts over.
        Set<String> distinct = new LinkedHashSet<>();
        QuerySets.all(new QuerySets(articles, QuerySets.SEED).generate(args.integer("per-kind", 15_000))).forEach(q -> distinct.add(q.text()));
        List<String> queries = new ArrayList<>(distinct);
        Collections.shuffle(queries, new Random(SHUFFLE_SEED));
        SearchQualityBenchmark.log("%,d articles read, %,d mixed queries in %.1f s", articles.size(), queries.size(),
                SearchQualityBenchmark.seconds(t0));

        List<Target> targets = new ArrayList<>();
        if (args.optional("kb").isPresent()) {
            URI kb = URI.create(args.required("kb"));
            List<HttpRequest> requests = queries.stream().map(q -> HttpRequest.newBuilder(kb.resolve(
                    "/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).GET().build()).toList();
            targets.add(new Target("kb", "kb serve, GET /api/search", requests));
        }
        long openSearchBytes = -1;
        if (args.optional("opensearch").isPresent()) {
            OpenSearchClient client = new OpenSearchClient(URI.create(args.required("opensearch")), "kb");
            long t1 = System.nanoTime();
            client.createIndex();
            client.indexAll(articles);
            client.forceMerge();
            openSearchBytes = client.storeBytes();
            SearchQualityBenchmark.log("OpenSearch: %,d articles indexed and merged into one segment in %.1f s",
                    client.count(), SearchQualityBenchmark.seconds(t1));
            List<HttpRequest> requests = queries.stream()
                    .map(q -> client.searchRequest(q, 10, OpenSearchClient.QueryShape.TUNED)).toList();
            targets.add(new Target("opensearch_tuned", "OpenSearch tuned, POST _search", requests));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give --kb URL and/or --opensearch URL");
        }

        LoadGenerator load = new LoadGenerator();
        Map<Target, LoadGenerator.Result> results = new LinkedHashMap<>();
        for (Target target : targets) {
            SearchQualityBenchmark.log("%s: %d s warm-up, then %d clients for %d s", target.name(),
                    warmup.toSeconds(), clients, duration.toSeconds());
            AtomicLong next = new AtomicLong();
            if (!warmup.isZero()) {
                load.run(target.requests(), clients, warmup, next);
            }
            LoadGenerator.Result r = load.run(target.requests(), clients, duration, next);
            results.put(target, r);
            if (!r.firstError().isEmpty()) {
                SearchQualityBenchmark.log("%s: first error: %s", target.name(), r.firstError());
            }
        }

        Sizes sizes = new Sizes(args.number("kb-index-du", -1), args.number("kb-index-bytes", -1),
                args.number("sources-du", -1), args.number("sources-bytes", -1), openSearchBytes);
        String table = table(results, clients, duration, queries.size(), sizes);
        System.out.println();
        System.out.print(table);
        Files.writeString(out.resolve("search-latency.txt"), table, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("search-latency.json"), json(results, clients, duration, queries.size(), sizes),
                StandardCharsets.UTF_8);
        System.out.println();
        SearchQualityBenchmark.log("written: %s", out.resolve("search-latency.json"));
        boolean failed = results.values().stream().anyMatch(r -> r.requests() == 0);
        if (failed) {
            System.err.println("[bench] error: a target answered no request");
            System.exit(1);
        }
    }

    /** Sizes in bytes; -1 when unknown. {@code du} sizes are disk usage, the others apparent sizes. */
    private record Sizes(long kbIndexDu, long kbIndexBytes, long sourcesDu, long sourcesBytes, long openSearchBytes) {
    }

    private static String table(Map<Target, LoadGenerator.Result> results, int clients, Duration duration,
            int queries, Sizes s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "search latency: %d clients, %d s per target, closed loop, %d cores; "
                + "%,d distinct mixed queries (all kinds), each sent once unless counted as repeated%n", clients,
                duration.toSeconds(), Runtime.getRuntime().availableProcessors(), queries));
        sb.append(String.format(Locale.ROOT, "%-32s %9s %8s %7s %8s %8s %8s %8s %9s%n", "target", "requests", "req/s",
                "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "repeated"));
        results.forEach((t, r) -> sb.append(String.format(Locale.ROOT, "%-32s %9d %8.1f %7d %8.1f %8.1f %8.1f %8.1f %9d%n",
                t.name(), r.requests(), r.throughput(), r.errors(), r.millis(0.5), r.millis(0.9), r.millis(0.99),
                r.millis(1.0), r.repeated())));
        sb.append(String.format(Locale.ROOT, "index size: kb %s on disk (%s of files) in target/bench/index, for sources "
                + "of %s on disk (%s of files); OpenSearch %s (store.size, one segment)%n",
                mb(s.kbIndexDu()), mb(s.kbIndexBytes()), mb(s.sourcesDu()), mb(s.sourcesBytes()),
                mb(s.openSearchBytes())));
        return sb.toString();
    }

    private static String json(Map<Target, LoadGenerator.Result> results, int clients, Duration duration,
            int queries, Sizes s) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("clients", clients).put("duration_s", duration.toSeconds()).put("queries", queries)
                .put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode targets = root.putObject("targets");
        results.forEach((t, r) -> targets.putObject(t.key()).put("name", t.name()).put("requests", r.requests())
                .put("errors", r.errors()).put("requests_per_s", round(r.throughput()))
                .put("p50_ms", round(r.millis(0.5))).put("p90_ms", round(r.millis(0.9)))
                .put("p99_ms", round(r.millis(0.99))).put("max_ms", round(r.millis(1.0)))
                .put("repeated", r.repeated()));
        root.putObject("sizes_bytes").put("kb_index_du", s.kbIndexDu()).put("kb_index_files", s.kbIndexBytes())
                .put("sources_du", s.sourcesDu()).put("sources_files", s.sourcesBytes())
                .put("opensearch_store", s.openSearchBytes());
        return mapper.writeValueAsString(root) + "\n";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
