package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Reorders the top of a ranked list by how much of each title the query names, weighing every
 * title word by its rarity: someone recalling an article types its distinctive words, so a
 * title whose rare words are all in the query is a likelier answer than one with a rare word the
 * query lacks ("Contents of NNTP Service Release Notes" for "Contents Release Notes"). Reads the
 * title's term vector; only the first {@link #DEPTH} hits move. Thread-safe.
 */
final class TitleRescorer {

    /** How many of the first hits are reordered. */
    static final int DEPTH = 30;
    /** A title the query names entirely gains this share of its score. */
    private static final double WEIGHT = 0.3;

    /**
     * The hits with the first {@link #DEPTH} rescored and reordered.
     *
     * @param stems the query's words as the title field indexes them (English analysis)
     */
    TopDocs rescore(IndexReader reader, TopDocs top, Set<String> stems) throws IOException {
        int n = Math.min(DEPTH, top.scoreDocs.length);
        if (n < 2 || stems.isEmpty()) {
            return top;
        }
        ScoreDoc[] docs = top.scoreDocs.clone();
        TermVectors vectors = reader.termVectors();
        int numDocs = reader.numDocs();
        for (int i = 0; i < n; i++) {
            Terms terms = vectors.get(docs[i].doc, IndexFields.TITLE);
            if (terms == null) {
                continue;
            }
            double named = 0;
            double all = 0;
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String text = term.utf8ToString();
                int df = reader.docFreq(new Term(IndexFields.TITLE, term));
                double idf = Math.log(1 + (numDocs - df + 0.5) / (df + 0.5));
                all += idf;
                if (stems.contains(text)) {
                    named += idf;
                }
            }
            double coverage = all == 0 ? 0 : named / all;
            docs[i] = new ScoreDoc(docs[i].doc, (float) (docs[i].score * (1 + WEIGHT * coverage)), docs[i].shardIndex);
        }
        // Stable: equal scores keep the order the first ranking gave them.
        Arrays.sort(docs, 0, n, (a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(top.totalHits, docs);
    }
}
