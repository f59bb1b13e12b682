package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.json.KbJson;
import org.junit.jupiter.api.Test;

class ClusterStatisticsTest {

    /** A cluster whose every term occurs in as many documents as it has letters, of 1,000. */
    private final List<JsonNode> asked = new ArrayList<>();
    private final ClusterStatistics statistics = new ClusterStatistics((path, body) -> {
        asked.add(body);
        ObjectNode answer = KbJson.object();
        answer.putObject("hits").putObject("total").put("value", 1000);
        ObjectNode aggs = answer.putObject("aggregations");
        body.path("aggs").properties().forEach(e -> {
            String term = e.getValue().path("filter").path("term").properties().iterator().next().getValue().asText();
            aggs.putObject(e.getKey()).put("doc_count", term.length());
        });
        return answer;
    }, "kb");

    @Test
    void termsAreAskedOncePerIndexOnlyThoseNotKnown() {
        assertThat(statistics.frequencies(IndexFields.SPELL, Set.of("printer", "spool"))).isEqualTo(Map.of("printer", 7, "spool", 5));
        assertThat(statistics.frequencies(IndexFields.SPELL, Set.of("printer", "queue"))).isEqualTo(Map.of("printer", 7, "queue", 5));
        assertThat(statistics.frequencies(IndexFields.SPELL, Set.of("spool", "queue"))).containsEntry("spool", 5);

        assertThat(asked).hasSize(2);
        // Only the documents with any of the terms are looked at, not the whole index.
        assertThat(asked.get(1).path("query").path("terms").path(IndexFields.SPELL).toString()).isEqualTo("[\"queue\"]");
    }

    @Test
    void fieldsAreKeptApart() {
        statistics.frequencies(IndexFields.SPELL, Set.of("printer"));
        statistics.frequencies(IndexFields.TITLE, Set.of("printer"));

        assertThat(asked).hasSize(2);
    }

    @Test
    void whatWasKeptIsDroppedWhenAnotherIndexAnswers() {
        statistics.frequencies(IndexFields.SPELL, Set.of("printer"));
        statistics.documents();
        statistics.answeredBy("kb-8-1"); // the first index named: what was asked is its own
        statistics.frequencies(IndexFields.SPELL, Set.of("printer"));
        statistics.documents();
        assertThat(asked).hasSize(2);

        statistics.answeredBy("kb-8-2"); // the alias moved
        statistics.frequencies(IndexFields.SPELL, Set.of("printer"));
        statistics.documents();

        assertThat(asked).hasSize(4);
    }

    @Test
    void theDocumentCountIsAskedOnce() {
        assertThat(statistics.documents()).isEqualTo(1000);
        assertThat(statistics.documents()).isEqualTo(1000);
        assertThat(asked).hasSize(1);
    }

    @Test
    void atMostSoManyTermsAreKept() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ClusterStatistics.MAX_TERMS; i++) {
            many.add("t" + i);
        }
        statistics.frequencies(IndexFields.SPELL, Set.copyOf(many));
        statistics.frequencies(IndexFields.SPELL, Set.of("another"));
        statistics.frequencies(IndexFields.SPELL, Set.of("t1"));

        assertThat(asked).hasSize(3); // the third: "t1" was dropped with the rest
    }
}
