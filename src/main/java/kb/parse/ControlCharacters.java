package kb.parse;

import java.util.Locale;
import kb.diag.CodePoints;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Finds control characters in a page's text and writes each as {@code <XX>}, its code in
 * hexadecimal, with a warning at its line and column. They have no place in HTML (a browser shows
 * nothing, or a box, and an XML reader of the page or the feed stops at them), and they are
 * usually a stray byte from an old conversion; {@code <XX>} is how the archive's own converter
 * and {@code kb import} write them, so nothing is lost and the reader sees where one was.
 *
 * <p>Control characters are C0 ({@code U+0000}–{@code U+001F}) but tab, line feed and carriage
 * return, {@code U+007F} (DEL) and C1 ({@code U+0080}–{@code U+009F}, usually a Windows-1252
 * byte read as Latin-1). Stateless and thread-safe.
 */
public final class ControlCharacters {

    /** How many lines with control characters a file gets a warning for; then one for the rest. */
    static final int MAX_WARNINGS = 10;

    private ControlCharacters() {
    }

    /** Whether {@code c} is a control character that must not reach a page. */
    public static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
    }

    /**
     * The text with each control character written as {@code <XX>}; one warning per line that
     * has any (at the first), at most {@link #MAX_WARNINGS} and then one more for the rest.
     *
     * @param text      a page's text
     * @param file      the file, as diagnostics show it
     * @param firstLine the line of the file where {@code text} starts
     */
    public static String replace(String text, String file, int firstLine, Diagnostics diagnostics) {
        int first = firstControl(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int line = firstLine;
        int lineStart = 0;
        int warnedLine = -1;
        int warnings = 0;
        int unreported = 0;
        SourcePosition firstUnreported = null;
        int copied = 0;
        for (int i = first; i >= 0; i = firstControl(text, i + 1)) {
            for (int k = copied; k < i; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
            out.append(text, copied, i);
            char c = text.charAt(i);
            String written = String.format(Locale.ROOT, "<%02X>", (int) c);
            out.append(written);
            copied = i + 1;
            if (line != warnedLine) {
                warnedLine = line;
                SourcePosition at = new SourcePosition(file, line, i - lineStart + 1);
                if (warnings < MAX_WARNINGS) {
                    warnings++;
                    diagnostics.warning(at, "control character " + CodePoints.describe(c) + " replaced by '" + written
                            + "'");
                } else if (unreported++ == 0) {
                    firstUnreported = at;
                }
            }
        }
        out.append(text, copied, text.length());
        if (unreported > 0) {
            diagnostics.warning(firstUnreported, String.format(Locale.ROOT,
                    "control characters on %d more lines from here replaced by <XX>", unreported));
        }
        return out.toString();
    }

    private static int firstControl(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
