package kb.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as words: runs of letters and digits. Comparing words, not strings, makes typography
 * ({@code '} vs {@code ’}, {@code ...} vs {@code …}), markup and whitespace irrelevant.
 */
public final class Words {

    private Words() {
    }

    /** The words of a text, in order. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /**
     * Where {@code expected} stops being a subsequence of {@code actual}: the index in
     * {@code expected} of the first word that cannot be matched in order, or -1 when every word
     * is found in order (other words may stand between them in {@code actual}).
     *
     * @param matchedUpTo receives, at index 0, the position in {@code actual} after the last match
     */
    public static int firstUnmatched(List<String> expected, List<String> actual, int[] matchedUpTo) {
        int j = 0;
        for (int i = 0; i < expected.size(); i++) {
            String word = expected.get(i);
            while (j < actual.size() && !actual.get(j).equals(word)) {
                j++;
            }
            if (j == actual.size()) {
                return i;
            }
            matchedUpTo[0] = ++j;
        }
        return -1;
    }
}
