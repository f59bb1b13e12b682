package kb.bench;

import java.util.Random;

/** Seeded misspellings: one letter dropped, or two adjacent (different) letters swapped. */
final class Typos {

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
}
