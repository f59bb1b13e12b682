package kb.importer;

import java.util.Locale;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Control characters in article text — below U+0020 except TAB, U+007F, and the C1 range
 * U+0080–U+009F (where CP-1252's undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D land) — are
 * written in the archive's {@code <XX>} notation ({@code <1B>}, {@code <7F>}) and reported, never
 * dropped. Stateless and thread-safe.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code c} is written as {@code <XX>}. */
    public static boolean isControl(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
    }

    /** {@code text} with each control character replaced by {@code <XX>}. */
    public static String escape(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append(notation(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reports a warning for each control character of {@code line}, at its line and column. */
    public static void report(String file, TxtLine line, Diagnostics diagnostics) {
        String text = line.text();
        for (int i = firstControl(text); i >= 0 && i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                diagnostics.warning(new SourcePosition(file, line.line(), line.columnOf(i)),
                        "control character 0x" + hex(c) + " written as " + notation(c));
            }
        }
    }

    /** {@code <1B>} for ESC. */
    public static String notation(char c) {
        return "<" + hex(c) + ">";
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%02X", (int) c);
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
