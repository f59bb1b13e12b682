package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query is never an error (issue 17, item 8), and no request a client can send is a server
 * error: long queries are searched by their beginning with a note, bytes that are not UTF-8 are
 * a 400 with a short JSON error and nothing in the log, odd input of every kind is a 2xx-4xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

    private KbServer server;
    private Http http;

    @BeforeAll
    void start(@TempDir Path tmp) {
        server = ServedSite.build(tmp, "").serve();
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    }

    @Test
    void aQueryOf176WordsIsSearchedByItsFirst32WithANote() {
        String log = ServerLog.during(() -> {
            HttpResponse<byte[]> response = http.get("/api/search?q=" + URLEncoder.encode(words(176), StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
            JsonNode shortened = json(response).get("shortened");
            assertThat(Http.keys(shortened)).containsExactly("searched", "words", "words_searched", "note");
            assertThat(shortened.get("searched").asText()).isEqualTo(words(32));
            assertThat(shortened.get("words").asInt()).isEqualTo(176);
            assertThat(shortened.get("words_searched").asInt()).isEqualTo(32);
            assertThat(shortened.get("note").asText())
                    .isEqualTo("The query was shortened: only its first 32 of 176 words were searched.");
            assertThat(json(response).get("query").asText()).isEqualTo(words(176));
        });
        assertThat(log).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%FF%FE", "q=caf%C3", "q=%E0%80%80", "q=%ED%A0%80", "q=x&product=%FF", "q=x&type=%C3%28",
        "%FF=1&q=x", "q=x&unknown=%FF", "q=%zz", "q=%", "q=%F"})
    void aQueryStringThatIsNotUtf8Is400WithAShortErrorAndNoTrace(String query) {
        String log = ServerLog.during(() -> {
            String answer = raw("GET /api/search?" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/json")
                    .endsWith("{\"error\":\"" + SearchApi.UNREADABLE + "\"}");
        });
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
    }

    /** Requests as a hostile client sends them, bytes as written, each on its own connection. */
    static List<String> hostile() {
        String big = "x".repeat(20_000);
        List<String> requests = new ArrayList<>();
        for (String target : List.of("/", "/%FF", "/kb/%FF/", "/kb/%C3", "/api/articles/%FF", "/api/articles/%00",
                "/../../etc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%5c..%5cetc",
                "/kb/319/Q319864/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%00", "/kb%00/", "//etc/passwd",
                "/api/search?q=" + "x%20".repeat(2_000), "/api/search?q=" + big, "/api/search?page=2147483647&size=100",
                "/api/search?page=99999999999", "/api/search?q=*", "/api/search?q=%22", "/api/search?q=(((",
                "/api/search?q=-", "/api/search?q=%01%02%7F", "/api/search?q=ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1."
                        + "ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1.ab1",
                "/api/search?q=x&sort=%FF", "/api/search?q=x&size=-1", "/api/search?q=x&year=%00", "/api/search?&&&=&=",
                "/Q%FF", "/kb/9999999999999999", "/KB319864?%FF", "/search/?q=%FF", "/opensearch.xml", "/kb-site.json",
                "*", "http://evil.example/", "/" + big)) {
            requests.add("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        }
        for (String method : List.of("HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "PATCH", "CONNECT", "FOO")) {
            requests.add(method + " / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            requests.add(method + " /api/search?q=x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
        requests.add("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: a:b:c\r\nConnection: close\r\n\r\n");
        requests.add("GET /opensearch.xml HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nRange: bytes=999999999-\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nRange: bytes=-0,5-3,a\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nIf-Modified-Since: garbage\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " + "\"x\",".repeat(500) + "\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip;q=abc, br;q=-1\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n\r\n");
        requests.add("POST /api/search HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999999999999\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.0\r\n\r\n");
        requests.add("GET /\u00ff\u00fe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nX-Ctl: \u0001\u0002\r\nConnection: close\r\n\r\n");
        requests.add("\u0000\u0001\u0002\r\n\r\n");
        return requests;
    }

    @Test
    void noRequestIsAServerError() {
        String log = ServerLog.during(() -> {
            for (String request : hostile()) {
                String answer = raw(request);
                String status = answer.lines().findFirst().orElse("");
                assertThat(status).as(request.lines().findFirst().orElse("")).matches("HTTP/1\\.[01] [1-4]\\d\\d .*");
            }
        });
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void anHttpVersionNobodySpeaksIsTheProtocolsOwn505() {
        // The one 5xx a client can cause, as HTTP defines it (and as other servers answer it).
        assertThat(raw("GET / HTTP/9.9\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 505 ");
    }

    @Test
    void aPercentSignWellEscapedIsAWord() {
        HttpResponse<byte[]> response = http.get("/api/search?q=%25FF");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json(response).get("query").asText()).isEqualTo("%FF");
    }

    /** Sends {@code request} as ISO-8859-1 bytes (so U+00FF is the byte FF) and answers the whole response. */
    private String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(request.lines().findFirst().orElse(""), e);
        }
    }
}
