package kb.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks the passages of a hit for its snippet: the more distinct query terms a passage holds
 * the better, repeats count less and less (BM25's saturation), and earlier passages win ties.
 * Lucene's own scorer builds a hash of a passage's terms for every passage, which made
 * highlighting allocate a megabyte per search; a passage holds a handful of matches, so a scan
 * does the same work without allocating. Thread-safe (stateless).
 */
final class SnippetScorer extends PassageScorer {

    private static final float K1 = 1.2f;

    @Override
    public float score(Passage passage, int contentLength) {
        int n = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        float score = 0;
        for (int i = 0; i < n; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int tf = 1;
            for (int j = i + 1; j < n; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    tf++;
                }
            }
            score += (K1 + 1) * tf / (K1 + tf);
        }
        return score * norm(passage.getStartOffset());
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
        for (int j = 0; j < i; j++) {
            if (terms[j].bytesEquals(terms[i])) {
                return true;
            }
        }
        return false;
    }
}
