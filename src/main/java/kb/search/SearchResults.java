package kb.search;

import java.util.List;

/**
 * The answer to one query.
 *
 * @param query the query as given
 * @param total how many pages match
 * @param hits  the requested page of results, best first
 */
public record SearchResults(String query, long total, List<SearchHit> hits) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
