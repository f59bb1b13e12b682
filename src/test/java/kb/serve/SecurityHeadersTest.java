package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer of kb serve carries the security headers (CSP without inline scripts and with
 * {@code frame-ancestors 'none'}, {@code nosniff}, {@code Referrer-Policy}) and no {@code Server}
 * header naming Jetty's version; and the theme's pages work under that CSP: no inline script,
 * event handler attribute, {@code javascript:} URL or inline style.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    private ServedSite site;
    private KbServer server;

    @BeforeAll
    void start(@TempDir Path tmp) {
        site = ServedSite.build(tmp, "");
        server = site.serve();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The status line and headers (names in lower case) of a raw request's answer. */
    private Map<String, String> head(String request) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            Map<String, String> head = new LinkedHashMap<>();
            List<String> lines = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).lines().toList();
            head.put(":status", lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                head.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "Connection: close\r\n\r\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /",                            // a page
        "GET /kb/319/Q319864/",             // an article
        "GET /assets/kb.css",               // a file
        "GET /kb/319/Q319864",              // redirect to the folder
        "GET /kb/319864",                   // a short link
        "GET /no/such/page/",               // the 404 page
        "GET /api/search?q=inventory",      // the API
        "GET /api/search?q=x&page=0",       // an API error
        "GET /api/search?q=%FF",            // bytes that are not UTF-8
        "GET /api/nothing",                 // no such API
        "POST /api/search",                 // wrong method
        "GET /kb-site.json",
        "GET /opensearch.xml",
        "GET /favicon.ico",
        "HEAD /",
        "OPTIONS /",
        "GET /%FF",                         // a path that is not UTF-8: rejected before the handlers
        "GET /..%2f..%2fetc/passwd",        // traversal: rejected before the handlers
        "GET /a%00b",
    })
    void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion(String requestLine) {
        String[] parts = requestLine.split(" ");
        Map<String, String> head = head(parts[0] + " " + parts[1] + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertSecure(requestLine, head);
    }

    @Test
    void answersJettyGivesBeforeAnyHandlerCarryThemToo() {
        assertSecure("long URI", head(get("/" + "x".repeat(20_000))));
        assertSecure("huge header", head(get("/", "X-Big: " + "y".repeat(20_000) + "\r\n")));
        assertSecure("bad host", head(get("/", "").replace("Host: localhost", "Host: a:b:c")));
        assertSecure("not modified", head(get("/assets/kb.css", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n")));
    }

    private static void assertSecure(String what, Map<String, String> head) {
        assertThat(head.get(":status")).as(what).startsWith("HTTP/1.1 ");
        assertThat(head.get("content-security-policy")).as(what + ": " + head.get(":status"))
                .isEqualTo(SecurityHeaders.CSP)
                .contains("frame-ancestors 'none'", "script-src 'self'", "default-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(head.get("x-content-type-options")).as(what).isEqualTo("nosniff");
        assertThat(head.get("referrer-policy")).as(what).isEqualTo("same-origin");
        assertThat(head.get("x-frame-options")).as(what).isEqualTo("DENY");
        assertThat(head).as(what).doesNotContainKey("server").doesNotContainKey("x-powered-by");
    }

    @Test
    void theThemesPagesNeedNothingInlineThatTheCspBlocks() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site.site())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document page = Jsoup.parse(file.toFile());
                String name = site.site().relativize(file).toString();
                for (Element script : page.select("script")) {
                    String type = script.attr("type");
                    boolean data = type.equals("application/json") || type.equals("application/ld+json");
                    if (!script.hasAttr("src") && !data) {
                        inline.add(name + ": inline script " + script.outerHtml());
                    }
                }
                page.select("style").forEach(style -> inline.add(name + ": <style> element"));
                for (Element element : page.getAllElements()) {
                    for (Attribute attribute : element.attributes()) {
                        String key = attribute.getKey().toLowerCase(Locale.ROOT);
                        if (key.startsWith("on") || key.equals("style")
                                || attribute.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                            inline.add(name + ": " + element.tagName() + " " + attribute.html());
                        }
                    }
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void theLiveReloadScriptIsAFileToo() {
        try (LiveReload liveReload = new LiveReload()) {
            assertThat(liveReload.scriptTag()).startsWith("<script src=\"" + LiveReload.SCRIPT + "\"");
        }
    }
}
