package kb.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Decodes UTF-8 that may hold ill-formed sequences: each one (as {@link Utf8Scan} counts them)
 * becomes one U+FFFD and a warning at its line and column in the decoded text, so that one stray
 * byte costs one character, never the rest of the file. The first {@value #REPORTED} in a file are
 * reported one by one, the others in one more warning. Stateless and thread-safe.
 */
public final class Utf8Decoder {

    /** Ill-formed sequences reported one by one in a file. */
    public static final int REPORTED = 10;

    private static final char REPLACEMENT = '\uFFFD';

    private final boolean loneCrEndsLine;

    /**
     * @param loneCrEndsLine whether a CR not followed by LF ends a line for the positions reported
     *                       (as in the KB text files), or only LF does (as in the source tree)
     */
    public Utf8Decoder(boolean loneCrEndsLine) {
        this.loneCrEndsLine = loneCrEndsLine;
    }

    /** The text of {@code bytes[from, to)}; ill-formed sequences are reported as in {@code file}. */
    public String decode(byte[] bytes, int from, int to, String file, Diagnostics diagnostics) {
        StringBuilder text = new StringBuilder(to - from);
        int line = 1;
        int column = 1;
        int reported = 0;
        SourcePosition firstUnreported = null;
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                text.append((char) b);
                if (b == '\n' || b == '\r' && loneCrEndsLine && (i + 1 >= to || bytes[i + 1] != '\n')) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                i++;
                continue;
            }
            int end = Utf8Scan.sequenceEnd(bytes, i, to);
            if (end > 0) {
                text.append(new String(bytes, i, end - i, StandardCharsets.UTF_8));
                i = end;
            } else {
                int bad = -end;
                SourcePosition at = new SourcePosition(file, line, column);
                if (reported < REPORTED) {
                    diagnostics.warning(at, "invalid UTF-8 (" + hex(bytes, i, bad) + ") replaced by U+FFFD");
                } else if (firstUnreported == null) {
                    firstUnreported = at;
                }
                reported++;
                text.append(REPLACEMENT);
                i = bad;
            }
            column++;
        }
        if (firstUnreported != null) {
            diagnostics.warning(firstUnreported, (reported - REPORTED)
                    + " more invalid UTF-8 sequences from here on, each replaced by U+FFFD");
        }
        return text.toString();
    }

    /** "byte 0xFF", "bytes 0xE2 0x80". */
    static String hex(byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from == 1 ? "byte" : "bytes");
        for (int i = from; i < to; i++) {
            sb.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
