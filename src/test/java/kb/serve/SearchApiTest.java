package kb.serve;

import static kb.serve.Http.header;
import static kb.serve.Http.json;
import static kb.serve.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/search} and {@code GET /api/articles/{id}} of kb serve, on the shipped content. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

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

    private JsonNode search(String query) {
        HttpResponse<byte[]> response = http.get("/api/search?" + query);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        return json(response);
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void searchAnswersWithExactlyTheDocumentedFields() {
        JsonNode json = search(q("inventory resynchronization") + "&size=3");
        assertThat(keys(json)).containsExactly("version", "query", "total", "took_ms", "suggestion", "redirect", "hits", "facets",
                "not_classified", "shortened");
        assertThat(json.get("redirect").isNull()).isTrue();
        assertThat(json.get("shortened").isNull()).isTrue();
        assertThat(keys(json.get("not_classified"))).containsExactly("product", "issue_type", "year", "technology");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("query").asText()).isEqualTo("inventory resynchronization");
        assertThat(json.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(json.get("took_ms").isIntegralNumber()).isTrue();
        assertThat(json.get("suggestion").isNull()).isTrue();
        assertThat(json.get("hits")).hasSize(3);
        JsonNode first = json.get("hits").get(0);
        assertThat(keys(first)).containsExactly("rank", "kind", "id", "title", "url", "snippet", "product", "last_modified",
                "score");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("kind").asText()).isEqualTo("article");
        assertThat(first.get("id").asText()).isEqualTo("Q319864");
        assertThat(first.get("title").asText()).isEqualTo("Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
        assertThat(first.get("url").asText()).isEqualTo("/kb/319/Q319864/");
        assertThat(first.get("snippet").asText()).contains("<mark>");
        assertThat(first.get("product").asText()).isEqualTo("Microsoft Systems Management Server");
        assertThat(first.get("last_modified").asText()).isEqualTo("2002-05-13");
        assertThat(first.get("score").isNumber()).isTrue();
        assertThat(keys(json.get("facets"))).containsExactly("product", "issue_type", "year", "technology");
        JsonNode product = json.get("facets").get("product").get(0);
        assertThat(keys(product)).containsExactly("value", "name", "count");
        assertThat(product.get("value").asText()).isEqualTo("Microsoft Systems Management Server");
        assertThat(product.get("count").asLong()).isPositive();
    }

    @Test
    void misspeltWordsGetASuggestion() {
        JsonNode json = search(q("inventroy resyncronization"));
        assertThat(json.get("suggestion").asText()).isEqualTo("inventory resynchronization");
    }

    @Test
    void filtersNarrowAndFacetCountsAgree() {
        JsonNode all = search(q("inventory"));
        JsonNode type = all.get("facets").get("issue_type").get(0);
        JsonNode narrowed = search(q("inventory") + "&type=" + type.get("value").asText());
        assertThat(narrowed.get("total").asLong()).isEqualTo(type.get("count").asLong())
                .isLessThanOrEqualTo(all.get("total").asLong());
        JsonNode year = all.get("facets").get("year").get(0);
        assertThat(search(q("inventory") + "&year=" + year.get("value").asText()).get("total").asLong())
                .isEqualTo(year.get("count").asLong());
        assertThat(search(q("inventory") + "&product=sms").get("total").asLong()).isPositive();
        assertThat(search(q("inventory") + "&product=nosuchproduct").get("total").asLong()).isZero();
    }

    @Test
    void pagesFollowEachOther() {
        JsonNode two = search(q("inventory") + "&size=2");
        JsonNode second = search(q("inventory") + "&size=1&page=2");
        assertThat(second.get("hits")).hasSize(1);
        assertThat(second.get("hits").get(0).get("id")).isEqualTo(two.get("hits").get(1).get("id"));
        assertThat(second.get("total")).isEqualTo(two.get("total"));
    }

    @Test
    void sortByDatePutsTheNewestFirst() {
        JsonNode json = search(q("inventory") + "&sort=date&size=20");
        List<String> dates = new ArrayList<>();
        json.get("hits").forEach(h -> dates.add(h.get("last_modified").asText()));
        assertThat(dates).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=abc", "size=0", "size=1000", "size=x", "year=abc",
        "year=99999", "sort=foo", "page=2000&size=10", "page=99999999999"})
    void badParametersAre400WithAJsonError(String parameters) {
        HttpResponse<byte[]> response = http.get("/api/search?q=inventory&" + parameters);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode json = json(response);
        assertThat(keys(json)).containsExactly("error");
        assertThat(json.get("error").asText()).isNotBlank();
    }

    @Test
    void aBrokenQueryStringIs400WithAJsonError() throws Exception {
        // java.net.URI refuses to send this, so it goes over a plain socket.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/json").contains("{\"error\":");
        }
    }

    @Test
    void badParameterMessagesSayWhatIsWrong() {
        assertThat(json(http.get("/api/search?q=x&page=0")).get("error").asText()).isEqualTo("page must be at least 1, got 0");
        assertThat(json(http.get("/api/search?q=x&size=1000")).get("error").asText()).isEqualTo("size must be between 1 and 100, got 1000");
        assertThat(json(http.get("/api/search?q=x&year=abc")).get("error").asText()).isEqualTo("year must be a whole number, got 'abc'");
        assertThat(json(http.get("/api/search?q=x&sort=foo")).get("error").asText()).isEqualTo("sort must be relevance or date, got 'foo'");
    }

    @Test
    void anEmptyQueryListsEverything() {
        assertThat(search("q=").get("total").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(search("").get("total").asLong()).isGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q319864", "319864", "kb319864", "KB319864", "q319864"})
    void articlesAreFoundByAnyFormOfTheirId(String id) {
        HttpResponse<byte[]> response = http.get("/api/articles/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode json = json(response);
        assertThat(json.get("id").asText()).isEqualTo("Q319864");
        assertThat(json.get("url").asText()).isEqualTo("/kb/319/Q319864/");
    }

    @Test
    void anUnknownArticleIs404WithAJsonError() {
        HttpResponse<byte[]> response = http.get("/api/articles/Q999999");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json(response).get("error").asText()).isEqualTo("no article Q999999");
    }

    @Test
    void anUnknownApiPathIs404WithAJsonError() {
        for (String path : List.of("/api/nothing", "/api/articles/", "/api/articles/Q319864/more", "/api/")) {
            HttpResponse<byte[]> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(keys(json(response))).as(path).containsExactly("error");
        }
    }

    @Test
    void writingIsNotAllowed() {
        HttpResponse<byte[]> response = http.send(http.request("/api/search?q=x")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
        assertThat(keys(json(response))).containsExactly("error");
    }

    @Test
    void searchResultsAreGzippedWhenAccepted() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/search?q=inventory&size=20", "Accept-Encoding", "gzip");
        assertThat(header(response, "Content-Encoding")).isEqualTo("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{\"version\":1,\"query\":\"inventory\"");
        }
    }

    // --- articles only, counts of the same articles, ID-only queries -----------------------

    @Test
    void onlyArticlesUnlessOtherPagesAreAskedFor() {
        JsonNode articles = search("q=&size=100");
        JsonNode all = search("q=&size=100&pages=1");

        assertThat(articles.get("hits")).allSatisfy(hit -> assertThat(hit.get("id").asText()).isNotEmpty());
        assertThat(all.get("total").asLong()).isGreaterThan(articles.get("total").asLong());
        List<String> pages = new ArrayList<>();
        all.get("hits").forEach(hit -> {
            if (hit.get("id").asText().isEmpty()) {
                pages.add(hit.get("url").asText());
            }
        });
        assertThat(pages).contains("/", "/id/sms/");
        assertThat(all.get("not_classified").get("product").asLong()).isEqualTo(pages.size());
        assertThat(search("q=&pages=0").get("total")).isEqualTo(articles.get("total"));
    }

    @Test
    void yearCountsAndTheNotClassifiedAddUpToTheTotal() {
        for (String query : List.of("q=", "q=&pages=1", q("inventory"), q("printer") + "&pages=1", "q=&type=kbbug")) {
            JsonNode json = search(query);
            long years = 0;
            for (JsonNode year : json.get("facets").get("year")) {
                years += year.get("count").asLong();
            }
            assertThat(years + json.get("not_classified").get("year").asLong()).as(query)
                    .isEqualTo(json.get("total").asLong());
            for (JsonNode product : json.get("facets").get("product")) {
                assertThat(product.get("count").asLong()).as(query).isLessThanOrEqualTo(json.get("total").asLong());
            }
        }
    }

    @Test
    void issueTypesHaveReadableNamesNextToTheirCode() {
        JsonNode types = search("q=").get("facets").get("issue_type");
        List<String> pairs = new ArrayList<>();
        types.forEach(t -> pairs.add(t.get("value").asText() + "=" + t.get("name").asText()));

        assertThat(pairs).contains("kbbug=Bug", "kbhowto=How-to");
        assertThat(search("q=&type=kbbug").get("total").asLong()).isPositive();
    }

    @Test
    void aQueryThatIsOnlyAnIdNamesTheArticle() {
        for (String id : List.of("Q319864", "q319864", "319864", "KB319864", "kb/319864")) {
            JsonNode json = search(q(id));
            assertThat(json.get("redirect").asText()).as(id).isEqualTo("/kb/319/Q319864/");
            assertThat(json.get("hits").get(0).get("id").asText()).as(id).isEqualTo("Q319864");
        }
        assertThat(search(q("Q319864 inventory")).get("redirect").isNull()).isTrue();
        assertThat(search(q("Q319865")).get("redirect").isNull()).isTrue();
    }

    @Test
    void aBadPagesValueIsABadRequest() {
        HttpResponse<byte[]> response = http.get("/api/search?q=x&pages=maybe");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("pages");
    }
}
