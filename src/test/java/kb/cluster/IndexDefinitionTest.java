package kb.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kb.search.IndexFields;
import org.junit.jupiter.api.Test;

/** {@code index.json} against kb's own schema; what OpenSearch makes of it is {@code IndexDefinitionIT}'s. */
class IndexDefinitionTest {

    private final IndexDefinition definition = IndexDefinition.load();

    @Test
    void theMappingHasEveryFieldOfKbsIndexAndTheClustersOwn() throws IllegalAccessException {
        Set<String> expected = new TreeSet<>(List.of(IndexDefinition.PRODUCT_FACET, IndexDefinition.TECHNOLOGY_FACET,
                IndexDefinition.TITLE_LENGTH, IndexDefinition.DIGEST));
        for (Field field : IndexFields.class.getFields()) {
            // kb's own index keeps a document's values whole in SOURCE; a cluster keeps _source
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().startsWith("SCHEMA_")
                    && !field.getName().equals("SOURCE")) {
                expected.add((String) field.get(null));
            }
        }
        Set<String> mapped = new TreeSet<>();
        definition.fields().fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped).isEqualTo(expected);
    }

    @Test
    void textFieldsUseKbsAnalyzersAndTheBodyKeepsOffsets() {
        List<String> english = new ArrayList<>();
        definition.fields().properties().forEach(field -> {
            if (IndexDefinition.ENGLISH.equals(field.getValue().path("analyzer").asText())) {
                english.add(field.getKey());
            }
        });
        assertThat(english).containsExactlyInAnyOrder(IndexFields.TITLE, IndexFields.BODY, IndexFields.SECTIONS,
                IndexFields.APPLIES_TO, IndexFields.MESSAGES, IndexFields.QUERY_WORDS);
        assertThat(definition.fields().path(IndexFields.SPELL).path("analyzer").asText()).isEqualTo(IndexDefinition.PLAIN_WORDS);
        assertThat(definition.fields().path(IndexFields.SPELL).path("index_options").asText()).isEqualTo("positions");
        assertThat(definition.fields().path(IndexFields.TITLE_WORDS).path("analyzer").asText()).isEqualTo(IndexDefinition.PLAIN_WORDS);
        assertThat(definition.fields().path(IndexFields.BODY).path("index_options").asText()).isEqualTo("offsets");
        assertThat(definition.fields().path(IndexFields.JSON).path("enabled").asBoolean(true)).isFalse();
    }

    @Test
    void replicasCanBeSetWithoutChangingTheLoadedDefinition() {
        IndexDefinition single = definition.withReplicas(0);
        assertThat(definition.replicas()).isEqualTo(1);
        assertThat(single.replicas()).isZero();
        assertThat(single.json()).contains("\"number_of_replicas\":0").contains("\"number_of_shards\":3")
                .contains("\"dynamic\":\"strict\"");
        assertThatThrownBy(() -> definition.withReplicas(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
