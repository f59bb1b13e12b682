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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Search latency under load: the benchmark's mixed queries (every kind of
 * {@link SearchQualityBenchmark}) sent by concurrent closed-loop clients to {@code kb serve}'s
 * {@code GET /api/search} and to a stock OpenSearch index of the same articles (the tuned
 * query), one after the other, each for the same time after a warm-up; then the index sizes.
 *
 * <p>Two setups, each on every target:
 * <ul>
 *   <li>{@code repeated}: {@code --per-kind 500} queries of each kind, the quality benchmark's
 *       sample with {@code PER_KIND=500}, over and over: the setup of the
 *       search issue, where answers to repeated searches may come from a result cache;</li>
 *   <li>{@code distinct}: up to {@code --distinct-per-kind 15000} of each kind, distinct texts,
 *       each sent once per target (the measured run goes on where the warm-up stopped), so no
 *       result cache helps; should the list run out it starts over, and the table counts those
 *       repeated requests.</li>
 * </ul>
 * Started by {@code bench/search-latency.sh}, which builds the index and starts both servers.
 *
 * <p>Options: {@code --sources DIR}, {@code --out DIR}, {@code --kb URL} and/or
 * {@code --opensearch URL}, {@code --setups repeated,distinct}, {@code --clients 50},
 * {@code --duration 60}, {@code --warmup 10} (seconds), {@code --per-kind 500},
 * {@code --distinct-per-kind 15000}, {@code --kb-name NAME} (how the table names kb's target),
 * {@code --kb-baseline URL} and {@code --kb-baseline-name NAME} (another kb serve, say an earlier
 * commit's, loaded in the same run), {@code --rounds 1} (each target loaded that many times per
 * setup, the order alternating),
 * {@code --opensearch-shards 1}, {@code --opensearch-replicas 0}, {@code --opensearch-merge true}
 * (the OpenSearch index's layout, and whether it is merged into one segment), and the sizes the script measured with {@code du}:
 * {@code --kb-index-du}, {@code --kb-index-bytes}, {@code --sources-du}, {@code --sources-bytes}.
 * Writes {@code search-latency.txt} and {@code search-latency.json} to {@code --out}.
 */
public final class SearchLatencyBenchmark {

    private static final long SHUFFLE_SEED = 7L;

    private SearchLatencyBenchmark() {
    }

    /** A way of loading the targets: its name, what it means, and its queries in sending order. */
    private record Setup(String key, String description, List<String> queries) {
    }

    /** One target of the load: its key, its name, and how to ask it one query. */
    private record Target(String key, String name, Function<String, HttpRequest> request) {
    }

    /** One measured run: a setup on a target, in a round (from 0). */
    private record Run(Setup setup, Target target, int round, LoadGenerator.Result result) {
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
        List<Setup> setups = new ArrayList<>();
        for (String part : args.optional("setups").orElse("repeated,distinct").split(",")) {
            String key = part.strip();
            int perKind = switch (key) {
                case "repeated" -> args.countOrAll("per-kind", 500);
                case "distinct" -> args.countOrAll("distinct-per-kind", 15_000);
                default -> throw new IllegalArgumentException("unknown setup '" + key + "' (repeated, distinct)");
            };
            List<String> queries = shuffled(mixedQueries(articles, perKind));
            String description = key.equals("repeated")
                    ? String.format(Locale.ROOT, "%,d queries (%s per kind, as the quality benchmark samples them), over and over",
                            queries.size(), count(perKind))
                    : String.format(Locale.ROOT, "%,d distinct queries (up to %s per kind), each sent once unless "
                            + "counted as repeated", queries.size(), count(perKind));
            setups.add(new Setup(key, description, queries));
        }
        SearchQualityBenchmark.log("%,d articles read, query lists made in %.1f s: %s", articles.size(),
                SearchQualityBenchmark.seconds(t0), setups.stream().map(st -> st.key() + " " + st.queries().size()).toList());

        List<Target> targets = new ArrayList<>();
        if (args.optional("kb").isPresent()) {
            URI kb = URI.create(args.required("kb"));
            targets.add(new Target("kb", args.optional("kb-name").orElse("kb serve") + ", GET /api/search", search(kb)));
        }
        if (args.optional("kb-baseline").isPresent()) {
            // Another kb (an earlier commit's jar, on its own index of the same sources), loaded
            // in the same run: what a change costs, side by side on the same noisy machine.
            URI base = URI.create(args.required("kb-baseline"));
            targets.add(0, new Target("kb_baseline", args.optional("kb-baseline-name").orElse("kb baseline") + ", GET /api/search",
                    search(base)));
        }
        long openSearchBytes = -1;
        if (args.optional("opensearch").isPresent()) {
            OpenSearchClient client = new OpenSearchClient(URI.create(args.required("opensearch")), "kb");
            long t1 = System.nanoTime();
            int shards = args.integer("opensearch-shards", 1);
            int replicas = args.integer("opensearch-replicas", 0);
            boolean merge = !args.optional("opensearch-merge").orElse("true").equals("false");
            client.createIndex(shards, replicas);
            client.indexAll(articles);
            if (merge) {
                client.forceMerge();
            }
            openSearchBytes = client.storeBytes();
            SearchQualityBenchmark.log("OpenSearch: %,d articles indexed (%d shards, %d replicas%s) in %.1f s",
                    client.count(), shards, replicas, merge ? ", merged into one segment" : "", SearchQualityBenchmark.seconds(t1));
            targets.add(new Target("opensearch_tuned", "OpenSearch tuned, POST _search",
                    q -> client.searchRequest(q, 10, OpenSearchClient.QueryShape.TUNED)));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give --kb URL and/or --opensearch URL");
        }

        LoadGenerator load = new LoadGenerator();
        List<Run> runs = new ArrayList<>();
        int rounds = args.integer("rounds", 1);
        for (Setup setup : setups) {
            for (int round = 0; round < rounds; round++) {
                // Rounds alternate the targets' order (A B, B A, ...): none always runs on a warmer machine.
                List<Target> order = new ArrayList<>(targets);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Target target : order) {
                    SearchQualityBenchmark.log("%s, %s: %d s warm-up, then %d clients for %d s", setup.key(), target.name(),
                            warmup.toSeconds(), clients, duration.toSeconds());
                    List<HttpRequest> requests = setup.queries().stream().map(target.request()).toList();
                    AtomicLong next = new AtomicLong();
                    if (!warmup.isZero()) {
                        load.run(requests, clients, warmup, next);
                    }
                    LoadGenerator.Result r = load.run(requests, clients, duration, next);
                    runs.add(new Run(setup, target, round, r));
                    if (!r.firstError().isEmpty()) {
                        SearchQualityBenchmark.log("%s, %s: first error: %s", setup.key(), target.name(), r.firstError());
                    }
                }
            }
        }

        Sizes sizes = new Sizes(args.number("kb-index-du", -1), args.number("kb-index-bytes", -1),
                args.number("sources-du", -1), args.number("sources-bytes", -1), openSearchBytes);
        String table = table(runs, setups, clients, duration, sizes);
        System.out.println();
        System.out.print(table);
        Files.writeString(out.resolve("search-latency.txt"), table, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("search-latency.json"), json(runs, setups, clients, duration, sizes),
                StandardCharsets.UTF_8);
        System.out.println();
        SearchQualityBenchmark.log("written: %s", out.resolve("search-latency.json"));
        boolean failed = runs.stream().anyMatch(r -> r.result().requests() == 0);
        if (failed) {
            System.err.println("[bench] error: a target answered no request");
            System.exit(1);
        }
    }

    /** A kb serve's search API asked for the first 10 hits of a query. */
    private static Function<String, HttpRequest> search(URI kb) {
        return q -> HttpRequest.newBuilder(kb.resolve("/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** The texts of the benchmark's queries, {@code perKind} of each kind, each text once. */
    private static List<String> mixedQueries(List<BenchArticle> articles, int perKind) {
        Set<String> distinct = new LinkedHashSet<>();
        QuerySets.all(new QuerySets(articles, QuerySets.SEED).generate(perKind, QueryKind.PUBLISHED)).forEach(q -> distinct.add(q.text()));
        return new ArrayList<>(distinct);
    }

    /** A per-kind count as given: a number, or "all" ({@code --per-kind all}). */
    private static String count(int perKind) {
        return perKind == Integer.MAX_VALUE ? "all" : String.format(Locale.ROOT, "%,d", perKind);
    }

    private static List<String> shuffled(List<String> queries) {
        List<String> out = new ArrayList<>(queries);
        Collections.shuffle(out, new Random(SHUFFLE_SEED));
        return out;
    }

    /** Sizes in bytes; -1 when unknown. {@code du} sizes are disk usage, the others apparent sizes. */
    private record Sizes(long kbIndexDu, long kbIndexBytes, long sourcesDu, long sourcesBytes, long openSearchBytes) {
    }

    private static String table(List<Run> runs, List<Setup> setups, int clients, Duration duration, Sizes s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "search latency: %d clients, %d s per target and setup, closed loop, "
                + "%d cores%n", clients, duration.toSeconds(), Runtime.getRuntime().availableProcessors()));
        for (Setup setup : setups) {
            sb.append(String.format(Locale.ROOT, "%n%s: %s%n", setup.key(), setup.description()));
            sb.append(String.format(Locale.ROOT, "%-32s %9s %8s %7s %8s %8s %8s %8s %9s%n", "target", "requests",
                    "req/s", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "repeated"));
            runs.stream().filter(r -> r.setup() == setup).forEach(run -> {
                LoadGenerator.Result r = run.result();
                sb.append(String.format(Locale.ROOT, "%-32s %9d %8.1f %7d %8.1f %8.1f %8.1f %8.1f %9d%n",
                        run.target().name(), r.requests(), r.throughput(), r.errors(), r.millis(0.5), r.millis(0.9),
                        r.millis(0.99), r.millis(1.0), r.repeated()));
            });
        }
        sb.append(String.format(Locale.ROOT, "%nindex size: kb %s on disk (%s of files) in target/bench/index, for "
                + "sources of %s on disk (%s of files); OpenSearch %s (pri.store.size: primaries only)%n",
                mb(s.kbIndexDu()), mb(s.kbIndexBytes()), mb(s.sourcesDu()), mb(s.sourcesBytes()),
                mb(s.openSearchBytes())));
        return sb.toString();
    }

    private static String json(List<Run> runs, List<Setup> setups, int clients, Duration duration, Sizes s)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("clients", clients).put("duration_s", duration.toSeconds())
                .put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode setupsNode = root.putObject("setups");
        for (Setup setup : setups) {
            ObjectNode node = setupsNode.putObject(setup.key());
            node.put("description", setup.description()).put("queries", setup.queries().size());
            ObjectNode targets = node.putObject("targets");
            runs.stream().filter(r -> r.setup() == setup).forEach(run -> {
                LoadGenerator.Result r = run.result();
                targets.putObject(run.target().key() + (run.round() == 0 ? "" : "_round" + (run.round() + 1))).put("name", run.target().name()).put("requests", r.requests())
                        .put("errors", r.errors()).put("requests_per_s", round(r.throughput()))
                        .put("p50_ms", round(r.millis(0.5))).put("p90_ms", round(r.millis(0.9)))
                        .put("p99_ms", round(r.millis(0.99))).put("max_ms", round(r.millis(1.0)))
                        .put("repeated", r.repeated());
            });
        }
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
