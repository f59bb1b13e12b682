package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis that also knows KB identifiers: a token such as {@code MENU.COM},
 * {@code VTS_UI1} or {@code Setup.exe} is kept whole and its parts ({@code menu}, {@code com})
 * are added, so both what the article writes and what people type match. Then possessives,
 * lower case, English stop words and Porter stemming, as Lucene's EnglishAnalyzer. The index
 * side flattens the token graph; the query side ({@code splitParts = false}) keeps tokens whole,
 * so phrases stay plain sequences.
 */
final class EnglishTextAnalyzer extends Analyzer {

    private static final int FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    private final boolean splitParts;

    /** @param splitParts whether identifiers also yield their parts (index and word queries) */
    EnglishTextAnalyzer(boolean splitParts) {
        this.splitParts = splitParts;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = source;
        if (splitParts) {
            result = new IdentifierParts(result);
            result = new FlattenGraphFilter(result);
        }
        result = new EnglishPossessiveFilter(result);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /**
     * Splits only identifier-like tokens: starting with a letter, parts joined by {@code .},
     * {@code _} or {@code \\} ({@code MENU.COM}, {@code VTS_UI1}); words ({@code isn't}),
     * versions ({@code 2.0}, {@code 6.0a}) and numbers stay whole.
     */
    private static final class IdentifierParts extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        IdentifierParts(TokenStream in) {
            super(in, filtered -> new WordDelimiterGraphFilter(filtered, FLAGS, null));
        }

        @Override
        protected boolean shouldFilter() {
            if (term.length() == 0 || !Character.isLetter(term.charAt(0))) {
                return false; // 6.0a, 2.0: versions stay whole
            }
            boolean letter = false;
            boolean joint = false;
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (Character.isLetter(c)) {
                    letter = true;
                } else if (c == '.' || c == '_' || c == '\\') {
                    joint = true;
                } else if (c == '\'') {
                    return false;
                }
            }
            return letter && joint;
        }
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
