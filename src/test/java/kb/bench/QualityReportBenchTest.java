package kb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quality table: the best of the OpenSearch columns, and rare passages left out of "all". */
class QualityReportBenchTest {

    private static final List<BenchQuery> QUERIES = List.of(
            new BenchQuery(QueryKind.VAGUE, "agent logs", "Q1"),
            new BenchQuery(QueryKind.PASSAGE, "the agent stops responding after", "Q2"),
            new BenchQuery(QueryKind.RARE_PASSAGE, "the agent stops responding after", "Q2"));

    @Test
    void theBestPeerIsTheOpenSearchColumnThatFoundMostPerKind() {
        // kb finds everything; plain finds only the vague query, the unstemmed tuned query only the passages
        List<SearchEngine> engines = List.of(engine("kb", "kb", Set.of("Q1", "Q2")),
                engine("OpenSearch plain", "opensearch_plain", Set.of("Q1")),
                engine("OpenSearch tuned (unstemmed)", "opensearch_tuned_unstemmed", Set.of("Q2")));
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        engines.forEach(e -> outcomes.put(e.key(), QUERIES.stream().map(q -> Outcome.of(e, q)).toList()));
        QualityReport report = new QualityReport(engines, outcomes, Map.of(), 2, 10, 7);

        String table = report.table();
        assertThat(table).contains("OpenSearch tuned (unstemmed)", "best peer");
        assertThat(line(table, "vague")).endsWith("100.0% (1/1) plain");
        assertThat(line(table, "passage")).endsWith("100.0% (1/1) tuned_unstemmed");
        // "all" counts the passage once: the rare passage is one of the passages
        assertThat(line(table, "all")).contains("100.0% (2/2)").endsWith("50.0% (1/2) plain");
        assertThat(report.json()).contains("\"best_peer\"", "\"passage\" : \"opensearch_tuned_unstemmed\"");
    }

    @Test
    void oneOpenSearchColumnMakesNoBestPeer() {
        List<SearchEngine> engines = List.of(engine("kb", "kb", Set.of("Q1")),
                engine("OpenSearch plain", "opensearch_plain", Set.of("Q1")));
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        engines.forEach(e -> outcomes.put(e.key(), QUERIES.stream().map(q -> Outcome.of(e, q)).toList()));
        QualityReport report = new QualityReport(engines, outcomes, Map.of(), 2, 10, 7);
        assertThat(report.table()).doesNotContain("best peer");
        assertThat(report.json()).doesNotContain("best_peer");
    }

    private static String line(String table, String label) {
        return table.lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow().strip();
    }

    /** An engine whose only hit is the query's target when the target is one of {@code finds}. */
    private static SearchEngine engine(String name, String key, Set<String> finds) {
        return new SearchEngine() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String key() {
                return key;
            }

            @Override
            public List<Hit> search(String query, int size) {
                String target = QUERIES.stream().filter(q -> q.text().equals(query)).findFirst().orElseThrow().target();
                return finds.contains(target) ? List.of(new Hit(target, target)) : List.of(new Hit("Q9", "Q9"));
            }
        };
    }
}
