package kb.search;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * The parts kb's ranked query is built of ({@link QueryBuilder}), made for one engine: Lucene
 * queries for kb's own index ({@link LuceneQueries}), OpenSearch's query DSL for a cluster
 * ({@link ClusterQueries}). One builder for both keeps the two rankings the same by construction.
 *
 * @param <Q> the engine's query type
 */
interface QueryFactory<Q> {

    /** In how many documents a term of a field occurs. */
    int docFreq(String field, String term);

    /** Documents with the term in the field, ranked by BM25. */
    Q term(String field, String term);

    /** The query with its score multiplied. */
    Q boost(Q query, float boost);

    /** The best of the alternatives, plus {@code tieBreaker} times the others. */
    Q disMax(List<Q> alternatives, float tieBreaker);

    /** The query's matches, each scored 1. */
    Q constantScore(Q query);

    /**
     * The terms standing together (up to {@code slop} moves apart): {@code terms} as kb's phrase
     * analysis made them of {@code text}.
     */
    Q phrase(String field, List<QueryBuilder.Positioned> terms, String text, int slop);

    /**
     * Terms within {@code edits} of {@code term} (transpositions count one), the first
     * {@code prefixLength} characters as typed; with {@code topTerms}, the that many nearest
     * terms each scored as a term query, else (up to 50 terms) blended by frequency.
     */
    Q fuzzy(String field, String term, int edits, int prefixLength, Optional<Integer> topTerms);

    /** Terms starting with {@code prefix}, each match scored 1. */
    Q prefix(String field, String prefix);

    /**
     * The query's score times how much of the title {@code queryWords} words cover: 1 when the
     * title has at most that many terms, else their share ({@link TitleCoverage}).
     */
    Q titleCoverage(Q query, int queryWords);

    /** Every document. */
    Q matchAll();

    /** The clauses, in order; at least {@code minimumShouldMatch} of the SHOULD ones must match. */
    Q bool(List<Clause<Q>> clauses, int minimumShouldMatch);

    /** One clause of a {@link #bool}. */
    record Clause<Q>(Occur occur, Q query) {
    }
}
