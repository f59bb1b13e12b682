package kb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterClientTest {

    private static final String LOST_SHARD = "{\"error\":{\"type\":\"search_phase_execution_exception\","
            + "\"reason\":\"Partial shards failure ([n1][indices:data/read/search[phase/fetch/id]] disconnected)\"},\"status\":500}";

    private HttpServer server;
    private final AtomicInteger asked = new AtomicInteger();

    /** A node that answers the given statuses in turn, then 200. */
    private ClusterClient node(int... statuses) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = asked.getAndIncrement();
            int status = n < statuses.length ? statuses[n] : 200;
            byte[] body = (status == 200 ? "{\"hits\":{}}" : LOST_SHARD).getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new ClusterClient(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aSearchThatLostAShardWithItsNodeIsAskedAgain() throws IOException {
        ClusterClient client = node(500, 500);

        assertThat(client.search("/kb/_search", "{}").status()).isEqualTo(200);
        assertThat(asked).hasValue(3);
    }

    @Test
    void aSearchIsAskedAtMostThreeTimes() throws IOException {
        ClusterClient client = node(500, 500, 500, 500);

        ClusterClient.Answer answer = client.search("/kb/_search", "{}");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.reason()).contains("disconnected");
        assertThat(asked).hasValue(3);
    }

    @Test
    void aRefusedSearchIsNotAskedAgain() throws IOException {
        ClusterClient client = node(400);

        assertThat(client.search("/kb/_search", "{}").status()).isEqualTo(400);
        assertThat(client.post("/kb/_search", "{}").status()).isEqualTo(200);
        assertThat(asked).hasValue(2);
    }

    @Test
    void otherRequestsAreNotAskedAgain() throws IOException {
        ClusterClient client = node(500);

        assertThat(client.post("/kb/_refresh", "{}").status()).isEqualTo(500);
        assertThat(asked).hasValue(1);
    }
}
