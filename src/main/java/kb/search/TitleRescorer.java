package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Reorders the top of a ranked list by how much of each title the query names, weighing every
 * title word by its rarity: someone recalling an article types its distinctive words, so a
 * title whose rare words are all in the query is a likelier answer than one with a rare word the
 * query lacks ("Contents of NNTP Service Release Notes" for "Contents Release Notes"). Only the
 * first {@link #DEPTH} hits move.
 *
 * <p>Serves one index reader: each title's total rarity is summed once, when it is created (one
 * pass over the title postings of all segments, milliseconds for 60,000 articles). Thread-safe.
 */
final class TitleRescorer {

    /** How many of the first hits are reordered. */
    static final int DEPTH = 30;
    /** A title the query names entirely gains this share of its score. */
    private static final double WEIGHT = 0.3;

    private final IndexReader reader;
    private final int numDocs;
    /** Per document (its ID in the whole reader): the summed rarity of its title's words. */
    private final float[] titleRarity;

    TitleRescorer(IndexReader reader) {
        this.reader = reader;
        this.numDocs = reader.numDocs();
        this.titleRarity = new float[reader.maxDoc()];
        try {
            // The title terms of all segments in one merged walk: each term's document count over
            // the index comes with it, and its postings give reader-wide document IDs. (Looking
            // each term of each segment up in every other segment took seconds on an index of
            // 30,000 articles in two segments, as an incremental build leaves it.)
            Terms terms = MultiTerms.getTerms(reader, IndexFields.TITLE);
            if (terms != null) {
                TermsEnum te = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    float rarity = (float) idf(te.docFreq());
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        titleRarity[doc] += rarity;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index's titles", e);
        }
    }

    /**
     * The hits with the first {@link #DEPTH} rescored and reordered.
     *
     * @param stems the query's words as the title field indexes them (English analysis)
     */
    TopDocs rescore(TopDocs top, Set<String> stems) throws IOException {
        int n = Math.min(DEPTH, top.scoreDocs.length);
        if (n < 2 || stems.isEmpty()) {
            return top;
        }
        ScoreDoc[] docs = top.scoreDocs.clone();
        List<LeafReaderContext> leaves = reader.leaves();
        Map<String, Double> rarity = new HashMap<>();
        for (int i = 0; i < n; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            int doc = docs[i].doc - leaf.docBase;
            float all = titleRarity[docs[i].doc];
            if (all == 0) {
                continue;
            }
            Terms terms = leaf.reader().terms(IndexFields.TITLE);
            TermsEnum te = terms == null ? null : terms.iterator();
            double named = 0;
            for (String stem : stems) {
                if (te != null && te.seekExact(new BytesRef(stem))) {
                    PostingsEnum p = te.postings(null, PostingsEnum.NONE);
                    if (p.advance(doc) == doc) {
                        named += rarity.computeIfAbsent(stem, s -> idf(te));
                    }
                }
            }
            docs[i] = new ScoreDoc(docs[i].doc, rescored(docs[i].score, named, all), docs[i].shardIndex);
        }
        // Stable: equal scores keep the order the first ranking gave them.
        Arrays.sort(docs, 0, n, (a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(top.totalHits, docs);
    }

    /** The rarity of the term a terms enum stands on, over the whole index. */
    private double idf(TermsEnum te) {
        try {
            return idf(reader.docFreq(new Term(IndexFields.TITLE, BytesRef.deepCopyOf(te.term()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double idf(int docFreq) {
        return idf(numDocs, docFreq);
    }

    /** BM25's inverse document frequency of a term in {@code docFreq} of {@code numDocs} documents. */
    static double idf(long numDocs, long docFreq) {
        return Math.log(1 + (numDocs - docFreq + 0.5) / (docFreq + 0.5));
    }

    /**
     * A hit's new score when the query names title words of summed rarity {@code named}, of the
     * title's {@code all}: up to {@link #WEIGHT} more for a title named entirely.
     */
    static float rescored(float score, double named, double all) {
        return (float) (score * (1 + WEIGHT * Math.min(1, named / all)));
    }
}
