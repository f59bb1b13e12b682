package kb.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The local 3-node OpenSearch cluster of {@code bench/opensearch-cluster.sh}, for tests: started
 * once per test JVM, on first use, by that script (the same code path as the benchmarks and
 * {@code .ci/run}), and stopped when the test run ends (JUnit closes the root store; a shutdown
 * hook covers a JVM that exits otherwise).
 *
 * <p>Tests get it as a parameter with {@code @ExtendWith(OpenSearchCluster.Extension.class)}.
 * They are skipped, with a message, only when OpenSearch cannot be had: the integ-test zip or
 * its modules are not in {@code ~/.m2} and Maven cannot fetch them. Under {@code CI=true}
 * ({@code .ci/run} fetches them) nothing is skipped, and any failure to start fails the tests.
 *
 * <p>{@link #send} is thread-safe and tries the nodes in turn when one refuses the connection.
 */
public final class OpenSearchCluster implements AutoCloseable {

    private static final Path SCRIPT = Path.of("bench", "opensearch-cluster.sh");
    /** The script's folder: its URLs file, PID files and the nodes (as the script, {@code OPENSEARCH_CLUSTER}). */
    private static final Path FOLDER = Path.of(System.getenv().getOrDefault("OPENSEARCH_CLUSTER", "target/opensearch-cluster"));
    /** The script's exit code when Maven cannot fetch OpenSearch ({@code bench/lib.sh}). */
    private static final int UNAVAILABLE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> urls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private OpenSearchCluster(List<URI> urls) {
        this.urls = List.copyOf(urls);
    }

    /** The nodes' HTTP URLs ({@code http://127.0.0.1:19201} ...), in node order. */
    public List<URI> urls() {
        return urls;
    }

    /** An answer of the cluster: its HTTP status and its JSON body. */
    public record Response(int status, JsonNode json) {

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * Sends a request to the first node that accepts the connection.
     *
     * @param method {@code GET}, {@code PUT}, {@code POST} or {@code DELETE}
     * @param path   the path and query, with its leading slash ({@code /kb/_analyze})
     * @param body   a JSON body, or {@code null} for none
     */
    public Response send(String method, String path, String body) {
        IOException last = null;
        for (URI url : urls) {
            HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                String text = response.body();
                return new Response(response.statusCode(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                last = e;
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + method + " " + path, e);
            }
        }
        throw new UncheckedIOException("no node of " + urls + " accepts connections", last);
    }

    /** {@link #send} that must succeed (2xx): the answer's JSON. */
    public JsonNode ok(String method, String path, String body) {
        Response response = send(method, path, body);
        assertThat(response.ok()).as(method + " " + path + " answered " + response.status() + ": " + response.json()).isTrue();
        return response.json();
    }

    /** Stops every node (the script's {@code stop}); later calls do nothing. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            Script stop = Script.run("stop", Duration.ofMinutes(2));
            if (stop.code() != 0) {
                System.err.println("[kb] bench/opensearch-cluster.sh stop failed (" + stop.code() + "):\n" + stop.output());
            }
        }
    }

    /** Starts the cluster; the outcome, cluster or reason, is kept for every later test of the run. */
    private static Outcome start() {
        boolean ci = "true".equals(System.getenv("CI"));
        Script start = Script.run("start", Duration.ofMinutes(10));
        if (start.code() == UNAVAILABLE && !ci) {
            String message = "OpenSearch cluster tests skipped: OpenSearch 3.3 (the integ-test zip and its modules) is not in "
                    + "~/.m2 and Maven cannot fetch it:\n" + start.output();
            System.out.println("[kb] " + message); // surefire shows class-level skips as 0 tests
            return new Outcome(null, message, null);
        }
        if (start.code() != 0) {
            return new Outcome(null, null, "bench/opensearch-cluster.sh start failed (exit " + start.code() + "):\n" + start.output());
        }
        try {
            List<URI> urls = Arrays.stream(Files.readString(FOLDER.resolve("urls")).strip().split(","))
                    .map(URI::create).toList();
            OpenSearchCluster cluster = new OpenSearchCluster(urls);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "opensearch-cluster-stop"));
            return new Outcome(cluster, null, null);
        } catch (IOException e) {
            Script.run("stop", Duration.ofMinutes(2));
            throw new UncheckedIOException("the cluster started but wrote no " + FOLDER.resolve("urls"), e);
        }
    }

    /** What starting gave: the cluster, or why the tests are skipped, or why they fail. */
    private record Outcome(OpenSearchCluster cluster, String skipped, String failure) implements AutoCloseable {

        OpenSearchCluster get() {
            assumeTrue(skipped == null, skipped);
            assertThat(failure).as("starting the OpenSearch cluster").isNull();
            return cluster;
        }

        @Override
        public void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** One run of the script: exit code and output (stdout and stderr together). */
    private record Script(int code, String output) {

        static Script run(String command, Duration limit) {
            try {
                Files.createDirectories(FOLDER);
                Path log = FOLDER.resolve(command + ".out");
                Process process = new ProcessBuilder("bash", SCRIPT.toString(), command)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
                process.getOutputStream().close();
                if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    String output = Files.readString(log);
                    if (command.equals("start")) {
                        // Killed before its trap could run: stop what it started.
                        run("stop", Duration.ofMinutes(2));
                    }
                    return new Script(-1, "timed out after " + limit + "\n" + output);
                }
                return new Script(process.exitValue(), Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Starts the run's one cluster before a test class's {@code @BeforeAll} methods (on first use)
     * and resolves its {@code OpenSearchCluster} parameters with it; skips or fails the class as
     * the class comment says. (An assumption that fails while resolving a parameter would be an
     * error, not a skip: hence the callback.)
     */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSearchCluster.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            outcome(context).get();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == OpenSearchCluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return outcome(context).get();
        }

        private static Outcome outcome(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Outcome.class, key -> start(), Outcome.class);
        }
    }
}
