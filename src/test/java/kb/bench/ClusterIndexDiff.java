package kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether two cluster indices (or aliases) hold the same documents: the same {@code _id}s with
 * the same {@code _source}. Prints the count and the first differences; exits 1 when they differ.
 * Options: {@code --opensearch URL --left ALIAS --right ALIAS}. Used by {@code bench/cluster.sh}
 * to check that an incremental publish leaves what a full one makes.
 */
public final class ClusterIndexDiff {

    private ClusterIndexDiff() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI node = URI.create(args.required("opensearch").split(",")[0]);
        Map<String, JsonNode> left = documents(node, args.required("left"));
        Map<String, JsonNode> right = documents(node, args.required("right"));
        List<String> differences = new ArrayList<>();
        for (String id : left.keySet()) {
            if (!right.containsKey(id)) {
                differences.add("only in " + args.required("left") + ": " + id);
            } else if (!left.get(id).equals(right.get(id))) {
                differences.add("different: " + id);
            }
        }
        for (String id : right.keySet()) {
            if (!left.containsKey(id)) {
                differences.add("only in " + args.required("right") + ": " + id);
            }
        }
        System.out.printf("[bench] %s: %,d documents, %s: %,d documents, %d differences%n", args.required("left"),
                left.size(), args.required("right"), right.size(), differences.size());
        differences.stream().limit(20).forEach(d -> System.out.println("[bench]   " + d));
        if (!differences.isEmpty()) {
            System.exit(1);
        }
    }

    private static Map<String, JsonNode> documents(URI node, String index) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> out = new TreeMap<>();
        JsonNode after = null;
        while (true) {
            String body = "{\"size\":2000,\"sort\":[{\"url\":\"asc\"}]" + (after == null ? "" : ",\"search_after\":" + after) + "}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.resolve("/" + index + "/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(index + ": " + r.statusCode() + " " + r.body());
            }
            JsonNode hits = json.readTree(r.body()).path("hits").path("hits");
            if (hits.isEmpty()) {
                return out;
            }
            hits.forEach(h -> out.put(h.path("_id").asText(), h.path("_source")));
            after = hits.get(hits.size() - 1).path("sort");
        }
    }
}
