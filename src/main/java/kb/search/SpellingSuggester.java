package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
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

    /** How the checker is set up; also an engine that checks spelling itself (a cluster's term suggester). */
    static final int MAX_EDITS = 2;
    static final int MIN_PREFIX = 1;
    static final int MIN_QUERY_LENGTH = 4;
    static final float ACCURACY = 0.6f;

    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellingSuggester() {
        checker.setMinQueryLength(MIN_QUERY_LENGTH);
        checker.setMaxEdits(MAX_EDITS);
        checker.setMinPrefix(MIN_PREFIX);
        checker.setAccuracy(ACCURACY);
    }

    /** The query with misspelt words corrected, or {@code null} when nothing needs correcting. */
    String suggest(String query, IndexReader reader) {
        return suggest(query, lower -> {
            try {
                if (reader.docFreq(new Term(IndexFields.SPELL, lower)) > 0) {
                    return Optional.empty();
                }
                SuggestWord[] best = checker.suggestSimilar(new Term(IndexFields.SPELL, lower), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                return best.length > 0 ? Optional.of(best[0].string) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The query with each word that may be misspelt replaced by its correction, or {@code null}
     * when none has one.
     *
     * @param correction for a candidate word, lower case: the word the index knows that it
     *                   should be, empty when it is known or nothing is close
     */
    static String suggest(String query, Function<String, Optional<String>> correction) {
        Matcher m = WORD.matcher(query);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int last = 0;
        while (m.find()) {
            Optional<String> better = correction.apply(m.group().toLowerCase(Locale.ROOT));
            if (better.isPresent()) {
                out.append(query, last, m.start()).append(better.get());
                last = m.end();
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        out.append(query, last, query.length());
        return out.toString();
    }

    /** The words of a query that are checked (lower case): letters only, standing alone, four or more. */
    static List<String> candidates(String query) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
