package kb.search;

import java.util.function.ToIntFunction;

/**
 * How much of a query is searched: at most {@code words} words and at most {@code terms} search
 * terms. A word is a run of characters between spaces (each word of a quoted phrase counts, and a
 * filter such as {@code product:sms} is one word); its terms are what the analyzers make of it
 * ({@code HKEY_LOCAL_MACHINE\Software} is one word of several terms). A longer query is not
 * refused but cut after its last word that fits (a first word with too many terms alone is cut
 * within itself): a pasted page of text finds what its beginning finds. Every word and term
 * becomes several clauses of the Lucene query, so the limit also keeps queries below Lucene's
 * clause limit and their cost bounded.
 *
 * @param words the most words searched, at least 1
 * @param terms the most terms searched, at least 1
 */
public record QueryLimit(int words, int terms) {

    /**
     * 32 words (as web search engines have long had; a pasted error message is rarely longer)
     * and 64 terms.
     */
    public static final QueryLimit DEFAULT = new QueryLimit(32, 64);

    public QueryLimit {
        if (words < 1 || terms < 1) {
            throw new IllegalArgumentException("a query limit needs at least one word and one term");
        }
    }

    /**
     * What of a query is searched.
     *
     * @param searched      the beginning of the query that is searched (the whole query, stripped,
     *                      when it fits)
     * @param words         how many words the whole query has
     * @param wordsSearched how many of them are searched (a word cut within itself counts)
     * @param terms         how many terms the searched part has
     * @param shortened     whether some of the query is not searched
     */
    public record Cut(String searched, int words, int wordsSearched, int terms, boolean shortened) {
    }

    /**
     * Cuts {@code text} to this limit.
     *
     * @param termCount how many search terms a word makes
     */
    public Cut cut(String text, ToIntFunction<String> termCount) {
        int n = text.length();
        int words = 0;
        int wordsSearched = 0;
        int termsSearched = 0;
        int end = 0;
        boolean full = false;
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            words++;
            if (full) {
                continue;
            }
            int wordTerms = termCount.applyAsInt(text.substring(start, i));
            if (wordsSearched < this.words && termsSearched + wordTerms <= this.terms) {
                wordsSearched++;
                termsSearched += wordTerms;
                end = i;
            } else if (wordsSearched == 0) {
                // One word of too many terms: its longest beginning that fits.
                end = start + longestFit(text.substring(start, i), termCount);
                termsSearched = termCount.applyAsInt(text.substring(start, end));
                wordsSearched = 1;
                full = true;
            } else {
                full = true;
            }
        }
        String searched = text.substring(0, end).strip();
        return new Cut(searched, words, wordsSearched, termsSearched, !searched.equals(text.strip()));
    }

    /** The length of the longest beginning of {@code word} with at most {@link #terms} terms (at least 1). */
    private int longestFit(String word, ToIntFunction<String> termCount) {
        int lo = 1;
        int hi = word.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (termCount.applyAsInt(word.substring(0, mid)) <= terms) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // Not between the two halves of a surrogate pair.
        return lo < word.length() && Character.isLowSurrogate(word.charAt(lo)) && lo > 1 ? lo - 1 : lo;
    }

    /** A limit of half this one's searched words and terms, at least one of each: for a query that was still too large. */
    public QueryLimit halved(Cut cut) {
        return new QueryLimit(Math.max(1, cut.wordsSearched() / 2), Math.max(1, cut.terms() / 2));
    }
}
