package kb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The load test of issue 17: {@code --clients} closed-loop clients send a mix of valid, malformed
 * and hostile requests to {@code kb serve} for {@code --duration} seconds: searches (valid, long,
 * odd, bad parameters, bytes that are not UTF-8), article pages, files, short links, unknown pages,
 * path traversal, HEAD/OPTIONS and other methods, huge headers. Valid requests go through
 * {@link HttpClient} on kept-alive connections; malformed ones, which it would refuse to send, as
 * raw bytes on a connection of their own. Prints, per kind and in all: requests, throughput, p50
 * and p99 latency, answers 5xx, failed connections (refused, reset, timed out, cut short) and
 * answers with another status than the kind expects; and every 5 s a line of the run so far.
 * Exits 1 when any answer was 5xx or any connection failed. Started by {@code bench/load.sh}.
 *
 * <pre>--base http://127.0.0.1:PORT/kbarchive --site DIR --clients 50 --duration 60</pre>
 */
public final class HostileLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String[] WORDS = {"printer", "network", "setup", "error", "windows", "driver", "memory",
        "server", "install", "exchange", "mail", "excel", "word", "access", "registry", "dial-up", "modem", "font",
        "inventory", "upgrade", "service pack", "netbios", "tcp/ip", "outlook", "macro", "cannot", "file", "disk"};

    /** One kind of request: how to make one, what it may be answered, its weight in the mix. */
    private record Kind(String name, int weight, Set<Integer> expected, Function<SplittableRandom, Call> make) {
    }

    /** A request: through the HTTP client, or raw bytes on a connection of its own. */
    private record Call(HttpRequest request, String raw) {
    }

    /** What one kind measured. */
    private static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final List<long[]> latencies = new ArrayList<>();
        volatile String firstProblem = "";

        synchronized void latencies(long[] nanos, int n) {
            latencies.add(Arrays.copyOf(nanos, n));
        }

        long[] sorted() {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    private final String base;
    private final URI origin;
    private final List<String> articles;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Kind> kinds = new ArrayList<>();
    private final Map<String, Tally> tallies = new TreeMap<>();

    private HostileLoad(String base, List<String> articles) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.origin = URI.create(this.base).resolve("/");
        this.articles = articles;
        String prefix = URI.create(this.base).getRawPath();
        Set<Integer> ok = Set.of(200);
        kind("page", 20, ok, r -> get(pick(r, articles)));
        kind("file", 8, ok, r -> get(pick(r, List.of("/assets/kb.css", "/assets/search.js", "/assets/search-index.json",
                "/assets/article-ids.json", "/kb-site.json", "/opensearch.xml", "/", "/browse/"))));
        kind("search", 20, ok, r -> get("/api/search?q=" + enc(words(r, 1 + r.nextInt(4)))
                + pick(r, List.of("", "", "&sort=date", "&page=2", "&size=20", "&product=sms", "&type=kbbug", "&pages=1"))));
        kind("search-page", 3, ok, r -> get("/search/?q=" + enc(words(r, 2))));
        kind("search-long", 3, ok, r -> get("/api/search?q=" + enc(words(r, 40 + r.nextInt(260)))));
        kind("search-odd", 4, ok, r -> get("/api/search?q=" + enc(pick(r, List.of("*", "\"", "(((", "-", "--", "a~2",
                "product:", "type:\"", "\u0001\u0002", "ab1.".repeat(400), "x".repeat(2000), "-\"\"", "*:*", "Q", "kb/0",
                "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows", "\ud83d\ude00", "\u202e", "%FF")))));
        kind("api-bad-param", 5, Set.of(400), r -> get("/api/search?q=x&" + pick(r, List.of("page=0", "size=1000",
                "year=abc", "sort=foo", "page=99999999999", "pages=maybe", "page=2000&size=10", "size=-1"))));
        kind("api-not-utf8", 4, Set.of(400), r -> raw("GET " + prefix + "/api/search?" + pick(r, List.of("q=%FF%FE",
                "q=caf%C3", "q=x&product=%ED%A0%80", "%FF=1", "q=%zz", "q=%E0%80%80")) + " HTTP/1.1"));
        kind("api-article", 4, Set.of(200, 404), r -> get("/api/articles/" + pick(r, List.of(articleId(r), articleId(r),
                "Q999999", "%20", "x"))));
        kind("short-link", 5, Set.of(301), r -> get(pick(r, List.of("/kb/", "/Q", "/KB", "/kb/q")) + articleId(r).substring(1)));
        kind("not-found", 4, Set.of(404), r -> get("/no/such/page/" + r.nextInt(1_000_000)));
        kind("traversal", 4, Set.of(400, 404), r -> raw("GET " + pick(r, List.of("/../../../../etc/passwd",
                prefix + "/..%2f..%2f..%2fetc/passwd", prefix + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                prefix + "/assets/..%5c..%5c..%5cetc%5cpasswd", prefix + "/kb/../../../../etc/passwd",
                prefix + "/%00/etc/passwd", "/" + "..%252f".repeat(8) + "etc/passwd")) + " HTTP/1.1"));
        kind("head", 4, ok, r -> new Call(HttpRequest.newBuilder(uri(pick(r, List.of(pick(r, articles),
                "/api/search?q=" + enc(words(r, 2)))))).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(TIMEOUT).build(), null));
        kind("options", 2, Set.of(200, 204, 404, 405), r -> new Call(HttpRequest.newBuilder(uri(pick(r,
                List.of("/", "/api/search?q=x")))).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .timeout(TIMEOUT).build(), null));
        kind("other-method", 2, Set.of(404, 405), r -> new Call(HttpRequest.newBuilder(uri(pick(r,
                List.of("/api/search?q=x", "/", pick(r, articles))))).method(pick(r, List.of("POST", "PUT", "DELETE",
                "PATCH")), HttpRequest.BodyPublishers.ofString("{}")).timeout(TIMEOUT).build(), null));
        kind("huge-header", 2, Set.of(431), r -> raw("GET " + prefix + "/ HTTP/1.1\r\nX-Big: " + "x".repeat(20_000 + r.nextInt(20_000))));
        kind("bad-path", 2, Set.of(400), r -> raw("GET " + prefix + pick(r, List.of("/kb/%FF/", "/%C3", "/Q%ED%A0%80"))
                + " HTTP/1.1"));
        kind("bad-host", 1, Set.of(200, 400), r -> raw("GET " + prefix + "/ HTTP/1.1\r\nHost: " + pick(r, List.of("a:b:c", "[::1",
                "%FF"))));
        kinds.forEach(k -> tallies.put(k.name(), new Tally()));
    }

    private void kind(String name, int weight, Set<Integer> expected, Function<SplittableRandom, Call> make) {
        kinds.add(new Kind(name, weight, expected, make));
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String words(SplittableRandom random, int n) {
        return IntStream.range(0, n).mapToObj(i -> WORDS[random.nextInt(WORDS.length)]).collect(Collectors.joining(" "));
    }

    private String articleId(SplittableRandom random) {
        String url = pick(random, articles);
        String[] parts = url.split("/");
        return parts[parts.length - 1];
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Call get(String path) {
        return new Call(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build(), null);
    }

    /** A raw request: its first line and headers, then Host (unless given) and Connection: close. */
    private Call raw(String head) {
        String host = head.contains("\r\nHost: ") ? "" : "Host: " + origin.getHost() + ":" + origin.getPort() + "\r\n";
        return new Call(null, head + "\r\n" + host + "Connection: close\r\n\r\n");
    }

    /** Sends one call; answers its status ({@code -1} for a failed connection, with the problem in {@code problem}). */
    private int send(Call call, StringBuilder problem) {
        try {
            if (call.request() != null) {
                HttpResponse<byte[]> response = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
                if (new String(response.body(), StandardCharsets.ISO_8859_1).contains("root:x:0:0")) {
                    problem.append("a file outside the site was served: ").append(call.request().uri());
                    return 999;
                }
                return response.statusCode();
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(origin.getHost(), origin.getPort()), 10_000);
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(call.raw().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
                    problem.append("no HTTP answer to ").append(call.raw().lines().findFirst().orElse(""));
                    return -1;
                }
                if (answer.contains("root:x:0:0")) {
                    problem.append("a file outside the site was served: ").append(call.raw().lines().findFirst().orElse(""));
                    return 999;
                }
                return Integer.parseInt(answer.substring(9, 12));
            }
        } catch (IOException e) {
            problem.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append(" (")
                    .append(call.request() != null ? call.request().uri() : call.raw().lines().findFirst().orElse(""))
                    .append(")");
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void run(int clients, Duration duration) throws InterruptedException {
        int total = kinds.stream().mapToInt(Kind::weight).sum();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(17L * c + 1);
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                Map<String, long[]> nanos = new TreeMap<>();
                Map<String, Integer> counts = new TreeMap<>();
                while (!stop.get()) {
                    int w = random.nextInt(total);
                    Kind kind = kinds.get(0);
                    for (Kind k : kinds) {
                        if ((w -= k.weight()) < 0) {
                            kind = k;
                            break;
                        }
                    }
                    Call call = kind.make().apply(random);
                    StringBuilder problem = new StringBuilder();
                    long t0 = System.nanoTime();
                    int status = send(call, problem);
                    long took = System.nanoTime() - t0;
                    Tally tally = tallies.get(kind.name());
                    tally.requests.incrementAndGet();
                    tally.statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status < 0) {
                        tally.failed.incrementAndGet();
                    } else if (status >= 500) {
                        tally.serverErrors.incrementAndGet();
                    }
                    if (!kind.expected().contains(status)) {
                        tally.unexpected.incrementAndGet();
                        if (tally.firstProblem.isEmpty()) {
                            tally.firstProblem = problem.isEmpty() ? "status " + status : problem.toString();
                        }
                    }
                    long[] mine = nanos.computeIfAbsent(kind.name(), k -> new long[1024]);
                    int n = counts.getOrDefault(kind.name(), 0);
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                        nanos.put(kind.name(), mine);
                    }
                    mine[n] = took;
                    counts.put(kind.name(), n + 1);
                }
                nanos.forEach((name, values) -> tallies.get(name).latencies(values, counts.get(name)));
            }));
        }
        long end = start + duration.toNanos();
        long lastRequests = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long requests = sum(t -> t.requests.get());
            double at = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "[load] t=%5.1f s  %6.0f req/s  %d requests, %d 5xx, %d failed connections%n",
                    at, (requests - lastRequests) / 5.0, requests, sum(t -> t.serverErrors.get()), sum(t -> t.failed.get()));
            lastRequests = requests;
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        report((System.nanoTime() - start) / 1e9);
    }

    private long sum(Function<Tally, Long> of) {
        return tallies.values().stream().mapToLong(of::apply).sum();
    }

    private void report(double seconds) {
        System.out.printf(Locale.ROOT, "%n%-14s %9s %8s %9s %9s %6s %7s %10s  %s%n", "kind", "requests", "req/s",
                "p50 ms", "p99 ms", "5xx", "failed", "unexpected", "statuses");
        List<long[]> all = new ArrayList<>();
        tallies.forEach((name, t) -> {
            long[] sorted = t.sorted();
            all.add(sorted);
            System.out.printf(Locale.ROOT, "%-14s %9d %8.1f %9.1f %9.1f %6d %7d %10d  %s%s%n", name, t.requests.get(),
                    t.requests.get() / seconds, millis(sorted, 0.5), millis(sorted, 0.99), t.serverErrors.get(),
                    t.failed.get(), t.unexpected.get(), new TreeMap<>(t.statuses),
                    t.firstProblem.isEmpty() ? "" : "  first: " + t.firstProblem);
        });
        long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long serverErrors = sum(t -> t.serverErrors.get());
        long failed = sum(t -> t.failed.get());
        System.out.printf(Locale.ROOT, "%-14s %9d %8.1f %9.1f %9.1f %6d %7d %10d%n", "all", sorted.length,
                sorted.length / seconds, millis(sorted, 0.5), millis(sorted, 0.99), serverErrors, failed,
                sum(t -> t.unexpected.get()));
        System.out.printf(Locale.ROOT, "%n[load] %d requests in %.1f s: %.1f req/s, p50 %.1f ms, p99 %.1f ms, "
                + "%d answers 5xx, %d failed connections%n", sorted.length, seconds, sorted.length / seconds,
                millis(sorted, 0.5), millis(sorted, 0.99), serverErrors, failed);
        if (serverErrors > 0 || failed > 0) {
            System.out.println("[load] FAILED: the server must answer every request, and never 5xx");
            System.exit(1);
        }
    }

    private static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    /** Article page URLs below the base URL, from the site folder ({@code kb/NNN/QNNNNNN/index.html}). */
    private static List<String> articles(Path site, int max) throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("kb"), 3)) {
            List<String> urls = files.filter(p -> p.getNameCount() > 0 && p.getFileName().toString().matches("Q\\d+")
                    && Files.isRegularFile(p.resolve("index.html")))
                    .map(p -> "/" + site.relativize(p).toString().replace('\\', '/') + "/")
                    .sorted().toList();
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("no article pages under " + site.resolve("kb"));
            }
            int step = Math.max(1, urls.size() / max);
            return IntStream.range(0, urls.size()).filter(i -> i % step == 0).mapToObj(urls::get).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        HostileLoad load = new HostileLoad(a.required("base"), articles(a.path("site"), 2_000));
        System.out.printf("[load] %d clients for %d s on %s (%d article pages)%n", a.integer("clients", 50),
                a.integer("duration", 60), a.required("base"), load.articles.size());
        load.run(a.integer("clients", 50), Duration.ofSeconds(a.integer("duration", 60)));
    }
}
