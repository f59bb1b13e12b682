package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kb serve's static side on the shipped content: types, caching, gzip, folders, 404, OpenSearch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticFilesTest {

    private ServedSite site;
    private KbServer server;
    private Http http;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        site = ServedSite.build(tmp, "");
        Files.writeString(site.site().resolve("notes.txt"), "plain text\n");
        Files.write(site.site().resolve("assets/pixel.png"), java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
        server = site.serve();
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "/, text/html;charset=utf-8",
        "/kb/319/Q319864/, text/html;charset=utf-8",
        "/kb/319/Q319864/index.html, text/html;charset=utf-8",
        "/assets/kb.css, text/css;charset=utf-8",
        "/assets/search.js, text/javascript;charset=utf-8",
        "/assets/images/kb-logo.svg, image/svg+xml;charset=utf-8",
        "/assets/search-index.json, application/json;charset=utf-8",
        "/assets/pixel.png, image/png",
        "/notes.txt, text/plain;charset=utf-8",
        "/opensearch.xml, application/opensearchdescription+xml; charset=utf-8",
        "/kb-site.json, application/json; charset=utf-8",
    })
    void filesHaveTheirContentType(String path, String type) {
        HttpResponse<byte[]> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(header(response, "Content-Type")).as(path).isEqualTo(type);
    }

    @Test
    void folderUrlsServeTheirIndexPage() throws IOException {
        HttpResponse<byte[]> response = http.get("/kb/319/Q319864/");
        assertThat(text(response)).isEqualTo(Files.readString(site.site().resolve("kb/319/Q319864/index.html")));
    }

    @Test
    void aFolderWithoutSlashIsRedirected() {
        HttpResponse<byte[]> response = http.get("/kb/319/Q319864");
        assertThat(response.statusCode()).isIn(301, 302);
        assertThat(header(response, "Location")).endsWith("/kb/319/Q319864/");
    }

    @Test
    void etagRevalidationAnswers304() {
        HttpResponse<byte[]> first = http.get("/assets/kb.css");
        String etag = header(first, "ETag");
        assertThat(etag).isNotBlank();
        HttpResponse<byte[]> again = http.get("/assets/kb.css", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/assets/kb.css", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void rangesAreServed() throws IOException {
        byte[] css = Files.readAllBytes(site.site().resolve("assets/kb.css"));
        HttpResponse<byte[]> one = http.get("/assets/kb.css", "Range", "bytes=10-19");
        assertThat(one.statusCode()).isEqualTo(206);
        assertThat(one.body()).isEqualTo(Arrays.copyOfRange(css, 10, 20));
        assertThat(header(one, "Content-Range")).isEqualTo("bytes 10-19/" + css.length);
        HttpResponse<byte[]> two = http.get("/assets/kb.css", "Range", "bytes=0-4,20-24");
        assertThat(two.statusCode()).isEqualTo(206);
        assertThat(text(two)).contains(new String(css, 0, 5, StandardCharsets.UTF_8))
                .contains(new String(css, 20, 5, StandardCharsets.UTF_8));
        assertThat(http.get("/assets/kb.css", "Range", "bytes=999999-").statusCode()).isIn(200, 416);
    }

    @Test
    void theEtagIsTheContentsSoAnIdenticalRewriteKeepsIt() throws IOException {
        Path file = site.site().resolve("notes.txt");
        String before = header(http.get("/notes.txt"), "ETag");
        Files.writeString(file, "plain text\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(header(http.get("/notes.txt"), "ETag")).isEqualTo(before);
        Files.writeString(file, "other text\n");
        assertThat(header(http.get("/notes.txt"), "ETag")).isNotEqualTo(before);
        Files.writeString(file, "plain text\n");
    }

    @Test
    void lastModifiedRevalidationAnswers304() {
        HttpResponse<byte[]> first = http.get("/kb/319/Q319864/");
        String lastModified = header(first, "Last-Modified");
        assertThat(lastModified).isNotBlank();
        assertThat(http.get("/kb/319/Q319864/", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(http.get("/kb/319/Q319864/", "If-Modified-Since", "Mon, 01 Jan 1990 00:00:00 GMT").statusCode())
                .isEqualTo(200);
    }

    @Test
    void textIsGzippedWhenTheClientAcceptsIt() throws IOException {
        byte[] plain = Files.readAllBytes(site.site().resolve("assets/kb.css"));
        HttpResponse<byte[]> gzipped = http.get("/assets/kb.css", "Accept-Encoding", "gzip");
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gzipped, "Vary")).containsIgnoringCase("Accept-Encoding");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(gzipped.body().length).isLessThan(plain.length);
        HttpResponse<byte[]> identity = http.get("/assets/kb.css");
        assertThat(header(identity, "Content-Encoding")).isNull();
        assertThat(identity.body()).isEqualTo(plain);
    }

    @Test
    void aGzippedFileRevalidatesToo() {
        String etag = header(http.get("/assets/kb.css", "Accept-Encoding", "gzip"), "ETag");
        assertThat(http.get("/assets/kb.css", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void imagesAreNotGzipped() {
        assertThat(header(http.get("/assets/pixel.png", "Accept-Encoding", "gzip"), "Content-Encoding")).isNull();
    }

    @Test
    void anUnknownPathIsTheThemesNotFoundPageWithTheSearchBox() {
        for (String path : new String[] {"/no/such/page/", "/missing.html", "/kb/"}) {
            HttpResponse<byte[]> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(header(response, "Content-Type")).as(path).isEqualTo("text/html; charset=utf-8");
            assertThat(text(response)).as(path).contains(">Page not found</h1>")
                    .contains("<header class=\"site-header\">")
                    .contains("<script src=\"/assets/not-found.js\"")
                    .contains("<form class=\"kb-search-form\" role=\"search\" aria-label=\"Site search\" method=\"get\" action=\"/search/\">")
                    .contains("name=\"q\"");
        }
    }

    @Test
    void theSitesOwn404PageWins(@TempDir Path tmp) throws IOException {
        ServedSite own = ServedSite.build(tmp, "");
        Files.writeString(own.site().resolve("404.html"), "<!DOCTYPE html><title>Gone</title><p>Our own 404</p>\n");
        try (KbServer other = own.serve()) {
            HttpResponse<byte[]> response = new Http(other).get("/nothing/here");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(text(response)).contains("Our own 404");
        }
    }

    @Test
    void a404PageThatIsNotUtf8IsStillServed(@TempDir Path tmp) throws IOException {
        ServedSite own = ServedSite.build(tmp, "");
        Files.write(own.site().resolve("404.html"),
                "<!DOCTYPE html><title>Gone</title><p>Caf\u00e9 ferm\u00e9</p>\n".getBytes(StandardCharsets.ISO_8859_1));
        try (KbServer other = own.serve()) {
            HttpResponse<byte[]> response = new Http(other).get("/nothing/here");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(text(response)).contains("Caf\ufffd ferm\ufffd");
        }
    }

    @Test
    void headRequestsGetHeadersOnly() {
        HttpResponse<byte[]> response = http.send(http.request("/assets/kb.css").method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void openSearchPointsAtTheSearchPageOnThisServer() {
        String xml = text(http.get("/opensearch.xml"));
        assertThat(xml).contains("<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">")
                .contains("<ShortName>kb Sample</ShortName>")
                .contains("template=\"http://127.0.0.1:" + server.port() + "/search/?q={searchTerms}\"");
    }

    @Test
    void pagesLinkTheOpenSearchDescriptionAndHaveTheSearchBox() {
        String page = text(http.get("/kb/319/Q319864/"));
        assertThat(page).contains("<link rel=\"search\" type=\"application/opensearchdescription+xml\" "
                + "title=\"kb Sample KnowledgeBase\" href=\"/opensearch.xml\">")
                .contains("<form class=\"kb-search-form\" role=\"search\" aria-label=\"Site search\" method=\"get\" action=\"/search/\">")
                .contains("<label class=\"kb-visually-hidden\" for=\"kb-search-q\">")
                .contains("<script src=\"/assets/search.js\" data-baseurl=\"\" defer></script>");
    }

    @Test
    void siteFactsNameTheApi() {
        JsonNode json = Http.json(http.get("/kb-site.json"));
        assertThat(json.get("baseurl").asText()).isEmpty();
        assertThat(json.get("title").asText()).isEqualTo("kb Sample KnowledgeBase");
        assertThat(json.get("api").asText()).isEqualTo("/api/");
    }

    @Test
    void theBrowsersFaviconRequestIsNoError() {
        assertThat(http.get("/favicon.ico").statusCode()).isEqualTo(204);
    }

    @Test
    void theSearchPageIsServed() {
        String page = text(http.get("/search/?q=inventory"));
        assertThat(page).contains("<title>Search | kb Sample KnowledgeBase</title>").contains("id=\"kb-search\"");
    }
}
