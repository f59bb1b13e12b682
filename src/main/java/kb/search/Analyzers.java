package kb.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzers kb indexes and queries with: English (stop words, possessives, Porter stemming)
 * for text fields, and every word as written, with identifiers' parts ({@link #plainWords}), for
 * {@link IndexFields#SPELL} and {@link IndexFields#TITLE_WORDS}.
 * Exact fields are indexed as single terms and never analyzed.
 */
public final class Analyzers {

    private Analyzers() {
    }

    /** The per-field analyzer used both to index and to query. */
    public static Analyzer create() {
        Analyzer words = plainWords();
        return new PerFieldAnalyzerWrapper(english(), Map.of(IndexFields.SPELL, words, IndexFields.TITLE_WORDS, words));
    }

    /** English analysis for text fields: identifiers kept whole and split into their parts too. */
    public static Analyzer english() {
        return new EnglishTextAnalyzer(true);
    }

    /** English analysis without splitting identifiers: for phrases, which must stay plain sequences. */
    public static Analyzer englishPhrases() {
        return new EnglishTextAnalyzer(false);
    }

    /**
     * Lower-cased words as written, no stop words removed, identifiers whole and in parts: what
     * {@link IndexFields#SPELL} and {@link IndexFields#TITLE_WORDS} index, and how a pasted
     * passage is matched against them.
     */
    public static Analyzer plainWords() {
        return new PlainWordsAnalyzer();
    }

    /** Lower-cased words without stemming or stop words, identifiers whole: a query's words one by one. */
    public static Analyzer plain() {
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }
}
