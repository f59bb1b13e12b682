package kb.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * The two single-byte code pages KB text files come in. Each byte decodes to exactly one
 * character, so a byte's column in a line is its character's column. Control bytes (below 0x20,
 * 0x7F) and the bytes CP-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the
 * control character of the same number, so that they can be reported and written as {@code <XX>}
 * later instead of being lost. Immutable and thread-safe.
 */
public enum CodePage {
    /** Windows Western (CP-1252), the code page of almost every file. */
    CP1252("windows-1252", "CP-1252"),
    /** The IBM PC code page (CP-437), used by some of the oldest files for box drawing. */
    CP437("IBM437", "CP-437");

    private final char[] table;
    private final String label;

    CodePage(String charsetName, String label) {
        this.table = buildTable(Charset.forName(charsetName));
        this.label = label;
    }

    /** The name used in messages ({@code CP-1252}, {@code CP-437}). */
    public String label() {
        return label;
    }

    /** The character for one byte. */
    public char decode(byte b) {
        return table[b & 0xFF];
    }

    private static char[] buildTable(Charset charset) {
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            table[b] = (b < 0x20 || b == 0x7F) ? (char) b : decodeOne(charset, b);
        }
        return table;
    }

    /** The byte's character in the charset, or the C1 control of the same number if undefined. */
    private static char decodeOne(Charset charset, int b) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            char c = chars.length() == 1 ? chars.charAt(0) : (char) b;
            return c == '\uFFFD' ? (char) b : c;
        } catch (CharacterCodingException e) {
            return (char) b;
        }
    }
}
