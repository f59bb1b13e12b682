package kb.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import kb.json.KbJson;

/**
 * kb's client of an OpenSearch cluster: JSON over HTTP with {@code java.net.http} and Jackson.
 * (The official {@code opensearch-java} client would add about 12 MB of jars, its own HTTP and
 * JSON stacks, for the seven endpoints kb calls; kb builds its queries as JSON trees anyway.)
 *
 * <p>Knows several nodes and spreads requests over them; a node that refuses a connection,
 * times out or answers 502/503/504 is skipped for {@link #DOWN_FOR} and the request goes to the
 * next one, so that one node lost costs no request as long as another answers. Other answers,
 * errors included, are the cluster's and are returned or thrown as they are. Thread-safe.
 */
public final class ClusterClient {

    /** The pauses before a search answered 500 is asked again. */
    private static final List<Duration> SEARCH_RETRIES = List.of(Duration.ofMillis(250), Duration.ofSeconds(1));
    /** How long a node that failed is left out before it is tried again. */
    static final Duration DOWN_FOR = Duration.ofSeconds(5);

    private final List<URI> nodes;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicInteger next = new AtomicInteger();
    /** Per node: until when (System.nanoTime) it is left out; 0 when it is not. */
    private final AtomicLongArray downUntil;

    /**
     * @param nodes   the nodes' base URLs ({@code http://127.0.0.1:9200}), at least one
     * @param timeout how long one request may take on one node
     */
    public ClusterClient(List<URI> nodes, Duration timeout) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no cluster node given");
        }
        this.nodes = List.copyOf(nodes);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.downUntil = new AtomicLongArray(nodes.size());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * The nodes of a {@code --opensearch} option: base URLs separated by commas
     * ({@code http://127.0.0.1:9200,http://127.0.0.1:9201}).
     *
     * @throws IllegalArgumentException when one is not an http(s) URL
     */
    public static List<URI> nodes(String option) {
        List<URI> out = new ArrayList<>();
        for (String part : option.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + s);
            }
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL of a cluster node: " + s);
            }
            out.add(uri);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no cluster URL given");
        }
        return out;
    }

    /** GET a path ({@code /_cluster/health}); the answer's JSON. */
    public Answer get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** DELETE a path. */
    public Answer delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    /** PUT a JSON body. */
    public Answer put(String path, Object body) {
        return send("PUT", path, write(body), "application/json");
    }

    /** POST a JSON body. */
    public Answer post(String path, Object body) {
        return send("POST", path, write(body), "application/json");
    }

    /**
     * POST a search: a read, so asked again (up to {@link #SEARCH_RETRIES} times, after a pause)
     * when the cluster answers 500 — above all a shard lost with its node while the search ran
     * ({@code search_phase_execution_exception}, "disconnected"; OpenSearch retries only the
     * query phase on another copy, not the fetch). Answers with other statuses are returned as
     * they come.
     */
    public Answer search(String path, Object body) {
        String json = write(body);
        Answer answer = send("POST", path, json, "application/json");
        for (int i = 0; i < SEARCH_RETRIES.size() && answer.status() == 500; i++) {
            sleep(SEARCH_RETRIES.get(i));
            answer = send("POST", path, json, "application/json");
        }
        return answer;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the cluster", e);
        }
    }

    /** POST newline-delimited JSON ({@code _bulk}, {@code _msearch}). */
    public Answer postLines(String path, String ndjson) {
        return send("POST", path, ndjson, "application/x-ndjson");
    }

    /**
     * One request, on the first node that answers. An answer with any status is returned; only
     * when no node answers is {@link ClusterException} thrown.
     */
    private Answer send(String method, String path, String body, String contentType) {
        IOException last = null;
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        // Every node once, the ones left out last; then, if all are out, each once more.
        List<Integer> order = new ArrayList<>();
        List<Integer> resting = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < nodes.size(); i++) {
            int n = (start + i) % nodes.size();
            (downUntil.get(n) - now > 0 ? resting : order).add(n);
        }
        order.addAll(resting);
        for (int n : order) {
            URI uri = URI.create(nodes.get(n) + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", contentType)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 502 || status == 503 || status == 504) {
                    downUntil.set(n, System.nanoTime() + DOWN_FOR.toNanos());
                    last = new IOException(nodes.get(n) + " answered " + status);
                    continue;
                }
                downUntil.set(n, 0);
                return new Answer(status, read(response.body()), nodes.get(n));
            } catch (IOException e) {
                // refused, reset, timed out: this node is left out for a while, the next one asked
                downUntil.set(n, System.nanoTime() + DOWN_FOR.toNanos());
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while waiting for the cluster", e);
            }
        }
        throw new ClusterException("no cluster node answered " + method + " " + path + " (tried " + nodes + "): "
                + describe(last), last);
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "no node";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private String write(Object body) {
        if (body instanceof String s) {
            return s;
        }
        return KbJson.write(body);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return KbJson.object();
        }
        try {
            return KbJson.read(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Not JSON (a proxy's error page): keep the text for the message.
            return KbJson.object().put("error", body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    /**
     * One answer of the cluster.
     *
     * @param status the HTTP status
     * @param body   the JSON answered (an empty object for none)
     * @param node   the node that answered
     */
    public record Answer(int status, JsonNode body, URI node) {

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The body, when the status is 2xx; else a {@link ClusterException} saying what the cluster said. */
        public JsonNode require(String what) {
            if (!ok()) {
                throw new ClusterException(what + ": the cluster answered " + status + ": " + reason(), null);
            }
            return body;
        }

        /** The cluster's reason for an error ({@code error.reason}, or the whole body). */
        public String reason() {
            JsonNode error = body.path("error");
            if (error.isObject()) {
                JsonNode cause = error.path("root_cause").path(0);
                String reason = error.path("reason").asText("");
                String type = error.path("type").asText("");
                if (cause.isObject() && !cause.path("reason").asText("").equals(reason)) {
                    reason = reason + " (" + cause.path("reason").asText("") + ")";
                }
                return type.isEmpty() ? reason : type + ": " + reason;
            }
            return error.isMissingNode() ? body.toString() : error.asText();
        }
    }
}
