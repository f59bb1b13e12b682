package kb.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import kb.search.IndexFields;

/**
 * The settings and mappings of a cluster index ({@code kb/cluster/index.json}): kb's schema in
 * OpenSearch's terms, with kb's schema version in the mapping's {@code _meta}.
 */
final class IndexDefinition {

    private IndexDefinition() {
    }

    /** The body of the request that creates an index, with {@code replicas} per shard when given. */
    static ObjectNode forPublish(Optional<Integer> replicas) {
        ObjectNode body;
        try (InputStream in = IndexDefinition.class.getResourceAsStream("/kb/cluster/index.json")) {
            if (in == null) {
                throw new IllegalStateException("kb/cluster/index.json is missing from kb's jar");
            }
            body = (ObjectNode) kb.json.KbJson.reader().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kb/cluster/index.json", e);
        }
        replicas.ifPresent(r -> ((ObjectNode) body.path("settings")).put("number_of_replicas", r));
        ((ObjectNode) body.path("mappings")).putObject("_meta").put("kb_schema", IndexFields.SCHEMA_VERSION);
        return body;
    }
}
