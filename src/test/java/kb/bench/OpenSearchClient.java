package kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal client of a stock OpenSearch node over its REST API ({@link HttpClient} + Jackson):
 * creates the comparison index (fields {@code title} and {@code body}, {@code english} analyzer),
 * bulk-loads the articles, and runs the query shapes the benchmarks compare. Thread-safe.
 */
final class OpenSearchClient {

    /**
     * The query shapes: plain {@code multi_match}, the tuned bool of fuzzy match plus phrase
     * boosts, and the tuned query on the unstemmed subfields {@code title.plain} and
     * {@code body.plain} ({@code standard} analyzer; only in an index made with them).
     */
    enum QueryShape {
        PLAIN("plain", "OpenSearch plain", "title", "body"),
        TUNED("tuned", "OpenSearch tuned", "title", "body"),
        TUNED_UNSTEMMED("tuned_unstemmed", "OpenSearch tuned (unstemmed)", "title.plain", "body.plain");

        private final String key;
        private final String label;
        private final String title;
        private final String body;

        QueryShape(String key, String label, String title, String body) {
            this.key = key;
            this.label = label;
            this.title = title;
            this.body = body;
        }
    }

    private static final int BULK_BYTES = 8 << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String index;

    /** A client of the node at {@code base} ({@code http://127.0.0.1:19200}) for {@code index}. */
    OpenSearchClient(URI base, String index) {
        this.base = base;
        this.index = index;
    }

    /** The node's base URI. */
    URI base() {
        return base;
    }

    /** The index name. */
    String index() {
        return index;
    }

    /** Deletes the index if it exists and creates it empty: 1 shard, no replica, refresh off. */
    void createIndex() {
        createIndex(1, 0);
    }

    /** Deletes the index if it exists and creates it empty, with refresh off. */
    void createIndex(int shards, int replicas) {
        createIndex(shards, replicas, false);
    }

    /**
     * Deletes the index if it exists and creates it empty, with refresh off; with
     * {@code unstemmed}, {@code title} and {@code body} also get a {@code plain} subfield with the
     * {@code standard} analyzer (for {@link QueryShape#TUNED_UNSTEMMED}).
     */
    void createIndex(int shards, int replicas, boolean unstemmed) {
        send(HttpRequest.newBuilder(uri("/" + index + "?ignore_unavailable=true")).DELETE(), 200, 404);
        ObjectNode body = json.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("number_of_shards", shards).put("number_of_replicas", replicas).put("refresh_interval", "-1");
        ObjectNode props = body.putObject("mappings").putObject("properties");
        for (String field : List.of("title", "body")) {
            ObjectNode mapping = props.putObject(field).put("type", "text").put("analyzer", "english");
            if (unstemmed) {
                mapping.putObject("fields").putObject("plain").put("type", "text").put("analyzer", "standard");
            }
        }
        send(put("/" + index, body.toString()), 200);
    }

    /**
     * Bulk-indexes the articles ({@code _id} = article ID, {@code title} = the title as the page
     * shows it, {@code body} = the readable text), then refreshes.
     */
    void indexAll(List<BenchArticle> articles) {
        StringBuilder batch = new StringBuilder(BULK_BYTES + (1 << 20));
        for (BenchArticle a : articles) {
            ObjectNode action = json.createObjectNode();
            action.putObject("index").put("_id", a.id());
            ObjectNode doc = json.createObjectNode().put("title", a.displayTitle()).put("body", a.text());
            batch.append(action).append('\n').append(doc).append('\n');
            if (batch.length() >= BULK_BYTES) {
                bulk(batch.toString());
                batch.setLength(0);
            }
        }
        if (!batch.isEmpty()) {
            bulk(batch.toString());
        }
        send(HttpRequest.newBuilder(uri("/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    /** Merges the index into one segment, as kb's index is (for a fair size and speed comparison). */
    void forceMerge() {
        send(HttpRequest.newBuilder(uri("/" + index + "/_forcemerge?max_num_segments=1"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    /** How many documents the index holds. */
    long count() {
        return read(send(HttpRequest.newBuilder(uri("/" + index + "/_count")).GET(), 200)).path("count").asLong();
    }

    /** The index's size on disk in bytes ({@code _cat/indices}'s {@code store.size}). */
    long storeBytes() {
        JsonNode rows = read(send(HttpRequest.newBuilder(
                uri("/_cat/indices/" + index + "?format=json&bytes=b&h=pri.store.size")).GET(), 200));
        return rows.path(0).path("pri.store.size").asLong();
    }

    /** The {@code _search} request body of a query: {@code size} hits, titles only. */
    String searchBody(String query, int size, QueryShape shape) {
        ObjectNode body = json.createObjectNode();
        body.put("size", size);
        body.putArray("_source").add("title");
        ObjectNode q = body.putObject("query");
        if (shape == QueryShape.PLAIN) {
            multiMatch(q, query, shape);
        } else {
            ArrayNode should = q.putObject("bool").putArray("should");
            multiMatch(should.addObject(), query, shape).put("fuzziness", "AUTO");
            should.addObject().putObject("match_phrase").putObject(shape.title).put("query", query).put("boost", 5);
            should.addObject().putObject("match_phrase").putObject(shape.body).put("query", query).put("boost", 2);
        }
        return body.toString();
    }

    /** The {@code _search} request of a query, ready to send (reusable). */
    HttpRequest searchRequest(String query, int size, QueryShape shape) {
        return post(searchUri(), searchBody(query, size, shape)).timeout(Duration.ofSeconds(30)).build();
    }

    /** The {@code _search} URI of the index. */
    URI searchUri() {
        return uri("/" + index + "/_search");
    }

    /** Runs a query; the hits best first. */
    List<SearchEngine.Hit> search(String query, int size, QueryShape shape) {
        JsonNode answer = read(send(post(searchUri(), searchBody(query, size, shape)), 200));
        List<SearchEngine.Hit> hits = new ArrayList<>();
        for (JsonNode h : answer.path("hits").path("hits")) {
            hits.add(new SearchEngine.Hit(h.path("_id").asText(), h.path("_source").path("title").asText()));
        }
        return hits;
    }

    /** A search engine view of one query shape. */
    SearchEngine engine(QueryShape shape) {
        return new SearchEngine() {
            @Override
            public String name() {
                return shape.label;
            }

            @Override
            public String key() {
                return "opensearch_" + shape.key;
            }

            @Override
            public List<Hit> search(String query, int size) {
                return OpenSearchClient.this.search(query, size, shape);
            }
        };
    }

    private static ObjectNode multiMatch(ObjectNode parent, String query, QueryShape shape) {
        ObjectNode mm = parent.putObject("multi_match");
        mm.put("query", query);
        mm.putArray("fields").add(shape.title + "^3").add(shape.body);
        return mm;
    }

    private void bulk(String ndjson) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/" + index + "/_bulk"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8));
        JsonNode answer = read(send(request, 200));
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    throw new IllegalStateException("OpenSearch bulk error: " + error);
                }
            }
            throw new IllegalStateException("OpenSearch bulk reported errors");
        }
    }

    private HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private String send(HttpRequest.Builder request, int... accepted) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (int status : accepted) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            String body = response.body();
            throw new IllegalStateException("OpenSearch answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.uri() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch at " + base + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch sent invalid JSON", e);
        }
    }
}
