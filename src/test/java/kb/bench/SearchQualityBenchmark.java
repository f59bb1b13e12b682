package kb.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Search quality, kb against OpenSearch: generates the query sets from the corpus, runs every
 * query on kb's index (in process) and, when {@code --opensearch URL} is given, on a stock
 * OpenSearch index of the same articles with a plain and a tuned query and the tuned query on
 * unstemmed subfields, then prints one table (with the best of the OpenSearch columns per kind).
 * Started by {@code bench/search-quality.sh}, which builds the index and runs OpenSearch.
 *
 * <p>Options: {@code --sources DIR} (the source tree), {@code --index DIR} (kb's index),
 * {@code --out DIR} (where results go), {@code --opensearch URL}, {@code --per-kind all} (or a
 * number: the sample size of each kind),
 * {@code --seed 20240611} (of the first kind's sample), {@code --threads 2}, {@code --kb-serve URL} (a
 * {@code kb serve --opensearch} whose {@code /api/search} makes a column of its own).
 *
 * <p>Writes to {@code --out}: {@code search-quality-kb.txt} (kb's column, as soon as it is known),
 * {@code search-quality.txt} and {@code search-quality.json} (the table), {@code kb-misses.txt}
 * (every query kb missed, tab-separated), {@code ranks.tsv} (every query's target rank in each
 * engine) and {@code queries.tsv} (the generated queries).
 */
public final class SearchQualityBenchmark {

    private static final int EXAMPLES_PER_KIND = 3;

    private SearchQualityBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path out = args.path("out");
        Files.createDirectories(out);
        int perKind = args.countOrAll("per-kind", Integer.MAX_VALUE);
        long seed = args.integer("seed", (int) QuerySets.SEED);
        int threads = args.integer("threads", Math.max(2, Runtime.getRuntime().availableProcessors()));

        long t0 = System.nanoTime();
        List<BenchArticle> articles = CorpusArticles.read(args.path("sources"));
        Map<QueryKind, List<BenchQuery>> sets = new QuerySets(articles, seed).generate(perKind);
        List<BenchQuery> queries = QuerySets.all(sets);
        log("%,d articles read, %,d queries generated (%s) in %.1f s", articles.size(), queries.size(),
                counts(sets), seconds(t0));
        writeQueries(out.resolve("queries.tsv"), queries);
        Map<String, String> titles = new LinkedHashMap<>();
        articles.forEach(a -> titles.put(a.id(), a.displayTitle()));

        List<SearchEngine> engines = new ArrayList<>();
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        try (KbEngine kb = new KbEngine(args.path("index"))) {
            run(kb, queries, threads, engines, outcomes);
            QualityReport kbOnly = new QualityReport(engines, outcomes, titles, articles.size(), perKind, seed);
            Files.writeString(out.resolve("search-quality-kb.txt"), kbOnly.table(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("kb-misses.txt"), kbOnly.missList(kb.key()), StandardCharsets.UTF_8);
            log("kb's column written to %s", out.resolve("search-quality-kb.txt"));
        }

        if (args.optional("kb-serve").isPresent()) {
            // kb's own queries and ranking, answered by a cluster that 'kb publish' filled
            run(new KbServeEngine(URI.create(args.required("kb-serve")), "kb via OpenSearch", "kb_opensearch"), queries,
                    threads, engines, outcomes);
        }

        if (args.optional("opensearch").isPresent()) {
            OpenSearchClient client = new OpenSearchClient(URI.create(args.required("opensearch")), "kb");
            long t1 = System.nanoTime();
            client.createIndex(1, 0, true);
            client.indexAll(articles);
            long count = client.count();
            if (count != articles.size()) {
                throw new IllegalStateException("OpenSearch holds " + count + " documents, expected " + articles.size());
            }
            log("OpenSearch: %,d articles indexed in %.1f s (%.0f MB on disk)", count, seconds(t1),
                    client.storeBytes() / 1e6);
            run(client.engine(OpenSearchClient.QueryShape.PLAIN), queries, threads, engines, outcomes);
            run(client.engine(OpenSearchClient.QueryShape.TUNED), queries, threads, engines, outcomes);
            run(client.engine(OpenSearchClient.QueryShape.TUNED_UNSTEMMED), queries, threads, engines, outcomes);
        }

        QualityReport report = new QualityReport(engines, outcomes, titles, articles.size(), perKind, seed);
        String table = report.table();
        Files.writeString(out.resolve("search-quality.txt"), table, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("search-quality.json"), report.json(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("ranks.tsv"), report.rankList(), StandardCharsets.UTF_8);
        Path misses = out.resolve("kb-misses.txt");
        System.out.println();
        System.out.print(report.missExamples("kb", EXAMPLES_PER_KIND, misses.toString()));
        System.out.println();
        System.out.print(table);
        System.out.println();
        log("written: %s, %s, %s, %s", out.resolve("search-quality.json"), misses, out.resolve("ranks.tsv"),
                out.resolve("queries.tsv"));
    }

    /** Runs every query on one engine, {@code threads} at a time, keeping query order. */
    private static void run(SearchEngine engine, List<BenchQuery> queries, int threads, List<SearchEngine> engines,
            Map<String, List<Outcome>> outcomes) throws InterruptedException, ExecutionException {
        long t0 = System.nanoTime();
        Outcome[] results = new Outcome[queries.size()];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, queries.size()).parallel()
                    .forEach(i -> results[i] = Outcome.of(engine, queries.get(i)))).get();
        } finally {
            pool.shutdown();
        }
        double s = seconds(t0);
        log("%s: %,d queries in %.1f s (%.1f ms per query, %d threads)", engine.name(), queries.size(), s,
                1000 * s * threads / queries.size(), threads);
        engines.add(engine);
        outcomes.put(engine.key(), List.of(results));
    }

    private static void writeQueries(Path file, List<BenchQuery> queries) throws IOException {
        StringBuilder sb = new StringBuilder("kind\tquery\ttarget\n");
        for (BenchQuery q : queries) {
            sb.append(q.kind().key()).append('\t').append(q.text().replace('\t', ' ')).append('\t')
                    .append(q.target()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static String counts(Map<QueryKind, List<BenchQuery>> sets) {
        List<String> parts = new ArrayList<>();
        sets.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %,d", k.label(), v.size())));
        return String.join(", ", parts);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void log(String format, Object... values) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, values));
    }
}
