package kb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The OpenSearch query shapes' request bodies (no node needed). */
class OpenSearchClientBenchTest {

    private final OpenSearchClient client = new OpenSearchClient(URI.create("http://127.0.0.1:1"), "kb");

    @Test
    void theUnstemmedTunedQueryIsTheTunedQueryOnThePlainSubfields() {
        String tuned = client.searchBody("agent stops", 10, OpenSearchClient.QueryShape.TUNED);
        String unstemmed = client.searchBody("agent stops", 10, OpenSearchClient.QueryShape.TUNED_UNSTEMMED);
        assertThat(unstemmed).isEqualTo(tuned.replace("\"title\":", "\"title.plain\":")
                .replace("\"title^3", "\"title.plain^3").replace("\"body", "\"body.plain"));
        assertThat(unstemmed).contains("\"fields\":[\"title.plain^3\",\"body.plain\"]", "\"fuzziness\":\"AUTO\"");
    }

    @Test
    void thePublishedShapesKeepTheirNamesAndFields() {
        assertThat(client.searchBody("agent", 10, OpenSearchClient.QueryShape.PLAIN))
                .isEqualTo("{\"size\":10,\"_source\":[\"title\"],\"query\":{\"multi_match\":{\"query\":\"agent\","
                        + "\"fields\":[\"title^3\",\"body\"]}}}");
        assertThat(client.engine(OpenSearchClient.QueryShape.PLAIN).key()).isEqualTo("opensearch_plain");
        assertThat(client.engine(OpenSearchClient.QueryShape.TUNED).name()).isEqualTo("OpenSearch tuned");
        assertThat(client.engine(OpenSearchClient.QueryShape.TUNED_UNSTEMMED).name())
                .isEqualTo("OpenSearch tuned (unstemmed)");
    }
}
