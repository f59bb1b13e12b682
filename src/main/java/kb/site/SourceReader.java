package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.source.SourceFile;

/**
 * Reads source files as UTF-8 (dropping a byte-order mark). A file that is not valid UTF-8 is
 * read as Windows-1252, which maps every byte, with a warning: nothing of it is lost.
 */
final class SourceReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A file's text and the fingerprint of its bytes. */
    record Text(String text, long digest) {
    }

    String read(SourceFile file, Diagnostics diagnostics) {
        return readWithDigest(file, diagnostics).text();
    }

    Text readWithDigest(SourceFile file, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.displayName(), e);
        }
        return new Text(decode(file, bytes, diagnostics), kb.state.Fingerprint.of(bytes));
    }

    private static String decode(SourceFile file, byte[] bytes, Diagnostics diagnostics) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            diagnostics.warning(SourcePosition.at(file.displayName(), before, before.length(), 1),
                    String.format("not valid UTF-8 (byte 0x%02X); file read as Windows-1252", bytes[bad] & 0xFF));
            text = new String(bytes, WINDOWS_1252);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            if (len == 0 || i + len > bytes.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += len - 1;
        }
        return Math.max(0, bytes.length - 1);
    }
}
