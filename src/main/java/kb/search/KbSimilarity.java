package kb.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 per field. Titles are short and say what an article is about however long they are, so
 * their length counts less ({@code b} {@value #TITLE_B}) than in the text: a long title holding
 * every word of the query is as good an answer as a short one.
 */
final class KbSimilarity extends PerFieldSimilarityWrapper {

    static final float TITLE_B = 0.3f;

    private final Similarity text = new BM25Similarity();
    private final Similarity title = new BM25Similarity(1.2f, TITLE_B);

    @Override
    public Similarity get(String field) {
        return field.equals(IndexFields.TITLE) || field.equals(IndexFields.TITLE_WORDS) ? title : text;
    }
}
