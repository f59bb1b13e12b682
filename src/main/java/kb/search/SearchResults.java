package kb.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one search. {@link ResultsJson} writes it as the JSON of {@code GET /api/search}
 * and {@code kb search --json} (the record itself is not that contract: its names are Java's).
 *
 * <p>The total and the facet counts are about the same documents: articles only unless the
 * request asks for other pages too. An article with several products or issue types counts once
 * under each; one without any value of a dimension (no issue type, no last-modified date, or a
 * page) counts in {@link #notClassified()}. So for a dimension with one value per article (the
 * year), its counts plus its unclassified count make the total.
 *
 * @param query         the query as given
 * @param total         how many documents match
 * @param tookMs        milliseconds spent searching
 * @param suggestion    a corrected query when words look misspelt, else {@code null}
 * @param hits          the requested page of results
 * @param facets        counts per value for {@code product}, {@code issue_type}, {@code year},
 *                      {@code technology}, over all matching documents, most frequent first
 *                      (the first few values of each)
 * @param notClassified per dimension, how many matching documents have no value of it
 * @param redirect      when the query is only an article ID ({@code Q319864}, {@code 319864},
 *                      {@code KB319864}, {@code kb/319864}) of an article in the index: its URL below
 *                      the site root, where a search page goes at once; else {@code null}
 * @param shortened     when the query was longer than {@link QueryLimit#DEFAULT} allows: what of it
 *                      was searched; else {@code null}
 */
public record SearchResults(String query, long total, long tookMs, String suggestion, List<SearchHit> hits,
        Map<String, List<FacetCount>> facets, Map<String, Long> notClassified, String redirect,
        Shortened shortened) {

    /**
     * What of a long query was searched: its beginning.
     *
     * @param searched      the part of the query searched
     * @param words         the words of the whole query
     * @param wordsSearched the words searched (a word cut within itself counts)
     */
    public record Shortened(String searched, int words, int wordsSearched) {

        public Shortened {
            Objects.requireNonNull(searched, "searched");
        }

        static Shortened of(QueryLimit.Cut cut) {
            return new Shortened(cut.searched(), cut.words(), cut.wordsSearched());
        }

        /** A sentence for the reader: what was searched. */
        public String note() {
            return wordsSearched < words
                    ? "The query was shortened: only its first " + wordsSearched + " of " + words + " words were searched."
                    : "The query was shortened: only its first " + searched.length() + " characters were searched.";
        }
    }

    public SearchResults {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
        notClassified = Collections.unmodifiableMap(new LinkedHashMap<>(notClassified));
    }

    /** The same answer, as long as it took this time. */
    public SearchResults took(long ms) {
        return new SearchResults(query, total, ms, suggestion, hits, facets, notClassified, redirect, shortened);
    }
}
