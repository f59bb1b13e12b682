package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** kb serve's request log: one line per request with time, method, path, status and duration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest {

    private static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ";

    private ServedSite site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        site = ServedSite.build(tmp, "");
    }

    private KbServer serve(AccessLog log) {
        return KbServer.start(new ServeOptions(site.site(), site.index(), "127.0.0.1", 0), Optional.of(log));
    }

    /** The log's lines once every request has been logged (a line is written after its answer is sent). */
    private static List<String> lines(StringWriter out, int count) throws InterruptedException {
        for (int i = 0; i < 200 && out.toString().lines().count() < count; i++) {
            Thread.sleep(10);
        }
        return out.toString().lines().toList();
    }

    @Test
    void eachRequestIsOneLine() throws Exception {
        StringWriter out = new StringWriter();
        try (KbServer server = serve(AccessLog.to(out))) {
            Http http = new Http(server);
            http.get("/kb/319/Q319864/");
            http.get("/api/search?q=inventory&size=2");
            http.get("/no/such/page");
            http.send(http.request("/api/search?q=x").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            List<String> lines = lines(out, 4);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).matches(LINE + "GET /kb/319/Q319864/ 200 \\d+ ms");
            assertThat(lines.get(1)).matches(LINE + "GET /api/search\\?q=inventory&size=2 200 \\d+ ms");
            assertThat(lines.get(2)).matches(LINE + "GET /no/such/page 404 \\d+ ms");
            assertThat(lines.get(3)).matches(LINE + "HEAD /api/search\\?q=x 200 \\d+ ms");
        }
    }

    @Test
    void aLineIsAsciiAndBoundedWhateverTheClientSends() {
        Instant t = Instant.parse("2026-12-02T21:37:28.456789Z");
        assertThat(AccessLog.line(t, "GET", "/caf\u00e9?q=a\nb\u0000", 400, 3))
                .isEqualTo("2026-12-02T21:37:28.456Z GET /caf%C3%A9?q=a%0Ab%00 400 3 ms");
        String line = AccessLog.line(t, "GET", "/" + "x".repeat(10_000), 414, 0);
        assertThat(line).hasSizeLessThan(AccessLog.MAX_TARGET + 60).contains("x... 414 0 ms");
        assertThat(AccessLog.line(t, "", null, 400, 0)).isEqualTo("2026-12-02T21:37:28.456Z - - 400 0 ms");
        assertThat(AccessLog.line(Instant.parse("2026-12-02T21:37:28Z"), "GET", "/", 200, 1))
                .isEqualTo("2026-12-02T21:37:28.000Z GET / 200 1 ms");
    }

    @Test
    void aLogFileIsAppendedTo(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("requests.log");
        Files.writeString(file, "earlier\n");
        try (KbServer server = serve(AccessLog.appendingTo(file))) {
            new Http(server).get("/assets/kb.css");
            for (int i = 0; i < 200 && Files.readAllLines(file).size() < 2; i++) {
                Thread.sleep(10);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("earlier");
        assertThat(lines.get(1)).matches(LINE + "GET /assets/kb.css 200 \\d+ ms");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsAClearError(@TempDir Path tmp) {
        assertThatThrownBy(() -> AccessLog.appendingTo(tmp.resolve("no/such/folder/requests.log")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot open the request log ");
    }
}
