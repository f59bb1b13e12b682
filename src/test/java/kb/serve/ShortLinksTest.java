package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short links in kb serve ({@link ShortLinks}): every form answers 301 to the article's canonical
 * URL, with and without a base URL; an unknown ID is the theme's 404 page; a real page wins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortLinksTest {

    /** The forms of Q319864's short link, in several cases and with and without a slash. */
    static final List<String> FORMS = List.of("/kb/319864", "/kb/319864/", "/kb/Q319864", "/kb/q319864/",
            "/KB/Q319864", "/kb/KB319864", "/Q319864", "/q319864/", "/KB319864", "/kb319864/", "/Kb319864",
            "/kb/999/Q319864/", "/kb/319/q319864", "/Q0319864");

    private KbServer plain;
    private KbServer based;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        ServedSite site = ServedSite.build(tmp.resolve("plain"), "");
        // A real page at a short link's path wins over the redirect.
        Files.writeString(site.site().resolve("Q900101"), "a file of its own\n");
        plain = site.serve();
        based = ServedSite.build(tmp.resolve("based"), "/kbarchive").serve();
    }

    @AfterAll
    void stop() {
        plain.close();
        based.close();
    }

    @Test
    void everyFormMovesPermanentlyToTheArticle() {
        Http http = new Http(plain);
        for (String path : FORMS) {
            HttpResponse<byte[]> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(301);
            assertThat(header(response, "Location")).as(path).endsWith("/kb/319/Q319864/");
            assertThat(http.get(Http.path(header(response, "Location"))).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void belowTheBaseUrlTheyLeadToTheArticleWithTheBaseUrl() {
        Http http = new Http(based);
        for (String path : FORMS) {
            HttpResponse<byte[]> response = http.get("/kbarchive" + path);
            assertThat(response.statusCode()).as(path).isEqualTo(301);
            assertThat(Http.path(header(response, "Location"))).as(path).isEqualTo("/kbarchive/kb/319/Q319864/");
        }
        assertThat(http.get("/Q319864").statusCode()).as("outside the base URL").isEqualTo(404);
    }

    @Test
    void theQueryStringIsKept() {
        HttpResponse<byte[]> response = new Http(plain).get("/KB319864?utm=mail");
        assertThat(header(response, "Location")).endsWith("/kb/319/Q319864/?utm=mail");
    }

    @Test
    void otherArticlesToo() {
        Http http = new Http(plain);
        assertThat(header(http.get("/kb/900102"), "Location")).endsWith("/kb/900/Q900102/");
        assertThat(header(http.get("/q901020"), "Location")).endsWith("/kb/901/Q901020/");
    }

    @Test
    void anUnknownIdIsTheThemesNotFoundPage() {
        Http http = new Http(plain);
        for (String path : List.of("/kb/319865", "/Q319865", "/KB1", "/kb/Q999999/")) {
            HttpResponse<byte[]> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(text(response)).as(path).contains(">Page not found</h1>")
                    .contains("<header class=\"site-header\">").contains("/assets/not-found.js");
        }
        assertThat(new Http(based).get("/kbarchive/Q319865").statusCode()).isEqualTo(404);
    }

    @Test
    void aRealPageAtTheAddressWins() {
        HttpResponse<byte[]> response = new Http(plain).get("/Q900101");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("a file of its own\n");
        assertThat(new Http(plain).get("/KB900101").statusCode()).isEqualTo(301);
    }

    @Test
    void thePathFormsRead() {
        assertThat(ShortLinks.number("/kb/319864")).contains("319864");
        assertThat(ShortLinks.number("/KB/q0319864/")).contains("319864");
        assertThat(ShortLinks.number("/kb/319/Q319864/")).contains("319864");
        assertThat(ShortLinks.number("/319864")).isEmpty();
        assertThat(ShortLinks.number("/kb/")).isEmpty();
        assertThat(ShortLinks.number("/kb/319/Q319864/more")).isEmpty();
        assertThat(ShortLinks.number("/id/sms/")).isEmpty();
    }
}
