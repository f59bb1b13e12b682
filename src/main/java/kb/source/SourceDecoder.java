package kb.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Decodes the bytes of a source file, as Jekyll expects them, in UTF-8; a byte-order mark is
 * dropped. Bad bytes never garble the rest of the file:
 * <ul>
 *   <li>a file that is UTF-8 apart from a few ill-formed sequences ({@link Utf8Scan#mostlyUtf8()},
 *       or any file with a UTF-8 byte-order mark) is decoded as UTF-8, each ill-formed sequence
 *       replaced by U+FFFD and reported as a warning at its line and column;</li>
 *   <li>a file that is not UTF-8 at all (most of its non-ASCII bytes ill-formed, as in a file
 *       saved in Windows-1252) is read as Windows-1252, which maps every byte, with one warning at
 *       its first ill-formed byte.</li>
 * </ul>
 * Both are warnings, not errors: the page is built (with the replacement characters in sight) and
 * every changed byte is reported where an author can fix it; {@code kb build --strict} makes them
 * errors. Stateless and thread-safe.
 */
public final class SourceDecoder {

    /**
     * Windows-1252, one character per byte; the five bytes it leaves undefined (0x81, 0x8D, 0x8F,
     * 0x90, 0x9D) become the C1 controls of the same number, as Windows reads them, not U+FFFD.
     */
    private static final char[] WINDOWS_1252 = windows1252Table();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Utf8Decoder lenient = new Utf8Decoder(false);

    /** The text of {@code bytes}, the content of {@code file} (as shown in diagnostics). */
    public String decode(byte[] bytes, String file, Diagnostics diagnostics) {
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        int from = bom ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            // Not well-formed: decided below, on counts (the common case above stays the JDK's fast path).
        }
        Utf8Scan scan = Utf8Scan.of(bytes, from, bytes.length);
        if (bom || scan.mostlyUtf8()) {
            return lenient.decode(bytes, from, bytes.length, file, diagnostics);
        }
        String text = windows1252(bytes);
        int bad = scan.firstInvalid();
        diagnostics.warning(SourcePosition.at(file, text, bad, 1), String.format(Locale.ROOT,
                "not UTF-8 (%d of %d non-ASCII bytes are not UTF-8, the first 0x%02X): file read as Windows-1252",
                scan.invalidBytes(), scan.invalidBytes() + scan.validBytes(), bytes[bad] & 0xFF));
        return text;
    }

    private static String windows1252(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = WINDOWS_1252[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    private static char[] windows1252Table() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        char[] table = new String(all, Charset.forName("windows-1252")).toCharArray();
        for (int b = 0; b < 256; b++) {
            if (table[b] == '\uFFFD') {
                table[b] = (char) b;
            }
        }
        return table;
    }
}
