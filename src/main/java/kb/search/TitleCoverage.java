package kb.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.SmallFloat;

/**
 * How much of an article's title a query covers: the query's word count over the title's
 * (read from the title's norms, the length BM25 already keeps), at most 1. Someone who remembers
 * three words of a title is more likely to mean a short title made mostly of them than a long
 * one that merely contains them.
 */
final class TitleCoverage extends DoubleValuesSource {

    private final int queryWords;

    TitleCoverage(int queryWords) {
        this.queryWords = queryWords;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues norms = ctx.reader().getNormValues(IndexFields.TITLE);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (norms == null || !norms.advanceExact(doc)) {
                    value = 0;
                    return true;
                }
                int length = SmallFloat.byte4ToInt((byte) norms.longValue());
                value = length <= queryWords ? 1 : (double) queryWords / length;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return true;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(queryWords);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TitleCoverage other && other.queryWords == queryWords;
    }

    @Override
    public String toString() {
        return "title_coverage(" + queryWords + ")";
    }
}
