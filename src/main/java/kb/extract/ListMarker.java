package kb.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list marker at the start of a line: {@code - }, {@code * }, {@code o }, {@code · },
 * {@code 1. }, {@code 1) }, {@code a. }, {@code A. }, {@code (a) }.
 *
 * @param marker     the marker as written ({@code 12.})
 * @param family     markers that continue the same list: {@code -}, {@code *}, {@code o},
 *                   {@code ·}, {@code 1.}, {@code 1)}, {@code a.}, {@code a)}, {@code A.},
 *                   {@code A)}, {@code (a)}, {@code (1)}
 * @param number     the item's number for ordered markers (a=1, b=2, ...), else 0
 * @param indent     the marker's column
 * @param textColumn the column where the item's text starts
 * @param text       the item's text on the marker line
 */
record ListMarker(String marker, String family, int number, int indent, int textColumn, String text) {

    static final Pattern MARKER = Pattern.compile(
            "^( *)(?:([-*o\u00B7])|(\\d{1,3})([.)])|([a-z])([.)])|([A-Z])([.)])|\\((\\d{1,2}|[a-z])\\))( +)(\\S.*)$");

    /**
     * What {@link #MARKER} needs after the indent: a bullet and a space, a letter and {@code .}
     * or {@code )}, a digit or {@code (}. Most lines are prose: they need no match.
     */
    static boolean mayStartItem(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        char next = text.charAt(i + 1);
        if (c >= '0' && c <= '9' || c == '(') {
            return true;
        }
        boolean bullet = c == '-' || c == '*' || c == 'o' || c == '\u00B7';
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        return bullet && next == ' ' || letter && (next == '.' || next == ')');
    }

    static Optional<ListMarker> of(Line line) {
        String text = line.text();
        if (text.isEmpty() || !mayStartItem(text)) {
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int indent = m.group(1).length();
        String marker;
        String family;
        int number = 0;
        if (m.group(2) != null) {
            marker = m.group(2);
            family = marker;
        } else if (m.group(3) != null) {
            marker = m.group(3) + m.group(4);
            family = "1" + m.group(4);
            number = Integer.parseInt(m.group(3));
        } else if (m.group(5) != null) {
            marker = m.group(5) + m.group(6);
            family = "a" + m.group(6);
            number = m.group(5).charAt(0) - 'a' + 1;
        } else if (m.group(7) != null) {
            marker = m.group(7) + m.group(8);
            family = "A" + m.group(8);
            number = m.group(7).charAt(0) - 'A' + 1;
        } else {
            String inner = m.group(9);
            marker = "(" + inner + ")";
            boolean digits = Character.isDigit(inner.charAt(0));
            family = digits ? "(1)" : "(a)";
            number = digits ? Integer.parseInt(inner) : inner.charAt(0) - 'a' + 1;
        }
        // "A. " or "I. " starting a sentence is rare but "a. " in prose is not a concern;
        // a letter marker must be followed by a capital or digit to count.
        String itemText = m.group(11);
        if ((m.group(5) != null || m.group(7) != null) && !Character.isUpperCase(itemText.charAt(0))
                && !Character.isDigit(itemText.charAt(0)) && itemText.charAt(0) != '"') {
            return Optional.empty();
        }
        int textColumn = indent + marker.length() + m.group(10).length();
        return Optional.of(new ListMarker(marker, family, number, indent, textColumn, itemText));
    }

    boolean ordered() {
        return number > 0;
    }
}
