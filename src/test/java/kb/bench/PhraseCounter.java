package kb.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the texts that hold a sequence of words: each text is normalized to its words (runs of
 * letters and digits, lower-case), and a phrase is found where its words stand consecutively.
 * Built once over all texts; a count scans only the texts holding the phrase's rarest word.
 */
final class PhraseCounter {

    private final Map<String, Integer> vocabulary = new HashMap<>();
    /** Per text, its words as vocabulary numbers, in order. */
    private final int[][] texts;
    /** Per vocabulary number, the texts holding the word, ascending, each once. */
    private final List<int[]> postings;

    PhraseCounter(List<String> texts) {
        this.texts = new int[texts.size()][];
        List<List<Integer>> lists = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            List<String> words = words(texts.get(t));
            int[] ids = new int[words.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = vocabulary.computeIfAbsent(words.get(i), w -> vocabulary.size());
                if (ids[i] == lists.size()) {
                    lists.add(new ArrayList<>());
                }
                List<Integer> list = lists.get(ids[i]);
                if (list.isEmpty() || list.get(list.size() - 1) != t) {
                    list.add(t);
                }
            }
            this.texts[t] = ids;
        }
        postings = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /** The words of a text: runs of letters and digits, lower-case. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    /** How many texts hold the phrase's words consecutively, counting no further than {@code limit}. */
    int countUpTo(String phrase, int limit) {
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            return 0;
        }
        int[] ids = new int[words.size()];
        int rarest = 0;
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocabulary.get(words.get(i));
            if (id == null) {
                return 0;
            }
            ids[i] = id;
            if (postings.get(id).length < postings.get(ids[rarest]).length) {
                rarest = i;
            }
        }
        int count = 0;
        for (int t : postings.get(ids[rarest])) {
            if (holds(texts[t], ids)) {
                count++;
                if (count >= limit) {
                    break;
                }
            }
        }
        return count;
    }

    private static boolean holds(int[] text, int[] phrase) {
        outer:
        for (int p = 0; p + phrase.length <= text.length; p++) {
            for (int k = 0; k < phrase.length; k++) {
                if (text[p + k] != phrase[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
