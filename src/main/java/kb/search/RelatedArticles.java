package kb.search;

import java.io.IOException;
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
 * articles" list of every article page, computed at build time. Thread-safe.
 */
public final class RelatedArticles {

    /** One related article, as an article page links it. */
    public record Related(String id, String title, String url) {
    }

    private record Scored(float score, Related related) {
    }

    private final IndexSearcher searcher;

    /** @param reader an index reader holding the site's articles */
    public RelatedArticles(IndexReader reader) {
        this.searcher = new IndexSearcher(reader);
    }

    /** Up to {@code limit} articles most like {@code article}, best first, never itself. */
    public List<Related> to(Article article, int limit) {
        try {
            return search(article, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search for related articles", e);
        }
    }

    private List<Related> search(Article article, int limit) throws IOException {
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
        Query like = mlt.like(IndexFields.BODY, new java.io.StringReader(article.title() + "\n" + article.title()
                    + "\n" + article.text()));
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.KIND, "article")), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, article.id())), Occur.MUST_NOT)
                    .build();
            TopDocs top = searcher.search(query, limit);
            StoredFields stored = searcher.storedFields();
            List<Related> related = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                related.add(new Related(doc.get(IndexFields.ID), doc.get(IndexFields.TITLE), doc.get(IndexFields.URL)));
            }
        return related;
    }
}
