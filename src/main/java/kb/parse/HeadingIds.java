package kb.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Heading ids as Jekyll's kramdown (GFM input) makes them, so that links to {@code #anchors} of
 * a Jekyll site keep working: the heading's text, lower-cased, with every character that is not a
 * word character (Ruby's {@code \p{Word}}: letters, marks, digits, connector punctuation such
 * as {@code _}), {@code -} or space removed, and spaces turned into dashes
 * ({@code "Q108492: MS-DOS 6.0 & 6.2"} becomes {@code q108492-ms-dos-60--62}). kramdown first
 * turns {@code --} and {@code ---} in plain text (not in code spans) into dashes that the rule
 * then removes: pass plain text through {@link #typographic} first. Repeated ids get {@code -1},
 * {@code -2}, ... One instance per page; not thread-safe.
 */
public final class HeadingIds {

    private final Map<String, Integer> used = new HashMap<>();

    /** The id for a heading with this text (decoded, typographic already applied), unique within the page. */
    public String next(String headingText) {
        String id = slug(headingText);
        Integer seen = used.get(id);
        if (seen == null) {
            used.put(id, 0);
            return id;
        }
        used.put(id, seen + 1);
        String unique = id + "-" + (seen + 1);
        used.putIfAbsent(unique, 0);
        return unique;
    }

    /** kramdown's typographic dashes for plain heading text: {@code ---} and {@code --} become dashes. */
    public static String typographic(String plainText) {
        return plainText.replace("---", "\u2014").replace("--", "\u2013");
    }

    /** The id for this text, without de-duplication and without typographic conversion. */
    public static String slug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == ' ' || cp == '\t') {
                sb.append('-');
            } else if (cp == '-' || isWordCharacter(cp)) {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return sb.toString();
    }

    private static boolean isWordCharacter(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.LETTER_NUMBER;
    }
}
