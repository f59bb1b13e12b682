package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis that also knows KB identifiers: a token such as {@code MENU.COM},
 * {@code VTS_UI1} or {@code Setup.exe} is kept whole and its parts ({@code menu}, {@code com})
 * are added, so both what the article writes and what people type match. Then possessives,
 * lower case, English stop words and Porter stemming, as Lucene's EnglishAnalyzer. The parts
 * come from {@link IdentifierPartsFilter}, whose output is already a flat token sequence; the
 * query side ({@code splitParts = false}) keeps tokens whole, so phrases stay plain sequences.
 */
final class EnglishTextAnalyzer extends Analyzer {

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
            result = new IdentifierPartsFilter(result);
        }
        result = new EnglishPossessiveFilter(result);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
