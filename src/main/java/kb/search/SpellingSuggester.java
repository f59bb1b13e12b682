package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word of a query that the index does not know by the closest
 * word it does know (Lucene's {@link DirectSpellChecker} over the unstemmed
 * {@link IndexFields#SPELL} field). Thread-safe.
 */
final class SpellingSuggester {

    /** A token of letters only, standing alone between spaces (not "stdio.h", not "type:kbbug"). */
    private static final Pattern WORD = Pattern.compile("(?<![^\\s\"(])[\\p{L}][\\p{L}']{3,}(?=[\")\\],.;:!?]*(?:\\s|$))");

    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellingSuggester() {
        checker.setMinQueryLength(4);
        checker.setMaxEdits(2);
        checker.setMinPrefix(1);
        checker.setAccuracy(0.6f);
    }

    /** The query with misspelt words corrected, or {@code null} when nothing needs correcting. */
    String suggest(String query, IndexReader reader) {
        Matcher m = WORD.matcher(query);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int last = 0;
        try {
            while (m.find()) {
                String word = m.group();
                String lower = word.toLowerCase(Locale.ROOT);
                if (reader.docFreq(new Term(IndexFields.SPELL, lower)) > 0) {
                    continue;
                }
                SuggestWord[] best = checker.suggestSimilar(new Term(IndexFields.SPELL, lower), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (best.length > 0) {
                    out.append(query, last, m.start()).append(best[0].string);
                    last = m.end();
                    changed = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!changed) {
            return null;
        }
        out.append(query, last, query.length());
        return out.toString();
    }
}
