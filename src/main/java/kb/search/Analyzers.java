package kb.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzers kb indexes and queries with: English (stop words, possessives, Porter stemming)
 * for text fields, and plain lower-cased words, no stop words, for {@link IndexFields#SPELL} and
 * {@link IndexFields#TITLE_WORDS}.
 * Exact fields are indexed as single terms and never analyzed.
 */
public final class Analyzers {

    private Analyzers() {
    }

    /** The per-field analyzer used both to index and to query. */
    public static Analyzer create() {
        Analyzer plain = plain();
        return new PerFieldAnalyzerWrapper(english(), Map.of(IndexFields.SPELL, plain, IndexFields.TITLE_WORDS, plain));
    }

    /** English analysis for text fields: identifiers kept whole and split into their parts too. */
    public static Analyzer english() {
        return new EnglishTextAnalyzer(true);
    }

    /** English analysis without splitting identifiers: for phrases, which must stay plain sequences. */
    public static Analyzer englishPhrases() {
        return new EnglishTextAnalyzer(false);
    }

    /** Lower-cased words without stemming or stop words. */
    public static Analyzer plain() {
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }
}
