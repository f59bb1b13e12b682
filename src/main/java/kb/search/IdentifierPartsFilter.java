package kb.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Adds the parts of identifier-like tokens: {@code MENU.COM} is kept whole, spanning as many
 * positions as it has parts, and is followed by {@code MENU} (same position) and {@code COM}
 * (next position), all with the whole token's offsets and type. Only tokens that start with a
 * letter, contain {@code .}, {@code _} or {@code \} and no apostrophe are split; versions
 * ({@code 2.0}, {@code 6.0a}) and words ({@code isn't}) stay whole, as every other token, which
 * passes through untouched.
 *
 * <p>The output is exactly what {@code WordDelimiterGraphFilter(GENERATE_WORD_PARTS |
 * GENERATE_NUMBER_PARTS | PRESERVE_ORIGINAL)} inside a {@code ConditionalTokenFilter}, followed
 * by {@code FlattenGraphFilter}, gives for {@code StandardTokenizer} tokens (pinned by
 * {@code IdentifierPartsFilterTest}): with those flags a part is a maximal run of characters
 * that are not word delimiters by Lucene's own table, and the graph is already flat. That chain
 * captured and cloned the attribute state of every token, and buffered every token in
 * {@code FlattenGraphFilter}'s rolling graph, a large share of the index build's analysis time;
 * this filter keeps no per-token state and copies only the term of the tokens it splits.
 *
 * <p>The part tokens rewrite every attribute a filter of {@link EnglishTextAnalyzer}'s chain
 * changes (term, increment, length, offsets, type); a later filter that changed another one
 * (flags, payload, keyword) would need the whole state restored instead.
 */
final class IdentifierPartsFilter extends TokenFilter {

    /**
     * Lucene's character classes for chars below 256, the others via {@code getType}: the very
     * classes the replaced filter split by. The class is marked internal to Lucene; the
     * equivalence test runs the replaced chain on the same Lucene, so an upgrade that changed
     * them would fail there rather than pass unnoticed.
     */
    private static final byte[] LATIN1_TYPES = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    /** The identifier being split: its text and its parts as {@code [start, end)} pairs. */
    private char[] text = new char[32];
    private int[] bounds = new int[16];
    private int parts;
    private int nextPart;
    private int startOffset;
    private int endOffset;
    private String tokenType;

    IdentifierPartsFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (nextPart < parts) {
            emitPart(nextPart++);
            return true;
        }
        parts = 0;
        nextPart = 0;
        if (!input.incrementToken()) {
            return false;
        }
        if (isIdentifier()) {
            split();
        }
        return true;
    }

    /**
     * Whether the current token is split: it starts with a letter (so {@code 6.0a} stays whole
     * and the token has a letter), has a joint ({@code .}, {@code _} or {@code \}) and no
     * apostrophe ({@code isn't}, {@code o'neil.txt} stay whole). The joints are looked for
     * first: most tokens are plain words, and a char comparison is cheaper than
     * {@code isLetter}.
     */
    private boolean isIdentifier() {
        char[] buffer = term.buffer();
        int length = term.length();
        boolean joint = false;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c == '.' || c == '_' || c == '\\') {
                joint = true;
            } else if (c == '\'') {
                return false;
            }
        }
        return joint && Character.isLetter(buffer[0]);
    }

    /**
     * Records the parts of the current token and turns it into the whole token, which spans one
     * position per part. A part is a maximal run of non-delimiters in the sense of
     * {@link WordDelimiterIterator}: with case-change and letter-digit splitting off, that is its
     * only rule ({@code Win32.dll} gives {@code Win32}, {@code dll}; a soft hyphen or {@code ’}
     * inside the token splits as well). The joint that made the token an identifier is a
     * delimiter, so there are parts besides the whole, at least one since it has a letter.
     */
    private void split() {
        int length = term.length();
        if (text.length < length) {
            text = new char[ArrayUtil.oversize(length, Character.BYTES)];
        }
        System.arraycopy(term.buffer(), 0, text, 0, length);
        int count = 0;
        int i = 0;
        while (i < length) {
            while (i < length && isDelimiter(text[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            int start = i;
            while (i < length && !isDelimiter(text[i])) {
                i++;
            }
            if (bounds.length < 2 * count + 2) {
                bounds = ArrayUtil.grow(bounds, 2 * count + 2);
            }
            bounds[2 * count] = start;
            bounds[2 * count + 1] = i;
            count++;
        }
        parts = count;
        startOffset = offset.startOffset();
        endOffset = offset.endOffset();
        tokenType = type.type();
        // The whole token keeps its increment and ends where the last part ends.
        posLen.setPositionLength(count);
    }

    /** The first part sits at the whole token's position, each next one a position further. */
    private void emitPart(int part) {
        int start = bounds[2 * part];
        term.copyBuffer(text, start, bounds[2 * part + 1] - start);
        posInc.setPositionIncrement(part == 0 ? 0 : 1);
        posLen.setPositionLength(1);
        offset.setOffset(startOffset, endOffset);
        type.setType(tokenType);
    }

    private static boolean isDelimiter(char c) {
        int charType = c < LATIN1_TYPES.length ? LATIN1_TYPES[c] : WordDelimiterIterator.getType(c);
        return (charType & WordDelimiterIterator.ALPHANUM) == 0;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts = 0;
        nextPart = 0;
    }
}
