package kb.parse;

import java.util.regex.Matcher;

/**
 * {@link Matcher#find(int)} for patterns each match of which starts with one given character
 * (Liquid's {@code {%}, {@code {{}): the text is searched for that character with
 * {@code indexOf}, and the pattern tried only there. {@code java.util.regex} tries every position
 * of a long text in turn, where most of an article's ten thousand characters cannot start a match.
 */
public final class FirstCharFind {

    private FirstCharFind() {
    }

    /**
     * Finds the first match at or after {@code from}, as {@code matcher.find(from)} would, for a
     * pattern without anchors, lookbehinds or boundaries whose every match starts with
     * {@code first}. On success the matcher's {@code start}, {@code end} and groups describe the
     * match.
     */
    public static boolean find(Matcher matcher, String text, char first, int from) {
        for (int at = text.indexOf(first, from); at >= 0; at = text.indexOf(first, at + 1)) {
            matcher.region(at, text.length());
            if (matcher.lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
