package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kb.model.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Articles like a given one (Lucene's MoreLikeThis over title and body), for the "related
 * articles" list of every article page, computed at build time. Only articles that are really
 * like it are listed: a candidate must score a share of the article's own score for the same
 * query (its self-similarity, which puts the scores of different articles on one scale), so a
 * list may be short or empty. Thread-safe.
 */
public final class RelatedArticles {

    /**
     * Below this share of the article's own score, a candidate shares only a few common words
     * with it. Measured on the dev corpus with citations as ground truth (an article citing or
     * cited by this one is related; {@code kb.bench.RelatedArticlesBenchmark}): below 0.30 about
     * 3% of candidates are such neighbours, the level of chance matches, against 11% of all
     * listed; the cut lists 3.9 articles on average instead of 5 and keeps 92% of the neighbours
     * found before.
     */
    static final double MIN_SHARE_OF_SELF = 0.30;

    /** One related article, as an article page links it. */
    public record Related(String id, String title, String url) {
    }

    /**
     * A related article before the cut-off, with its score.
     *
     * @param related the article
     * @param score   its MoreLikeThis score
     * @param self    the score of the article itself for the same query (0 when it is not indexed)
     */
    public record Candidate(Related related, float score, float self) {
    }

    private final IndexSearcher searcher;

    /** @param reader an index reader holding the site's articles */
    public RelatedArticles(IndexReader reader) {
        this.searcher = new IndexSearcher(reader);
    }

    /** Up to {@code limit} articles really like {@code article}, best first, never itself. */
    public List<Related> to(Article article, int limit) {
        return kept(candidates(article, limit)).stream().map(Candidate::related).toList();
    }

    /** The candidates that pass the cut-off, in order. */
    static List<Candidate> kept(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        // An article missing from the index (no self score) is measured against its best match.
        float self = candidates.get(0).self() > 0 ? candidates.get(0).self() : candidates.get(0).score();
        double floor = MIN_SHARE_OF_SELF * self;
        return candidates.stream().filter(c -> c.score() >= floor).toList();
    }

    /** Up to {@code limit} articles most like {@code article}, best first, never itself, before the cut-off. */
    public List<Candidate> candidates(Article article, int limit) {
        try {
            return search(article, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search for related articles", e);
        }
    }

    private List<Candidate> search(Article article, int limit) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(Analyzers.create());
        mlt.setFieldNames(new String[] {IndexFields.TITLE, IndexFields.BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        // Words in more than 1 article in 20 say little about this one (small sites keep them all).
        mlt.setMaxDocFreq(Math.max(50, searcher.getIndexReader().numDocs() / 20));
        mlt.setMaxQueryTerms(12);
        mlt.setMaxNumTokensParsed(300); // the title and the start of the text say what it is about
        mlt.setMinWordLen(3);
        Query like = mlt.like(IndexFields.BODY, new StringReader(article.title() + "\n" + article.title()
                + "\n" + article.text()));
        // One search gives the candidates and the article's own score (its self-similarity, which
        // the cut-off is measured against): the article itself is nearly always the best match of
        // a query made of its own words; when it is not among the first, the best candidate stands in.
        Query query = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.KIND, "article")), Occur.FILTER)
                .build();
        TopDocs found = searcher.search(query, limit + 1);
        StoredFields stored = searcher.storedFields();
        float selfScore = 0f;
        List<Candidate> related = new ArrayList<>();
        for (ScoreDoc sd : found.scoreDocs) {
            Document doc = stored.document(sd.doc);
            if (article.id().equals(doc.get(IndexFields.ID))) {
                selfScore = selfScore == 0f ? sd.score : selfScore;
            } else if (related.size() < limit) {
                related.add(new Candidate(new Related(doc.get(IndexFields.ID), doc.get(IndexFields.TITLE),
                        doc.get(IndexFields.URL)), sd.score, 0f));
            }
        }
        float self = selfScore;
        related.replaceAll(c -> new Candidate(c.related(), c.score(), self));
        return related;
    }
}
