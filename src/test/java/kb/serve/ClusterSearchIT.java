package kb.serve;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kb.CliRun;
import kb.cluster.OpenSearchCluster;
import kb.search.ResultsJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kb serve --opensearch}: the shipped {@code content/} built, published to the local
 * 3-node cluster, and served twice — from the index folder and from the cluster. Every answer of
 * the cluster-backed API has the contract's shape (the schema of {@link SearchJsonContractTest}),
 * and is the local answer: the same total, hits in the same order with the same fields, facets,
 * unclassified counts, suggestion, redirect; scores within a hundredth; only the snippets (each
 * engine's highlighter picks its passage) and the time taken may differ.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSearchIT {

    private static final String BASEURL = "/kbarchive";
    private static final String ALIAS = "kbit-serve";

    private KbServer local;
    private KbServer clustered;
    private Http localHttp;
    private Http clusterHttp;
    private Schema results;

    @BeforeAll
    void start(OpenSearchCluster cluster, @TempDir Path tmp) throws IOException {
        ServedSite site = ServedSite.build(tmp, BASEURL);
        String urls = cluster.urls().stream().map(URI::toString).collect(Collectors.joining(","));
        // One shard: a misspelt word is then expanded among the same words as in kb's index (each
        // shard of several expands it among its own), so every score is kb's.
        CliRun publish = kb("publish", "--no-progress", "--index", site.index().toString(), "--opensearch", urls,
                "--alias", ALIAS, "--shards", "1");
        assertThat(publish.code()).as(publish.err()).isZero();
        local = site.serve();
        clustered = site.serve(urls, ALIAS);
        localHttp = new Http(local);
        clusterHttp = new Http(clustered);
        results = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("docs/api/search-results.v" + ResultsJson.VERSION + ".schema.json")));
    }

    @AfterAll
    void stop() {
        if (local != null) {
            local.close();
        }
        if (clustered != null) {
            clustered.close();
        }
    }

    static Stream<String> queries() {
        return Stream.concat(SearchJsonContractTest.searches().map(s -> s.apiPath().substring(BASEURL.length())), Stream.of(
                "/api/search?q=upgrade+sp4", "/api/search?q=%22service+pack%22", "/api/search?q=sms+-upgrade",
                "/api/search?q=resync*", "/api/search?q=invntory+resync", "/api/search?q=printing+product%3Aword97",
                "/api/search?q=error+messages+year%3A2001", "/api/search?q=stop+0x0000000A+serial.sys",
                "/api/search?q=" + URLEncoder.encode("At least one service or driver failed during system startup",
                        StandardCharsets.UTF_8),
                "/api/search?q=inventory&sort=date&size=5", "/api/search?q=kb%2F319864", "/api/search?q=-inventory",
                "/api/search?q=Systems+Management&pages=1&size=30", "/api/search?q=menu.com",
                // deeper than the rescored top: the page's hits asked for apart
                "/api/search?q=Systems+Management&pages=1&size=31", "/api/search?q=sms&page=2&size=20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void theClusterAnswersWhatTheIndexAnswersInTheContractsShape(String path) {
        JsonNode here = get(localHttp, path);
        JsonNode there = get(clusterHttp, path);

        assertThat(results.validate(there).stream().map(Error::toString).toList()).as("%s", there).isEmpty();
        assertThat(comparable(there)).isEqualTo(comparable(here));
        for (int i = 0; i < here.path("hits").size(); i++) {
            double a = here.path("hits").get(i).path("score").asDouble();
            double b = there.path("hits").get(i).path("score").asDouble();
            assertThat(b).as("score of hit %d", i + 1).isCloseTo(a, org.assertj.core.data.Offset.offset(0.01 * Math.max(1, a)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void snippetsShowThePassageOrTheStartAsKbDoes(String path) {
        JsonNode here = get(localHttp, path).path("hits");
        JsonNode there = get(clusterHttp, path).path("hits");

        for (int i = 0; i < here.size(); i++) {
            String mine = here.get(i).path("snippet").asText();
            String theirs = there.get(i).path("snippet").asText();
            if (mine.contains("<mark>")) {
                // Each highlighter picks its own passage, both with the query's words marked.
                assertThat(theirs).as("snippet of hit %d", i + 1).contains("<mark>");
            } else {
                // No word in the text: its start, the same from both.
                assertThat(theirs).as("snippet of hit %d", i + 1).isEqualTo(mine);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q319864", "319864", "kb319864"})
    void articlesAndShortLinksComeFromTheCluster(String id) {
        HttpResponse<byte[]> article = clusterHttp.get(BASEURL + "/api/articles/" + id);
        HttpResponse<byte[]> shortLink = clusterHttp.get(BASEURL + "/kb/" + id.replaceAll("\\D", ""));

        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(Http.json(article)).isEqualTo(Http.json(localHttp.get(BASEURL + "/api/articles/" + id)));
        assertThat(shortLink.statusCode()).isEqualTo(301);
        assertThat(Http.header(shortLink, "Location")).endsWith("/kb/319/Q319864/");
    }

    @Test
    void aClusterOrAliasThatCannotBeSearchedStopsTheServerFromStarting(OpenSearchCluster cluster) {
        CliRun unreachable = kb("serve", "--port", "0", "--site", "content", "--opensearch", "http://127.0.0.1:1");
        CliRun noAlias = kb("serve", "--port", "0", "--site", "content", "--opensearch", cluster.urls().get(0).toString(),
                "--alias", "kbit-nothing");

        assertThat(unreachable.code()).isNotZero();
        assertThat(unreachable.err()).contains("no cluster node answered");
        assertThat(noAlias.code()).isNotZero();
        assertThat(noAlias.err()).contains("searching kbit-nothing").contains("index_not_found");
    }

    private static JsonNode get(Http http, String path) {
        HttpResponse<byte[]> response = http.get(BASEURL + path);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return Http.json(response);
    }

    /** An answer without what may differ: the time, the scores, the snippets. */
    private static JsonNode comparable(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("took_ms");
        for (JsonNode hit : (ArrayNode) copy.get("hits")) {
            ((ObjectNode) hit).remove(List.of("score", "snippet"));
        }
        return copy;
    }
}
