package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which documents of one index reader have some value of each facet dimension, so that a search
 * can say how many of its matches have none ("not classified"): pages have no facets at all, and
 * some articles have no issue type or no date. Built once per reader (one pass over the postings
 * of the four exact fields, a bit per document each); immutable and thread-safe afterwards.
 */
final class FacetCoverage {

    private final Map<String, FixedBitSet> classified = new LinkedHashMap<>();

    FacetCoverage(IndexReader reader) {
        for (String dimension : IndexFields.FACETS) {
            classified.put(dimension, documentsWithField(reader, dimension));
        }
    }

    /** Per dimension, how many of the collected documents have no value of it. */
    Map<String, Long> notClassified(FacetsCollector matches) {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, FixedBitSet> dimension : classified.entrySet()) {
                long none = 0;
                for (FacetsCollector.MatchingDocs m : matches.getMatchingDocs()) {
                    DocIdSetIterator docs = m.bits() == null ? null : m.bits().iterator();
                    if (docs == null) {
                        continue;
                    }
                    int base = m.context().docBase;
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (!dimension.getValue().get(base + doc)) {
                            none++;
                        }
                    }
                }
                out.put(dimension.getKey(), none);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the matching documents", e);
        }
        return out;
    }

    /** The documents with any term in {@code field} (each dimension is also an exact field of that name). */
    private static FixedBitSet documentsWithField(IndexReader reader, String field) {
        FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum values = terms.iterator();
                PostingsEnum postings = null;
                while (values.next() != null) {
                    postings = values.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        bits.set(leaf.docBase + doc);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index's " + field + " field", e);
        }
        return bits;
    }
}
