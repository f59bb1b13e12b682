package kb.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one search; also the JSON shape of {@code kb search --json} and
 * {@code GET /api/search}.
 *
 * @param query      the query as given
 * @param total      how many documents match
 * @param tookMs     milliseconds spent searching
 * @param suggestion a corrected query when words look misspelt, else {@code null}
 * @param hits       the requested page of results
 * @param facets     counts per value for {@code product}, {@code issue_type}, {@code year},
 *                   {@code technology}, over all matching documents
 */
public record SearchResults(String query, long total, long tookMs, String suggestion, List<SearchHit> hits,
        Map<String, List<FacetCount>> facets) {

    public SearchResults {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }
}
