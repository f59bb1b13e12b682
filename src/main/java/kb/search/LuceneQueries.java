package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * kb's query parts as Lucene queries over one index reader. Fuzzy queries are expanded into
 * their terms at once, and the expansion kept: it then serves ranking and counting, and later
 * queries with the same word (expanding costs more than searching).
 */
final class LuceneQueries implements QueryFactory<Query> {

    private final IndexSearcher searcher;
    private final LruCache<Expansion, Query> expansions;

    /** @param expansions fuzzy expansions shared by the queries of a service, any reader */
    LuceneQueries(IndexSearcher searcher, LruCache<Expansion, Query> expansions) {
        this.searcher = searcher;
        this.expansions = expansions;
    }

    /** A query's expansion on one index reader. */
    record Expansion(Object reader, Query query) {
    }

    @Override
    public int docFreq(String field, String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Query term(String field, String term) {
        return new TermQuery(new Term(field, term));
    }

    @Override
    public Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    @Override
    public Query disMax(List<Query> alternatives, float tieBreaker) {
        return new DisjunctionMaxQuery(alternatives, tieBreaker);
    }

    @Override
    public Query constantScore(Query query) {
        return new ConstantScoreQuery(query);
    }

    @Override
    public Query phrase(String field, List<QueryBuilder.Positioned> terms, String text, int slop) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
        terms.forEach(t -> b.add(new Term(field, t.term()), t.position()));
        return b.build();
    }

    @Override
    public Query fuzzy(String field, String term, int edits, int prefixLength, Optional<Integer> topTerms) {
        Term t = new Term(field, term);
        return rewritten(topTerms.isPresent()
                ? new FuzzyQuery(t, edits, prefixLength, topTerms.get(), true,
                        new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(topTerms.get()))
                : new FuzzyQuery(t, edits, prefixLength));
    }

    @Override
    public Query prefix(String field, String prefix) {
        return new PrefixQuery(new Term(field, prefix));
    }

    @Override
    public Query titleCoverage(Query query, int queryWords) {
        return FunctionScoreQuery.boostByValue(query, new TitleCoverage(queryWords));
    }

    @Override
    public Query matchAll() {
        return MatchAllDocsQuery.INSTANCE;
    }

    @Override
    public Query bool(List<Clause<Query>> clauses, int minimumShouldMatch) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimumShouldMatch);
        clauses.forEach(c -> b.add(c.query(), c.occur()));
        return b.build();
    }

    private Query rewritten(Query query) {
        IndexReader reader = searcher.getIndexReader();
        Expansion key = new Expansion(reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey(),
                query);
        Query known = expansions.get(key);
        if (known != null) {
            return known;
        }
        try {
            Query expanded = searcher.rewrite(query);
            expansions.put(key, expanded);
            return expanded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
