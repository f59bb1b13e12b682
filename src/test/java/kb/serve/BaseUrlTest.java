package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.json;
import static kb.serve.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A site built with {@code baseurl: /kbarchive} is served below that path. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseUrlTest {

    private ServedSite site;
    private KbServer server;
    private Http http;

    @BeforeAll
    void start(@TempDir Path tmp) {
        site = ServedSite.build(tmp, "/kbarchive");
        server = site.serve();
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theSiteIsMountedAtItsBaseUrl() {
        assertThat(server.site().baseurl()).isEqualTo("/kbarchive");
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/kbarchive/");
        HttpResponse<byte[]> page = http.get("/kbarchive/kb/319/Q319864/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("href=\"/kbarchive/assets/kb.css\"").contains("action=\"/kbarchive/search/\"");
        assertThat(http.get("/kbarchive/assets/kb.css").statusCode()).isEqualTo(200);
        assertThat(http.get("/kb/319/Q319864/").statusCode()).isEqualTo(404);
    }

    @Test
    void theRootAndTheBareBaseUrlLeadToTheSite() {
        HttpResponse<byte[]> root = http.get("/");
        assertThat(root.statusCode()).isIn(301, 302);
        assertThat(header(root, "Location")).endsWith("/kbarchive/");
        HttpResponse<byte[]> bare = http.get("/kbarchive");
        assertThat(bare.statusCode()).isIn(301, 302);
        assertThat(header(bare, "Location")).endsWith("/kbarchive/");
        assertThat(header(http.get("/kbarchive/kb/319/Q319864"), "Location")).endsWith("/kbarchive/kb/319/Q319864/");
    }

    @Test
    void hitUrlsCarryTheBaseUrl() {
        for (String api : new String[] {"/kbarchive/api/search", "/api/search"}) {
            JsonNode json = json(http.get(api + "?q=inventory+resynchronization"));
            assertThat(json.get("hits").get(0).get("url").asText()).as(api).isEqualTo("/kbarchive/kb/319/Q319864/");
        }
        assertThat(json(http.get("/kbarchive/api/articles/319864")).get("id").asText()).isEqualTo("Q319864");
        assertThat(json(http.get("/api/articles/319864")).get("id").asText()).isEqualTo("Q319864");
    }

    @Test
    void errorsBelowTheBaseUrl() {
        HttpResponse<byte[]> missing = http.get("/kbarchive/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).contains("action=\"/kbarchive/search/\"");
        HttpResponse<byte[]> api = http.get("/kbarchive/api/search?q=x&page=0");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(json(api).get("error").asText()).contains("page");
        assertThat(json(http.get("/kbarchive/api/nothing")).has("error")).isTrue();
    }

    @Test
    void siteFactsAndOpenSearchUseTheBaseUrl() {
        JsonNode facts = json(http.get("/kbarchive/kb-site.json"));
        assertThat(facts.get("baseurl").asText()).isEqualTo("/kbarchive");
        assertThat(facts.get("api").asText()).isEqualTo("/kbarchive/api/");
        assertThat(text(http.get("/kbarchive/opensearch.xml")))
                .contains("template=\"http://127.0.0.1:" + server.port() + "/kbarchive/search/?q={searchTerms}\"");
    }

    @Test
    void withoutSiteFactsTheBaseUrlIsReadFromTheHomePage(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("site");
        Files.createDirectories(copy);
        Files.copy(site.site().resolve("index.html"), copy.resolve("index.html"));
        assertThat(SiteInfo.read(copy)).isEqualTo(new SiteInfo("/kbarchive", "kb Sample KnowledgeBase"));
        assertThat(SiteInfo.read(tmp.resolve("empty"))).isEqualTo(new SiteInfo("", ""));
    }
}
