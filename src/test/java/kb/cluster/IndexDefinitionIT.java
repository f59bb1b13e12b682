package kb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kb.corpus.DevCorpus;
import kb.search.Analyzers;
import kb.search.IndexFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code index.json} in a real OpenSearch 3.3 cluster (Lucene 10.3 inside) against kb's Lucene
 * 10.6 analyzers: every analyzer must give, for every text, the tokens kb's gives (term, type,
 * position, position length, offsets). Texts: {@link AnalysisTexts#edgeCases()}, and with the dev
 * corpus every article's title and the body lines of every 100th article. Also: a document with
 * every field indexes under {@code dynamic: strict}, and {@code match_phrase} with the phrase
 * analyzer finds what kb's phrase query finds.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexDefinitionIT {

    private static final String INDEX = "kb-definition-it";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenSearch's gaps between the texts of one {@code _analyze} request (a custom analyzer's defaults). */
    private static final int POSITION_GAP = 100;
    private static final int OFFSET_GAP = 1;
    /** Characters per {@code _analyze} request: well under its 10,000-token limit. */
    private static final int BATCH_CHARS = 20_000;
    /** Differences listed in a failure. */
    private static final int SHOWN = 15;

    /** One analyzer on both sides: kb's Lucene analyzer and the name of its twin in index.json. */
    private record Pair(String name, Analyzer lucene) {
    }

    private static final List<Pair> ANALYZERS = List.of(
            new Pair(IndexDefinition.ENGLISH, Analyzers.english()),
            new Pair(IndexDefinition.ENGLISH_PHRASES, Analyzers.englishPhrases()),
            new Pair(IndexDefinition.PLAIN, Analyzers.plain()),
            new Pair(IndexDefinition.PLAIN_WORDS, Analyzers.plainWords()));

    /** A token as {@code _analyze} lists it. */
    record Token(String term, String type, int position, int positionLength, int start, int end) {
        @Override
        public String toString() {
            return term + "@" + position + (positionLength > 1 ? "+" + positionLength : "") + "[" + start + "-" + end + "]" + type;
        }
    }

    private OpenSearchCluster cluster;

    @BeforeAll
    void createIndex(OpenSearchCluster cluster) {
        this.cluster = cluster;
        cluster.send("DELETE", "/" + INDEX, null);
        JsonNode created = cluster.ok("PUT", "/" + INDEX, IndexDefinition.load().json());
        assertThat(created.path("acknowledged").asBoolean()).as(created.toString()).isTrue();
        cluster.ok("GET", "/_cluster/health/" + INDEX + "?wait_for_status=green&timeout=60s", null);
    }

    @AfterAll
    void deleteIndex() {
        if (cluster != null) {
            cluster.send("DELETE", "/" + INDEX, null);
        }
    }

    @Test
    void theIndexHasThreeShardsEachWithAReplicaOnAnotherNode() {
        JsonNode shards = cluster.ok("GET", "/_cat/shards/" + INDEX + "?format=json", null);
        assertThat(shards).hasSize(6);
        Map<String, Set<String>> nodes = new HashMap<>();
        shards.forEach(s -> {
            assertThat(s.path("state").asText()).isEqualTo("STARTED");
            nodes.computeIfAbsent(s.path("shard").asText(), k -> new TreeSet<>()).add(s.path("node").asText());
        });
        assertThat(nodes.values()).allSatisfy(onNodes -> assertThat(onNodes).hasSize(2));
    }

    @Test
    void edgeCasesGiveKbsTokens() {
        assertSameTokens("edge cases", AnalysisTexts.edgeCases());
    }

    @Test
    void corpusTitlesAndBodyLinesGiveKbsTokens() {
        AnalysisTexts.Corpus corpus = AnalysisTexts.corpus(DevCorpus.sources(), 100);
        assertThat(corpus.titles()).hasSizeGreaterThan(1000);
        assertThat(corpus.bodyLines()).hasSizeGreaterThan(1000);
        assertSameTokens("corpus titles (" + corpus.articles() + " articles)", corpus.titles());
        assertSameTokens("corpus body lines (every 100th article)", corpus.bodyLines());
    }

    @Test
    void aDocumentWithEveryFieldIndexesAndAnUnknownFieldIsRefused() {
        ObjectNode doc = JSON.createObjectNode()
                .put(IndexFields.KIND, "article").put(IndexFields.ID, "Q319864").put(IndexFields.URL, "/kb/319/Q319864/")
                .put(IndexFields.TITLE, "SMS: Inventory Resynchronization of MENU.COM Clients")
                .put(IndexFields.TITLE_WORDS, "SMS: Inventory Resynchronization of MENU.COM Clients")
                .put(IndexDefinition.TITLE_LENGTH, 7)
                .put(IndexFields.BODY, "Clients running MENU.COM request an inventory resynchronization.")
                .put(IndexFields.SECTIONS, "SUMMARY\nMORE INFORMATION").put(IndexFields.APPLIES_TO, "Microsoft SMS 1.2")
                .put(IndexFields.MESSAGES, "Error 10054: connection reset").put(IndexFields.QUERY_WORDS, "resync")
                .put(IndexFields.SPELL, "inventory resynchronization clients")
                .put(IndexFields.YEAR, "2002").put(IndexFields.LAST_MODIFIED, "2002-08-03")
                .put(IndexFields.JSON, "{\"id\":\"Q319864\",\"title\":\"Inventory\"}")
                .put(IndexDefinition.DIGEST, "9f86d081884c7d65");
        doc.putArray(IndexFields.ID_FORMS).add("q319864").add("319864").add("kb319864");
        doc.putArray(IndexFields.PRODUCT).add("microsoft systems management server");
        doc.putArray(IndexDefinition.PRODUCT_FACET).add("Microsoft Systems Management Server");
        doc.putArray(IndexFields.PRODUCT_CODE).add("sms");
        doc.putArray(IndexFields.VERSIONS).add("1.2").add("2.0");
        doc.putArray(IndexFields.OS).add("winnt");
        doc.putArray(IndexFields.KEYWORDS).add("kbbug");
        doc.putArray(IndexFields.TECHNOLOGY).add("smsinventory");
        doc.putArray(IndexDefinition.TECHNOLOGY_FACET).add("SMSInventory");
        doc.putArray(IndexFields.ISSUE_TYPE).add("kbbug");
        Set<String> mapped = new TreeSet<>();
        IndexDefinition.load().fields().fieldNames().forEachRemaining(mapped::add);
        assertThat(doc.properties().stream().map(Map.Entry::getKey).toList()).containsExactlyInAnyOrderElementsOf(mapped);

        JsonNode indexed = cluster.ok("PUT", "/" + INDEX + "/_doc/Q319864?refresh=true", doc.toString());
        assertThat(indexed.path("result").asText()).isEqualTo("created");
        assertThat(cluster.ok("GET", "/" + INDEX + "/_doc/Q319864", null).path("_source")).isEqualTo(doc);

        // Each kind of field answers the query kb's searches and facets will send.
        assertThat(hits("{\"term\": {\"id_forms\": \"319864\"}}")).containsExactly("Q319864");
        assertThat(hits("{\"match\": {\"body\": \"menu\"}}")).containsExactly("Q319864");
        assertThat(hits("{\"match\": {\"title\": \"resynchronizing client\"}}")).containsExactly("Q319864");
        assertThat(hits("{\"range\": {\"last_modified\": {\"gte\": \"2002-01-01\", \"lt\": \"2003-01-01\"}}}"))
                .containsExactly("Q319864");
        assertThat(hits("{\"term\": {\"title_length\": 7}}")).containsExactly("Q319864");
        assertThat(hits("{\"query_string\": {\"query\": \"Inventory\", \"fields\": [\"json\"]}}")).isEmpty();
        JsonNode facets = cluster.ok("POST", "/" + INDEX + "/_search", """
                {"size": 0, "aggs": {"products": {"terms": {"field": "product_facet"}}}}""");
        assertThat(facets.path("aggregations").path("products").path("buckets").path(0).path("key").asText())
                .isEqualTo("Microsoft Systems Management Server");

        OpenSearchCluster.Response unknown = cluster.send("PUT", "/" + INDEX + "/_doc/Q1", "{\"id\": \"Q1\", \"colour\": \"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("type").asText()).isEqualTo("strict_dynamic_mapping_exception");
        cluster.ok("DELETE", "/" + INDEX + "/_doc/Q319864?refresh=true", null);
    }

    @Test
    void matchPhraseWithThePhraseAnalyzerFindsWhatKbsPhraseQueryFinds() throws IOException {
        List<String> bodies = List.of(
                "Run MENU.COM from the MS-DOS prompt to start the menu.",
                "The file MENU.COM is missing from C:\\WINDOWS\\SYSTEM after Setup.exe runs.",
                "Setup.exe fails with error 10054: the connection was reset by the peer.",
                "John's computer isn't working after installing VTS_UI1.DLL.",
                "Windows 3.0 386 enhanced mode cannot load Win32.dll.",
                "In 386 enhanced mode, Windows 3.0's swap file must be permanent.",
                "Visual C++ 6.0a and o'neil.txt: the students' books are on the server.",
                "To be or not to be: stop words leave gaps in positions.",
                "Error 10054 occurs when the server resets the connection.",
                "The connection was reset; the server logged error 10054.",
                "menu com files and MENU COM prompts",
                "Copy the MENU.COM file to the startup disk.");
        List<String> phrases = List.of("menu.com", "MENU.COM file", "file MENU.COM", "run menu", "the menu",
                "setup.exe fails", "error 10054", "John's computer", "john computer", "isn't working", "windows 3.0 386",
                "386 enhanced mode", "enhanced modes", "C:\\WINDOWS\\SYSTEM", "windows system", "vts_ui1.dll",
                "win32.dll", "6.0a", "o'neil.txt", "students' books", "student book", "not to be", "be stop",
                "stop words leave", "connection was reset", "connection reset", "reset the connection", "menu com",
                "the", "MS-DOS prompt", "ms dos prompt", "swap file", "the MENU.COM file", "menu com file",
                "copy the menu.com");

        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < bodies.size(); i++) {
            ids.put("p" + i, bodies.get(i));
            bulk.append("{\"index\": {\"_id\": \"p").append(i).append("\"}}\n")
                    .append(JSON.createObjectNode().put(IndexFields.ID, "p" + i).put(IndexFields.BODY, bodies.get(i))).append('\n');
        }
        JsonNode indexed = cluster.ok("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString());
        assertThat(indexed.path("errors").asBoolean()).as(indexed.toString()).isFalse();

        List<String> differences = new ArrayList<>();
        int found = 0;
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.create()))) {
                for (Map.Entry<String, String> body : ids.entrySet()) {
                    Document doc = new Document();
                    doc.add(new StringField(IndexFields.ID, body.getKey(), Field.Store.YES));
                    doc.add(new TextField(IndexFields.BODY, body.getValue(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String phrase : phrases) {
                    Set<String> kb = new TreeSet<>();
                    for (ScoreDoc hit : searcher.search(kbPhrase(phrase), 100).scoreDocs) {
                        kb.add(searcher.storedFields().document(hit.doc).get(IndexFields.ID));
                    }
                    ObjectNode query = JSON.createObjectNode();
                    query.putObject("match_phrase").putObject(IndexFields.BODY).put("query", phrase)
                            .put("analyzer", IndexDefinition.ENGLISH_PHRASES);
                    Set<String> os = new TreeSet<>(hits(query.toString()));
                    found += kb.size();
                    if (!kb.equals(os)) {
                        differences.add("\"" + phrase + "\": kb " + kb + ", OpenSearch " + os);
                    }
                }
            }
        } finally {
            for (String id : ids.keySet()) {
                cluster.send("DELETE", "/" + INDEX + "/_doc/" + id, null);
            }
            cluster.send("POST", "/" + INDEX + "/_refresh", null);
        }
        System.out.printf("[kb] index.json parity, phrases: %d phrases on %d documents, %d hits, %d differences%n",
                phrases.size(), bodies.size(), found, differences.size());
        assertThat(found).as("phrases that match something").isGreaterThan(phrases.size() / 2);
        assertThat(differences).isEmpty();
    }

    /**
     * kb's phrase query on the body ({@code QueryBuilder}'s {@code phrase(BODY, positioned(text), 0)}):
     * the terms of {@code Analyzers.englishPhrases()} at their positions, gaps of stop words kept.
     */
    private static Query kbPhrase(String text) {
        List<Token> tokens = lucene(Analyzers.englishPhrases(), List.of(text));
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("all stop words");
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        tokens.forEach(t -> phrase.add(new Term(IndexFields.BODY, t.term()), t.position()));
        return phrase.build();
    }

    /** The IDs of the documents a query finds (up to 100). */
    private List<String> hits(String query) {
        JsonNode answer = cluster.ok("POST", "/" + INDEX + "/_search", "{\"size\": 100, \"query\": " + query + "}");
        List<String> ids = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    /** Each analyzer, batch by batch; lists the texts whose tokens differ, each with both streams. */
    private void assertSameTokens(String what, List<String> texts) {
        List<String> differences = new ArrayList<>();
        long tokens = 0;
        for (Pair pair : ANALYZERS) {
            for (List<String> batch : batches(texts)) {
                List<Token> expected = lucene(pair.lucene(), batch);
                List<Token> actual = opensearch(pair.name(), batch);
                tokens += expected.size();
                if (!expected.equals(actual)) {
                    // Text by text, to name the ones that differ.
                    for (String text : batch) {
                        List<Token> kb = lucene(pair.lucene(), List.of(text));
                        List<Token> os = opensearch(pair.name(), List.of(text));
                        if (!kb.equals(os)) {
                            differences.add(pair.name() + " on \"" + shorten(text) + "\":\n    kb         " + kb
                                    + "\n    OpenSearch " + os);
                        }
                    }
                }
            }
        }
        System.out.printf("[kb] index.json parity, %s: %,d texts x %d analyzers, %,d tokens, %d differences%n",
                what, texts.size(), ANALYZERS.size(), tokens, differences.size());
        assertThat(differences).as(differences.size() + " texts analyzed differently, the first:\n"
                + String.join("\n", differences.subList(0, Math.min(SHOWN, differences.size())))).isEmpty();
    }

    /** Consecutive texts of at most {@link #BATCH_CHARS} characters together (a longer text alone). */
    private static List<List<String>> batches(List<String> texts) {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int chars = 0;
        for (String text : texts) {
            if (!batch.isEmpty() && chars + text.length() > BATCH_CHARS) {
                batches.add(batch);
                batch = new ArrayList<>();
                chars = 0;
            }
            batch.add(text);
            chars += text.length();
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** kb's tokens for the texts, placed one after the other as {@code _analyze} places them. */
    static List<Token> lucene(Analyzer analyzer, List<String> texts) {
        List<Token> tokens = new ArrayList<>();
        int lastPosition = -1;
        int lastOffset = 0;
        for (String text : texts) {
            try (TokenStream stream = analyzer.tokenStream(IndexFields.BODY, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                TypeAttribute type = stream.addAttribute(TypeAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    lastPosition += increment.getPositionIncrement();
                    tokens.add(new Token(term.toString(), type.type(), lastPosition, length.getPositionLength(),
                            lastOffset + offset.startOffset(), lastOffset + offset.endOffset()));
                }
                stream.end();
                lastOffset += offset.endOffset() + OFFSET_GAP;
                lastPosition += increment.getPositionIncrement() + POSITION_GAP;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokens;
    }

    /** The cluster's tokens for the texts ({@code _analyze} with the named analyzer of the index). */
    private List<Token> opensearch(String analyzer, List<String> texts) {
        ObjectNode request = JSON.createObjectNode().put("analyzer", analyzer);
        ArrayNode array = request.putArray("text");
        texts.forEach(array::add);
        JsonNode answer = cluster.ok("POST", "/" + INDEX + "/_analyze", request.toString());
        List<Token> tokens = new ArrayList<>();
        for (JsonNode t : answer.path("tokens")) {
            tokens.add(new Token(t.path("token").asText(), t.path("type").asText(), t.path("position").asInt(),
                    t.path("positionLength").asInt(1), t.path("start_offset").asInt(), t.path("end_offset").asInt()));
        }
        return tokens;
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}
