package kb.serve;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kb.CliRun;
import kb.json.KbJson;
import kb.search.ResultsJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search results' JSON contract ({@code docs/api/search-results.v1.schema.json}): what
 * {@code GET /api/search} answers and what {@code kb search --json} prints both follow the schema,
 * and for the same search on the same site they are the same object but for {@code took_ms}. The
 * searches between them give every optional part a value (a suggestion, a redirect, a shortened
 * query, pages among the hits, no hits, filters and facets), and the schema is closed (no
 * property it does not name, every one it names required): a field added to either output and
 * not to the schema, or to the schema and not to both outputs, fails here. The site is built with
 * a base URL, so that the URLs of both are compared as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchJsonContractTest {

    private static final String BASEURL = "/kbarchive";
    private static final Path SCHEMAS = Path.of("docs/api");

    private ServedSite site;
    private KbServer server;
    private Http http;
    private Schema results;
    private Schema error;

    /**
     * One search, given to both as a user gives it.
     *
     * @param name       what it exercises
     * @param query      the query text ({@code q=}; its words are the command's arguments)
     * @param parameters API parameters besides {@code q} (each is the command's option of that meaning)
     * @param exercises  checks that the answer has the part this search is for
     */
    record Search(String name, String query, Map<String, String> parameters, Consumer<JsonNode> exercises) {

        @Override
        public String toString() {
            return name;
        }

        String apiPath() {
            StringBuilder path = new StringBuilder(BASEURL + "/api/search?q=" + encode(query));
            parameters.forEach((k, v) -> path.append('&').append(k).append('=').append(encode(v)));
            return path.toString();
        }

        List<String> commandLine(ServedSite site) {
            List<String> args = new ArrayList<>(List.of("search", "--json", "--index", site.index().toString(),
                    "--site", site.site().toString()));
            parameters.forEach((k, v) -> {
                switch (k) {
                    case "size" -> args.addAll(List.of("--limit", v));
                    case "pages" -> args.add("--pages");
                    default -> args.addAll(List.of("--" + k, v));
                }
            });
            args.addAll(List.of(query.split(" ")));
            return args;
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    static Stream<Search> searches() {
        String longQuery = IntStream.range(0, 40).mapToObj(i -> "inventory" + i).collect(Collectors.joining(" "));
        return Stream.of(
                new Search("words", "inventory resynchronization", Map.of("size", "3"), json -> {
                    assertThat(json.get("hits")).hasSize(3).allSatisfy(hit -> assertThat(hit.get("kind").asText()).isEqualTo("article"));
                    assertThat(json.get("hits").get(0).get("url").asText()).isEqualTo(BASEURL + "/kb/319/Q319864/");
                    assertThat(json.get("suggestion").isNull()).isTrue();
                    assertThat(json.get("redirect").isNull()).isTrue();
                    assertThat(json.get("shortened").isNull()).isTrue();
                }),
                new Search("a misspelling", "inventroy resyncronization", Map.of(), json ->
                        assertThat(json.get("suggestion").asText()).isEqualTo("inventory resynchronization")),
                new Search("an article ID only", "Q319864", Map.of(), json ->
                        assertThat(json.get("redirect").asText()).isEqualTo(BASEURL + "/kb/319/Q319864/")),
                new Search("filters, facets, by date", "inventory",
                        ordered("product", "sms", "type", "kbbug", "sort", "date", "size", "20"), json -> {
                            assertThat(json.get("total").asLong()).isPositive();
                            assertThat(json.get("facets").get("product")).isNotEmpty();
                            assertThat(json.get("facets").get("issue_type").get(0).get("value").asText()).isEqualTo("kbbug");
                            assertThat(json.get("facets").get("year")).isNotEmpty();
                        }),
                new Search("a page past the last", "inventory", ordered("page", "50", "size", "10"), json -> {
                    assertThat(json.get("hits")).isEmpty();
                    assertThat(json.get("total").asLong()).isPositive();
                }),
                new Search("nothing found", "zzyzxqqj", Map.of(), json -> {
                    assertThat(json.get("total").asLong()).isZero();
                    assertThat(json.get("facets").get("product")).isEmpty();
                }),
                new Search("a shortened query", longQuery, Map.of(), json -> {
                    assertThat(json.get("shortened").get("words").asInt()).isEqualTo(40);
                    assertThat(json.get("shortened").get("words_searched").asInt()).isEqualTo(32);
                }),
                new Search("other pages too", "Systems Management Server", ordered("pages", "1", "size", "30"), json -> {
                    List<String> kinds = new ArrayList<>();
                    json.get("hits").forEach(hit -> kinds.add(hit.get("kind").asText()));
                    assertThat(kinds).contains("article", "page");
                    assertThat(json.get("not_classified").get("product").asLong()).isPositive();
                }));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @BeforeAll
    void start(@TempDir Path tmp) {
        site = ServedSite.build(tmp, BASEURL);
        server = site.serve();
        http = new Http(server);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        results = registry.getSchema(read(schemaFile()));
        error = registry.getSchema(read(SCHEMAS.resolve("error.v1.schema.json")));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static Path schemaFile() {
        return SCHEMAS.resolve("search-results.v" + ResultsJson.VERSION + ".schema.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void theApiAndTheCommandAnswerTheSameObjectInTheSchemasShape(Search search) {
        JsonNode api = api(search);
        JsonNode command = command(search);

        assertThat(errors(results, api)).as("API answer against the schema: %s", api).isEmpty();
        assertThat(errors(results, command)).as("kb search --json against the schema: %s", command).isEmpty();
        search.exercises().accept(api);
        assertThat(withoutTime(command)).isEqualTo(withoutTime(api));
    }

    @Test
    void theCommandsTextShowsTheUrlsTheJsonHas() {
        CliRun run = kb("search", "--index", site.index().toString(), "--site", site.site().toString(), "Q319864");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\n     " + BASEURL + "/kb/319/Q319864/\n");
    }

    @Test
    void aFieldTheSchemaDoesNotNameIsRefusedAtEveryLevel() {
        JsonNode answer = api(searches().filter(s -> s.name().equals("a shortened query")).findFirst().orElseThrow());
        assertThat(answer.get("hits")).isNotEmpty();
        assertThat(errors(results, answer)).isEmpty();
        List<Consumer<ObjectNode>> additions = List.of(
                json -> json.put("extra", 1),
                json -> ((ObjectNode) json.get("hits").get(0)).put("extra", 1),
                json -> ((ObjectNode) json.get("facets")).putArray("extra"),
                json -> ((ObjectNode) json.get("facets").get("product").get(0)).put("extra", 1),
                json -> ((ObjectNode) json.get("not_classified")).put("extra", 1),
                json -> ((ObjectNode) json.get("shortened")).put("extra", 1));
        for (Consumer<ObjectNode> addition : additions) {
            ObjectNode changed = answer.deepCopy();
            addition.accept(changed);
            assertThat(errors(results, changed)).as("%s", changed).isNotEmpty();
        }
        ObjectNode withoutKind = answer.deepCopy();
        ((ObjectNode) withoutKind.get("hits").get(0)).remove("kind");
        assertThat(errors(results, withoutKind)).isNotEmpty();
        ObjectNode pageWithId = answer.deepCopy();
        ((ObjectNode) pageWithId.get("hits").get(0)).put("kind", "page");
        assertThat(errors(results, pageWithId)).as("a page has no article ID").isNotEmpty();
    }

    @Test
    void theSchemaIsClosedAndRequiresWhatItNames() throws IOException {
        JsonNode schema = KbJson.read(read(schemaFile()));
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/version/const").asInt()).isEqualTo(ResultsJson.VERSION);
        List<String> objects = new ArrayList<>();
        closedObjects(schema, "", objects);
        assertThat(objects).as("object schemas checked").contains("", "/properties/facets",
                "/properties/not_classified", "/$defs/hit", "/$defs/facet/items", "/$defs/shortened");
    }

    /** Every object schema with properties: no other property allowed, every one required. */
    private static void closedObjects(JsonNode node, String at, List<String> seen) {
        if (node.isObject() && node.has("properties") && node.path("type").asText().equals("object")) {
            assertThat(node.get("additionalProperties")).as(at).isNotNull();
            assertThat(node.get("additionalProperties").asBoolean(true)).as(at + " additionalProperties").isFalse();
            List<String> names = new ArrayList<>();
            node.get("properties").fieldNames().forEachRemaining(names::add);
            List<String> required = new ArrayList<>();
            node.get("required").forEach(r -> required.add(r.asText()));
            assertThat(required).as(at + " required").containsExactlyElementsOf(names);
            seen.add(at);
        }
        if (node.isContainerNode()) {
            node.fields().forEachRemaining(e -> closedObjects(e.getValue(), at + "/" + e.getKey(), seen));
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    closedObjects(array.get(i), at + "/" + i, seen);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/search?page=0", "/api/search?q=x&size=1000", "/api/search?q=%FF", "/api/nothing",
            "/api/articles/Q1"})
    void errorsAreTheErrorObject(String path) {
        HttpResponse<byte[]> response = http.get(BASEURL + path);
        assertThat(response.statusCode()).isBetween(400, 499);
        JsonNode json = Http.json(response);
        assertThat(errors(error, json)).as("%s", json).isEmpty();
        assertThat(errors(error, KbJson.object().put("error", "x").put("code", 1))).isNotEmpty();
    }

    private JsonNode api(Search search) {
        HttpResponse<byte[]> response = http.get(search.apiPath());
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode command(Search search) {
        CliRun run = kb(search.commandLine(site).toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        try {
            return KbJson.read(run.out());
        } catch (JsonProcessingException e) {
            throw new AssertionError("kb search --json printed no JSON: " + run.out(), e);
        }
    }

    private static JsonNode withoutTime(JsonNode json) {
        ObjectNode copy = json.deepCopy();
        assertThat(copy.remove("took_ms")).isNotNull();
        return copy;
    }

    private static List<String> errors(Schema schema, JsonNode json) {
        return schema.validate(json).stream().map(Error::toString).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
