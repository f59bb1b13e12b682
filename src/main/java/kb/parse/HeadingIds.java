package kb.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Heading ids as Jekyll's kramdown (GFM input) makes them, so that links to {@code #anchors} of
 * a Jekyll site keep working: the heading's text after typographic conversion, lower-cased, with
 * every character that is not a letter, digit, {@code _}, {@code -} or space removed, and spaces
 * turned into dashes ({@code "Q108492: MS-DOS 6.0 & 6.2"} becomes {@code q108492-ms-dos-60--62}).
 * kramdown turns {@code --} and {@code ---} into dashes that the rule then removes, so they go too.
 * Repeated ids get {@code -1}, {@code -2}, ... One instance per page; not thread-safe.
 */
public final class HeadingIds {

    private final Map<String, Integer> used = new HashMap<>();

    /** The id for a heading with this (decoded) text, unique within the page. */
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

    /** The id for this text, without de-duplication. */
    public static String slug(String text) {
        String typographic = text.replace("---", "\u2014").replace("--", "\u2013");
        StringBuilder sb = new StringBuilder(typographic.length());
        typographic.codePoints().forEach(cp -> {
            if (cp == ' ' || cp == '\t') {
                sb.append('-');
            } else if (cp == '-' || cp == '_' || Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK) {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return sb.toString();
    }
}
