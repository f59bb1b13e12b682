package kb.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The words of article titles, for query generation: product prefixes ({@code SMS:},
 * {@code OFF97:}) dropped, English stopwords (Lucene's {@link EnglishAnalyzer} set) left out,
 * and each word's document frequency over all titles, to find a title's rarest words.
 */
final class TitleWords {

    /** Any leading all-caps-or-digits token followed by ':' ({@code SMS:}, {@code OFF97:}, {@code PRB:}). */
    private static final Pattern PREFIX = Pattern.compile("^[A-Z0-9][A-Z0-9._/&-]*:\\s+");
    private static final Pattern EDGE = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final CharArraySet STOPWORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final Map<String, Integer> documentFrequency = new HashMap<>();

    /** Counts the words of every title given. */
    TitleWords(List<BenchArticle> articles) {
        for (BenchArticle a : articles) {
            Set<String> distinct = new LinkedHashSet<>();
            words(a.title()).forEach(w -> distinct.add(key(w)));
            distinct.forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
    }

    /** The title without its product prefixes: {@code PRB: SMS: Upgrade ...} -> {@code Upgrade ...}. */
    static String withoutPrefix(String title) {
        String t = title.strip();
        String cut = PREFIX.matcher(t).replaceFirst("");
        while (!cut.equals(t)) {
            t = cut;
            cut = PREFIX.matcher(t).replaceFirst("");
        }
        return t;
    }

    /**
     * The title's distinct words in title order, as written: prefix dropped, punctuation trimmed
     * from both ends of each whitespace-separated token, stopwords and punctuation-only tokens left out.
     */
    static List<String> words(String title) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String token : withoutPrefix(title).split("\\s+")) {
            String word = EDGE.matcher(token).replaceAll("");
            if (word.isEmpty() || STOPWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (seen.add(key(word))) {
                out.add(word);
            }
        }
        return out;
    }

    /** How many titles hold the word (case-insensitive). */
    int frequency(String word) {
        return documentFrequency.getOrDefault(key(word), 0);
    }

    /** The title's words from rarest to most frequent; ties keep title order. */
    List<String> rarestFirst(String title) {
        List<String> words = new ArrayList<>(words(title));
        words.sort(Comparator.comparingInt(this::frequency));
        return words;
    }

    /** {@code words} in the order they appear in {@code title}'s word list. */
    static List<String> inTitleOrder(String title, List<String> words) {
        List<String> all = words(title);
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(all::indexOf));
        return sorted;
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
