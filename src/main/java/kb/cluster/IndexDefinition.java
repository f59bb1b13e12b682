package kb.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import kb.json.KbJson;

/**
 * kb's index in an OpenSearch cluster: the body of the create-index request ({@code settings}
 * with kb's analyzers, {@code mappings} with kb's fields, {@code dynamic: strict}), read from
 * {@code kb/cluster/index.json} on the classpath.
 *
 * <p>The analyzers give the tokens of kb's Lucene analyzers ({@code kb.search.Analyzers}): term,
 * position, position length and offsets. The fields are those of {@code kb.search.IndexFields},
 * which kb sends already stripped and lower-cased where Lucene gets them so, plus the few that
 * only the cluster needs ({@link #PRODUCT_FACET}, {@link #TECHNOLOGY_FACET},
 * {@link #TITLE_LENGTH}, {@link #DIGEST}). Instances are immutable and thread-safe.
 */
public final class IndexDefinition {

    /** Where the definition lives on the classpath. */
    public static final String RESOURCE = "/kb/cluster/index.json";

    /** {@code Analyzers.english()}: identifiers whole and in parts, possessives, stop words, Porter stems. */
    public static final String ENGLISH = "kb_english";
    /** {@code Analyzers.englishPhrases()}: the same without identifier parts, for {@code match_phrase}. */
    public static final String ENGLISH_PHRASES = "kb_english_phrases";
    /** {@code Analyzers.plain()}: lower-cased words, no stop words, no stems. */
    public static final String PLAIN = "kb_plain";
    /** {@code Analyzers.plainWords()}: the same with identifiers' parts, for spell and title words. */
    public static final String PLAIN_WORDS = "kb_plain_words";

    /** Product names as written, for aggregations ({@code product} holds them lower-cased, for filters). */
    public static final String PRODUCT_FACET = kb.search.IndexFields.PRODUCT_FACET;
    /** Technology tokens as written, for aggregations ({@code technology} holds them lower-cased). */
    public static final String TECHNOLOGY_FACET = kb.search.IndexFields.TECHNOLOGY_FACET;
    /** The title's length in terms, as Lucene's norms keep it (kb computes it): an integer. */
    public static final String TITLE_LENGTH = kb.search.IndexFields.TITLE_LENGTH;
    /** The article's content digest, to publish only what changed: exact. */
    public static final String DIGEST = kb.search.IndexFields.DIGEST;

    private final ObjectNode body;

    private IndexDefinition(ObjectNode body) {
        this.body = body;
    }

    /** The definition as kb ships it: 3 shards, 1 replica. */
    public static IndexDefinition load() {
        try (InputStream in = IndexDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new IndexDefinition((ObjectNode) KbJson.reader().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The same definition with {@code replicas} copies of each shard (0 for a one-node cluster,
     * where a replica could never be allocated and the index would stay yellow).
     */
    public IndexDefinition withReplicas(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0, not " + replicas);
        }
        return withIndexSetting("number_of_replicas", replicas);
    }

    /**
     * The same definition with {@code shards} primary shards: 1 for a small knowledge base (every
     * search then scores exactly as kb's own index; with several, each shard expands a misspelt
     * word among its own words), more to spread a large one over the nodes.
     */
    public IndexDefinition withShards(int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1, not " + shards);
        }
        return withIndexSetting("number_of_shards", shards);
    }

    private IndexDefinition withIndexSetting(String name, int value) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) copy.path("settings").path("index")).put(name, value);
        return new IndexDefinition(copy);
    }

    /**
     * The same definition with kb's index schema version in the mapping's {@code _meta}
     * ({@code kb_schema}): what an incremental publish checks before it updates an index.
     */
    public IndexDefinition withSchema(String version) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) copy.path("mappings")).putObject("_meta").put("kb_schema", version);
        return new IndexDefinition(copy);
    }

    /** The number of replicas the definition asks for. */
    public int replicas() {
        return body.path("settings").path("index").path("number_of_replicas").asInt();
    }

    /** The request body that creates the index ({@code PUT /<index>}), as JSON text. */
    public String json() {
        return body.toString();
    }

    /** The {@code mappings.properties} object: each field's name and mapping (a copy). */
    public JsonNode fields() {
        return body.path("mappings").path("properties").deepCopy();
    }
}
