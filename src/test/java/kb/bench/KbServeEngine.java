package kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * kb's search as integrators reach it: {@code GET /api/search} of a running {@code kb serve}
 * (in the quality benchmark, {@code kb serve --opensearch}: kb's queries answered by a cluster).
 */
final class KbServeEngine implements SearchEngine {

    private final URI base;
    private final String name;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param base the server's root ({@code http://127.0.0.1:4000}), where {@code /api/search} answers */
    KbServeEngine(URI base, String name, String key) {
        this.base = base;
        this.name = name;
        this.key = key;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Hit> search(String query, int size) {
        URI uri = URI.create(base + "/api/search?size=" + size + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("kb serve answered " + response.statusCode() + " to " + uri + ": "
                        + response.body());
            }
            List<Hit> hits = new ArrayList<>();
            for (JsonNode hit : json.readTree(response.body()).path("hits")) {
                hits.add(new Hit(hit.path("id").asText(""), hit.path("title").asText("")));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
