package kb.bench;

import java.util.List;

/**
 * What one engine answered to one query.
 *
 * @param query the query
 * @param rank  the target's 1-based rank among the hits fetched, 0 when it is not among them
 * @param top   the first hits
 */
record Outcome(BenchQuery query, int rank, List<SearchEngine.Hit> top) {

    Outcome {
        top = List.copyOf(top);
    }

    /** Whether the target reached the rank its kind asks for. */
    boolean found() {
        return rank > 0 && rank <= query.kind().cutoff();
    }

    /** Runs a query on an engine (fetching 10 hits) and ranks the target. */
    static Outcome of(SearchEngine engine, BenchQuery query) {
        List<SearchEngine.Hit> hits = engine.search(query.text(), 10);
        int rank = 0;
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).id().equalsIgnoreCase(query.target())) {
                rank = i + 1;
                break;
            }
        }
        return new Outcome(query, rank, hits);
    }
}
