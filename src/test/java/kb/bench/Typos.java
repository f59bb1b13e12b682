package kb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded misspellings. {@link #misspell} (the published "typo" kind): one letter dropped, or two
 * adjacent (different) letters swapped. {@link #slip} (the "typo any shape" kind): one slip of
 * any {@link Slip} shape at any letter of the word, also inside identifiers and file names.
 */
final class Typos {

    /** The shapes of one slip. */
    enum Slip { DROPPED, DOUBLED, INSERTED, SUBSTITUTED, SWAPPED }

    /** The QWERTY keyboard neighbours of each lower-case letter (same row and the rows above and below). */
    static final Map<Character, String> NEIGHBOURS = Map.ofEntries(
            Map.entry('q', "wa"), Map.entry('w', "qeas"), Map.entry('e', "wrsd"), Map.entry('r', "etdf"),
            Map.entry('t', "ryfg"), Map.entry('y', "tugh"), Map.entry('u', "yihj"), Map.entry('i', "uojk"),
            Map.entry('o', "ipkl"), Map.entry('p', "ol"), Map.entry('a', "qwsz"), Map.entry('s', "weadzx"),
            Map.entry('d', "ersfxc"), Map.entry('f', "rtdgcv"), Map.entry('g', "tyfhvb"), Map.entry('h', "yugjbn"),
            Map.entry('j', "uihknm"), Map.entry('k', "iojlm"), Map.entry('l', "opk"), Map.entry('z', "asx"),
            Map.entry('x', "zsdc"), Map.entry('c', "xdfv"), Map.entry('v', "cfgb"), Map.entry('b', "vghn"),
            Map.entry('n', "bhjm"), Map.entry('m', "njk"));

    private Typos() {
    }

    /** Whether a typo in the word makes a fair test: at least 4 characters, letters only. */
    static boolean typeable(String word) {
        return word.length() >= 4 && word.codePoints().allMatch(Character::isLetter);
    }

    /** The word with one typo, at a seeded position of any letter; never the word itself. */
    static String misspell(String word, Random random) {
        boolean swap = random.nextBoolean();
        if (swap) {
            int i = random.nextInt(word.length() - 1);
            for (int k = 0; k < word.length() - 1; k++) {
                int p = (i + k) % (word.length() - 1);
                if (lower(word.charAt(p)) != lower(word.charAt(p + 1))) {
                    return word.substring(0, p) + word.charAt(p + 1) + word.charAt(p) + word.substring(p + 2);
                }
            }
        }
        int i = random.nextInt(word.length());
        return word.substring(0, i) + word.substring(i + 1);
    }

    private static char lower(char c) {
        return Character.toLowerCase(c);
    }

    /** Whether a word can take a slip of any shape: at least 4 characters, at least 2 of them letters. */
    static boolean slippable(String word) {
        return word.length() >= 4 && word.chars().filter(Character::isLetter).count() >= 2;
    }

    /**
     * The word with one slip, never the word itself: a seeded shape at a seeded letter (any letter,
     * the first and second included; digits and punctuation are kept). A dropped or doubled
     * letter; a keyboard neighbour of the letter inserted after it or substituted for it (in the
     * letter's case); or the letter swapped with the next character when that is a different
     * letter. A shape the letter cannot take (no neighbours outside a-z, no different next letter)
     * falls back to a dropped letter.
     */
    static String slip(String word, Random random) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                letters.add(i);
            }
        }
        Slip shape = Slip.values()[random.nextInt(Slip.values().length)];
        int i = letters.get(random.nextInt(letters.size()));
        char c = word.charAt(i);
        String near = NEIGHBOURS.getOrDefault(lower(c), "");
        String head = word.substring(0, i);
        String tail = word.substring(i + 1);
        switch (shape) {
            case DOUBLED:
                return head + c + c + tail;
            case INSERTED:
                if (!near.isEmpty()) {
                    return head + c + inCaseOf(c, near.charAt(random.nextInt(near.length()))) + tail;
                }
                break;
            case SUBSTITUTED:
                if (!near.isEmpty()) {
                    return head + inCaseOf(c, near.charAt(random.nextInt(near.length()))) + tail;
                }
                break;
            case SWAPPED:
                if (!tail.isEmpty() && Character.isLetter(tail.charAt(0)) && lower(tail.charAt(0)) != lower(c)) {
                    return head + tail.charAt(0) + c + tail.substring(1);
                }
                break;
            default:
                break;
        }
        return head + tail;
    }

    private static char inCaseOf(char model, char letter) {
        return Character.isUpperCase(model) ? Character.toUpperCase(letter) : letter;
    }
}
