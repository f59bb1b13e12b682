package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Every word as written, lower-cased, no stop words removed and no stems, with the parts of
 * identifiers added as {@link EnglishTextAnalyzer} adds them ({@code MPLAYER.INI} is kept whole
 * and gives {@code mplayer} and {@code ini}): for {@link IndexFields#SPELL} and
 * {@link IndexFields#TITLE_WORDS}, where misspelt words are looked for near the words people
 * type (a slip inside {@code Resolve_Netbios_Names_Last} is one in {@code resolve}) and where a
 * pasted passage is matched word for word, the small words included.
 */
final class PlainWordsAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(new IdentifierPartsFilter(source));
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
