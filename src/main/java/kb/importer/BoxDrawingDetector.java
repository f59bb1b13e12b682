package kb.importer;

import java.util.Optional;

/**
 * Recognises the CP-437 box drawing some of the oldest KB text files use. In CP-1252 the same
 * bytes are Latin letters ({@code 0xC4} Ä, {@code 0xCD} Í, {@code 0xB3} ³, {@code 0xDA} Ú), which
 * never form lines, so a file is taken for CP-437 when it holds
 * <ul>
 *   <li>a horizontal line: three or more adjacent bytes of the box range {@code 0xB3–0xDA} of which
 *       at least two are the line bytes {@code 0xC4} (─) or {@code 0xCD} (═); or</li>
 *   <li>box sides and corners: at least two lines with a free-standing vertical bar {@code 0xB3}
 *       (│) or {@code 0xBA} (║) — next to spaces, other box bytes or the line's ends, never
 *       letters or digits — and at least one free-standing corner byte ({@code 0xC0–0xDA} range
 *       corners such as ┌ ┐ └ ┘ ╔ ╗ ╚ ╝).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class BoxDrawingDetector {

    private static final int MIN_RUN = 3;

    /**
     * Where the evidence for CP-437 box drawing starts in {@code bytes}, or empty when the file
     * shows none.
     */
    public Optional<Evidence> detect(byte[] bytes) {
        int line = 1;
        int lineStart = 0;
        int barLines = 0;
        int lastBarLine = 0;
        boolean corner = false;
        Evidence firstBar = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n' || b == '\r') {
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
                continue;
            }
            if (!isBox(b)) {
                continue;
            }
            int end = i;
            int lineBytes = 0;
            while (end < bytes.length && isBox(bytes[end] & 0xFF)) {
                int c = bytes[end] & 0xFF;
                if (c == 0xC4 || c == 0xCD) {
                    lineBytes++;
                }
                end++;
            }
            Evidence here = new Evidence(line, i - lineStart + 1);
            if (end - i >= MIN_RUN && lineBytes >= 2) {
                return Optional.of(here);
            }
            boolean freeStanding = !isWordByte(bytes, i - 1) && !isWordByte(bytes, end);
            if (freeStanding) {
                for (int k = i; k < end; k++) {
                    int c = bytes[k] & 0xFF;
                    if ((c == 0xB3 || c == 0xBA) && lastBarLine != line) {
                        barLines++;
                        lastBarLine = line;
                        if (firstBar == null) {
                            firstBar = here;
                        }
                    }
                    corner |= isCorner(c);
                }
            }
            i = end - 1;
        }
        return barLines >= 2 && corner ? Optional.of(firstBar) : Optional.empty();
    }

    /** The CP-437 single and double line box-drawing bytes. */
    private static boolean isBox(int b) {
        return b >= 0xB3 && b <= 0xDA;
    }

    private static boolean isCorner(int b) {
        return switch (b) {
            case 0xBF, 0xC0, 0xD9, 0xDA, 0xBB, 0xBC, 0xC8, 0xC9, 0xB7, 0xB8, 0xBD, 0xBE, 0xD3, 0xD4,
                    0xD5, 0xD6 -> true;
            default -> false;
        };
    }

    /** Whether the byte at {@code at} is a letter or digit (ASCII or high), i.e. part of a word. */
    private static boolean isWordByte(byte[] bytes, int at) {
        if (at < 0 || at >= bytes.length) {
            return false;
        }
        int b = bytes[at] & 0xFF;
        return Character.isLetterOrDigit(b) || b >= 0x80 && !isBox(b);
    }

    /**
     * Where the evidence was found.
     *
     * @param line   1-based line
     * @param column 1-based column (byte) in that line
     */
    public record Evidence(int line, int column) {
    }
}
