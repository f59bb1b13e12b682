package kb.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flexmark's inline parser with link labels ({@code [label]}) found in linear time. Flexmark
 * matches a label with the regular expression
 * {@code ^\[(?:[^\\\[\]]|\\[escapable]|\\){0,999}\]}, in which a run of backslashes can be split
 * into escapes and single backslashes in exponentially many ways: a {@code [} followed by 40
 * backslashes and no {@code ]} took minutes, by 100 for ever (found by fuzzing; the archive has
 * runs of 41 backslashes). {@link #length} finds the very match the expression finds, by the same
 * search in the same order, remembering where a search already failed.
 */
final class LinearLinkLabels extends InlineParserImpl {

    /** The most repetitions Flexmark's expression allows. */
    static final int MAX_PARTS = 999;
    private static final Pattern ESCAPABLE = Pattern.compile(Escaping.ESCAPABLE);
    private static final BitSet ASCII_ESCAPABLE = new BitSet(128);

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ESCAPABLE.set(c, ESCAPABLE.matcher(String.valueOf(c)).matches());
        }
    }

    /** Makes this parser in place of Flexmark's ({@code Parser.Builder.customInlineParserFactory}). */
    static final InlineParserFactory FACTORY = new InlineParserFactory() {
        @Override
        public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> inlineParserExtensions) {
            return new LinearLinkLabels(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                    linkRefProcessors, inlineParserExtensions);
        }
    };

    private LinearLinkLabels(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public int parseLinkLabel() {
        int length = length(input, index);
        index += length;
        return length;
    }

    /**
     * The length of the link label at {@code start} in {@code text} as Flexmark's expression
     * matches it ({@code [} to its {@code ]}), 0 when there is none.
     */
    static int length(CharSequence text, int start) {
        if (start >= text.length() || text.charAt(start) != '[') {
            return 0;
        }
        // Most labels have no backslash: one way through, no search.
        int at = start + 1;
        int limit = Math.min(text.length(), start + 1 + MAX_PARTS);
        while (at < limit && !Search.special(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && text.charAt(at) == ']') {
            return at + 1 - start;
        }
        if (at >= limit || text.charAt(at) != '\\') {
            return 0;
        }
        int end = new Search(text, start).from(start + 1, 0);
        return end < 0 ? 0 : end - start;
    }

    /**
     * The expression's backtracking search. A search from a position after some parts failed is
     * remembered: it fails again from there with as many parts or more (fewer left to use).
     */
    private static final class Search {

        private final CharSequence text;
        private final int start;
        /**
         * By position from the {@code [}: the fewest parts with which a search from there failed.
         * A match is at most twice the parts long: the search never looks further.
         */
        private final int[] failedWith;

        Search(CharSequence text, int start) {
            this.text = text;
            this.start = start;
            this.failedWith = new int[Math.min(text.length() - start, 2 * MAX_PARTS + 1) + 1];
            Arrays.fill(failedWith, Integer.MAX_VALUE);
        }

        /**
         * Where the match ends (past its {@code ]}) when the parts so far end at {@code at}, or
         * -1. In the expression's order: one more part (a plain character, an escape, a lone
         * backslash), then the closing {@code ]}.
         */
        int from(int at, int parts) {
            int end = text.length();
            // Plain characters have one way through: walk them without recursing.
            while (at < end && parts < MAX_PARTS && !special(text.charAt(at))) {
                if (parts >= failedWith[at - start]) {
                    return -1;
                }
                at++;
                parts++;
            }
            if (parts >= failedWith[at - start]) {
                return -1;
            }
            if (at < end && parts < MAX_PARTS && text.charAt(at) == '\\') {
                if (at + 1 < end && escapable(text.charAt(at + 1))) {
                    int found = from(at + 2, parts + 1);
                    if (found >= 0) {
                        return found;
                    }
                }
                int found = from(at + 1, parts + 1);
                if (found >= 0) {
                    return found;
                }
            }
            if (at < end && text.charAt(at) == ']') {
                return at + 1;
            }
            failedWith[at - start] = Math.min(failedWith[at - start], parts);
            return -1;
        }

        static boolean special(char c) {
            return c == '\\' || c == '[' || c == ']';
        }

        private static boolean escapable(char c) {
            return c < 128 ? ASCII_ESCAPABLE.get(c) : ESCAPABLE.matcher(String.valueOf(c)).matches();
        }
    }
}
