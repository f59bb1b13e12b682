package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reload over HTTP ({@code kb serve --watch}): the script added to the pages sent (not to the
 * files), the event stream naming each build, and nothing of it without live reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReloadTest {

    private static final String ARTICLE = "/kbarchive/kb/319/Q319864/";

    private ServedSite site;
    private KbServer watching;
    private KbServer plain;
    private Http http;

    @BeforeAll
    void start(@TempDir Path tmp) {
        site = ServedSite.build(tmp, "/kbarchive");
        plain = site.serve(); // first: it sets Jetty's log level as kb serve does
        watching = KbServer.start(new ServeOptions(site.site(), site.index(), "127.0.0.1", 0, true));
        http = new Http(watching);
    }

    @AfterAll
    void stop() {
        watching.close();
        plain.close();
    }

    @Test
    void theScriptGoesRightBeforeTheEndOfBody() throws IOException {
        HttpResponse<byte[]> page = http.get(ARTICLE);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page);
        assertThat(html).containsOnlyOnce(LiveReload.SCRIPT)
                .containsPattern("<script src=\"/_kb/livereload.js\" data-events=\"/_kb/livereload\" data-build=\"[a-z0-9]+-\\d+\"></script></body>");
        assertThat(header(page, "Content-Length")).isEqualTo(Integer.toString(page.body().length));
        String onDisk = Files.readString(site.site().resolve("kb/319/Q319864/index.html"));
        assertThat(onDisk).as("the built file").doesNotContain("livereload");
        assertThat(html.replaceAll("<script src=\"/_kb/[^>]*></script>", "")).isEqualTo(onDisk);
    }

    @Test
    void compressedPagesCarryItToo() throws IOException {
        HttpResponse<byte[]> page = http.get(ARTICLE, "Accept-Encoding", "gzip");
        assertThat(header(page, "Content-Encoding")).isEqualTo("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(LiveReload.SCRIPT + "\"");
        }
    }

    @Test
    void theNotFoundPageCarriesIt() {
        HttpResponse<byte[]> page = http.get("/kbarchive/no/such/page/");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(text(page)).contains(LiveReload.SCRIPT + "\"");
    }

    @Test
    void otherAnswersAreUntouched() throws IOException {
        HttpResponse<byte[]> css = http.get("/kbarchive/assets/kb.css");
        assertThat(css.body()).isEqualTo(Files.readAllBytes(site.site().resolve("assets/kb.css")));
        assertThat(text(http.get("/kbarchive/api/search?q=printer"))).doesNotContain("livereload");
        HttpResponse<byte[]> revalidated = http.get(ARTICLE, "If-None-Match", header(http.get(ARTICLE), "ETag"));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void theScriptIsServedAtTheRoot() {
        HttpResponse<byte[]> script = http.get(LiveReload.SCRIPT);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(header(script, "Content-Type")).startsWith("text/javascript");
        assertThat(text(script)).contains("new EventSource(").contains("location.reload()");
    }

    @Test
    void theStreamNamesTheNewestBuildAtOnceAndAfterEachRebuild() throws Exception {
        String served = buildOf(text(http.get(ARTICLE)));
        try (EventStream first = new EventStream(http)) {
            String now = first.nextReload();
            assertThat(now).isEqualTo(served);
            assertThat(first.contentType()).startsWith("text/event-stream");
            watching.rebuilt();
            String next = first.nextReload();
            assertThat(next).isNotEqualTo(now);
            assertThat(buildOf(text(http.get(ARTICLE)))).as("pages served from now on").isEqualTo(next);
            // A page that connects after the rebuild learns of it at once.
            try (EventStream late = new EventStream(http)) {
                assertThat(late.nextReload()).isEqualTo(next);
            }
            assertThat(first.reloadWithin(200)).as("no event without a rebuild").isFalse();
        }
    }

    private static String buildOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-build=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a page with the script").isTrue();
        return m.group(1);
    }

    @Test
    void withoutLiveReloadNothingIsAddedOrAnswered() throws IOException {
        Http other = new Http(plain);
        HttpResponse<byte[]> page = other.get(ARTICLE);
        assertThat(page.body()).isEqualTo(Files.readAllBytes(site.site().resolve("kb/319/Q319864/index.html")));
        assertThat(other.get(LiveReload.EVENTS).statusCode()).isEqualTo(404);
        assertThat(other.get(LiveReload.SCRIPT).statusCode()).isEqualTo(404);
    }

    @Test
    void closingTheServerEndsTheStreamsAtOnce() throws Exception {
        KbServer server = KbServer.start(new ServeOptions(site.site(), site.index(), "127.0.0.1", 0, true));
        try (EventStream stream = new EventStream(new Http(server))) {
            stream.nextReload();
            long start = System.nanoTime();
            server.close();
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to stop").isLessThan(2_000);
        }
    }

    @Test
    void injectPutsTheElementBeforeTheLastBodyEndInAnyCase() {
        assertThat(LiveReloadScript.inject("<p>a</p></BODY></html>", "<s></s>")).isEqualTo("<p>a</p><s></s></BODY></html>");
        assertThat(LiveReloadScript.inject("<pre>&lt;/body></pre></body>", "<s></s>")).isEqualTo("<pre>&lt;/body></pre><s></s></body>");
        assertThat(LiveReloadScript.inject("<p>no end", "<s></s>")).isEqualTo("<p>no end<s></s>");
        assertThat(LiveReloadScript.inject("<p>é</p></body>", "<s></s>")).isEqualTo("<p>é</p><s></s></body>");
    }
}
