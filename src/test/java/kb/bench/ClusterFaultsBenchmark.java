package kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Searches under load while something happens to the cluster behind {@code kb serve
 * --opensearch}: {@code --clients} closed-loop clients send the benchmark's mixed queries to
 * {@code /api/search} for {@code --duration} seconds, and at {@code --at} seconds the command
 * {@code --run} is started (a node killed, a publish); the report compares the requests before
 * and after (answered, errors, throughput, p50/p99), gives the errors per second around it, how
 * long after it the last error came, and the command's exit code and last lines. With
 * {@code --expect Q1,Q2}, as soon as the command has ended each of those articles is searched
 * for by ID and title words, and the report says whether it was found (new articles of a
 * publish).
 *
 * <p>Started by {@code bench/cluster.sh}. Options: {@code --kb URL}, {@code --sources DIR},
 * {@code --clients 50}, {@code --duration 60}, {@code --at 20}, {@code --run "command"},
 * {@code --label text}, {@code --expect IDS}, {@code --out FILE} (the report is also printed).
 */
public final class ClusterFaultsBenchmark {

    private ClusterFaultsBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI kb = URI.create(args.required("kb"));
        int clients = args.integer("clients", 50);
        Duration duration = Duration.ofSeconds(args.integer("duration", 60));
        Duration at = Duration.ofSeconds(args.integer("at", 20));
        String command = args.required("run");
        String label = args.optional("label").orElse(command);
        List<String> expected = args.optional("expect").map(s -> List.of(s.split(","))).orElse(List.of());

        List<BenchArticle> articles = CorpusArticles.read(args.path("sources"));
        Set<String> texts = new LinkedHashSet<>();
        QuerySets.all(new QuerySets(articles, QuerySets.SEED).generate(300, QueryKind.PUBLISHED)).forEach(q -> texts.add(q.text()));
        List<String> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new java.util.Random(7));
        List<HttpRequest> requests = shuffled.stream().map(q -> HttpRequest.newBuilder(kb.resolve(
                "/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build()).toList();

        ConcurrentLinkedQueue<LoadGenerator.Event> events = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long[] commandTimes = new long[2];
        int[] exit = {-1};
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        Thread runner = Thread.ofPlatform().name("fault").start(() -> {
            try {
                Thread.sleep(at.toMillis());
                commandTimes[0] = System.nanoTime();
                Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
                try (var lines = p.inputReader(StandardCharsets.UTF_8).lines()) {
                    lines.forEach(output::add);
                }
                exit[0] = p.waitFor();
                commandTimes[1] = System.nanoTime();
                for (String id : expected) {
                    found.add(id + ": " + lookUp(kb, id.strip(), articles));
                }
            } catch (IOException | InterruptedException e) {
                output.add("could not run the command: " + e);
            }
        });
        LoadGenerator.Result all = new LoadGenerator().run(requests, clients, duration, new AtomicLong(), events::add);
        runner.join();

        String report = report(label, clients, duration, start, commandTimes, exit[0], output, found,
                new ArrayList<>(events), all);
        System.out.print(report);
        if (args.optional("out").isPresent()) {
            Files.writeString(Path.of(args.required("out")), report, StandardCharsets.UTF_8);
        }
    }

    /** Whether an article is found right away: by its ID (the redirect) and by its title. */
    private static String lookUp(URI kb, String id, List<BenchArticle> articles) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        JsonNode byId = json.readTree(http.send(HttpRequest.newBuilder(kb.resolve("/api/search?q="
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body());
        boolean idFound = !byId.path("redirect").isNull() && !byId.path("redirect").isMissingNode();
        String title = articles.stream().filter(a -> a.id().equals(id)).map(BenchArticle::title).findFirst().orElse("");
        boolean titleFound = false;
        if (!title.isEmpty()) {
            JsonNode byTitle = json.readTree(http.send(HttpRequest.newBuilder(kb.resolve("/api/search?q="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode hit : byTitle.path("hits")) {
                titleFound |= hit.path("id").asText().equals(id);
            }
        }
        return "by ID " + (idFound ? "found" : "NOT found") + (title.isEmpty() ? "" : ", by title " + (titleFound ? "found" : "NOT found"));
    }

    private static String report(String label, int clients, Duration duration, long start, long[] command, int exit,
            List<String> output, List<String> found, List<LoadGenerator.Event> events, LoadGenerator.Result all) {
        StringBuilder sb = new StringBuilder();
        double at = (command[0] - start) / 1e9;
        double took = command[1] == 0 ? -1 : (command[1] - command[0]) / 1e9;
        sb.append(String.format(Locale.ROOT, "%s, at %.1f s of %d s, %d clients on kb serve --opensearch%n", label, at,
                duration.toSeconds(), clients));
        sb.append(String.format(Locale.ROOT, "  command: exit %d after %.1f s%s%n", exit, took,
                output.isEmpty() ? "" : "; last line: " + output.get(output.size() - 1)));
        sb.append(window("before", events, start, Long.MIN_VALUE, command[0]));
        sb.append(window("after", events, start, command[0], Long.MAX_VALUE));
        long lastError = events.stream().filter(e -> e.error() != null && e.startNanos() >= command[0])
                .mapToLong(e -> e.startNanos() + e.tookNanos()).max().orElse(-1);
        sb.append(lastError < 0 ? "  no failed search after it\n"
                : String.format(Locale.ROOT, "  last failed search ended %.1f s after it%n", (lastError - command[0]) / 1e9));
        String firstError = events.stream().filter(e -> e.error() != null).map(LoadGenerator.Event::error).findFirst().orElse("");
        if (!firstError.isEmpty()) {
            sb.append("  first error: ").append(firstError).append('\n');
        }
        sb.append("  errors per second from 5 s before: ");
        for (int s = -5; s < 20; s++) {
            long from = command[0] + s * 1_000_000_000L;
            long to = from + 1_000_000_000L;
            sb.append(events.stream().filter(e -> e.error() != null && e.startNanos() >= from && e.startNanos() < to).count())
                    .append(s == 19 ? "\n" : " ");
        }
        found.forEach(f -> sb.append("  right after it: ").append(f).append('\n'));
        sb.append(String.format(Locale.ROOT, "  whole run: %,d answered, %,d errors, %.0f/s, p99 %.0f ms%n",
                all.requests(), all.errors(), all.throughput(), all.millis(0.99)));
        return sb.toString();
    }

    private static String window(String name, List<LoadGenerator.Event> events, long start, long from, long to) {
        List<LoadGenerator.Event> in = events.stream().filter(e -> e.startNanos() >= from && e.startNanos() < to).toList();
        if (in.isEmpty()) {
            return "  " + name + ": no requests\n";
        }
        long first = in.stream().mapToLong(LoadGenerator.Event::startNanos).min().orElse(start);
        long last = in.stream().mapToLong(e -> e.startNanos() + e.tookNanos()).max().orElse(first);
        long[] ok = in.stream().filter(e -> e.error() == null).mapToLong(LoadGenerator.Event::tookNanos).sorted().toArray();
        long errors = in.size() - ok.length;
        double seconds = Math.max(1e-9, (last - first) / 1e9);
        return String.format(Locale.ROOT, "  %-6s %,7d answered, %,5d errors, %6.1f/s, p50 %5.0f ms, p99 %6.0f ms (%.0f s)%n",
                name, ok.length, errors, ok.length / seconds, quantile(ok, 0.5), quantile(ok, 0.99), seconds);
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
