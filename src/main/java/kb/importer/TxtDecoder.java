package kb.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.source.Utf8Decoder;
import kb.source.Utf8Scan;

/**
 * Decodes the bytes of a KB text file: CP-1252, or CP-437 when {@link BoxDrawingDetector} finds
 * box drawing (reported as a warning, since it is a guess). A file re-saved as UTF-8 by a newer
 * editor would read as mojibake in either ({@code CafÃ©}), so a file that is UTF-8 — a byte-order
 * mark, or non-ASCII bytes that are mostly well-formed UTF-8 ({@link Utf8Scan#mostlyUtf8()}; no
 * file of the archive is) — is decoded as UTF-8, each ill-formed sequence replaced by U+FFFD and
 * reported at its line and column. Lines may end in CRLF, LF or a lone CR. A DOS end-of-file byte
 * (0x1A) as the file's very last byte is dropped with a warning; any other control byte is kept
 * for {@link ControlCharacters} to report and escape. Thread-safe.
 */
public final class TxtDecoder {

    private static final byte DOS_EOF = 0x1A;

    private final BoxDrawingDetector boxDrawing = new BoxDrawingDetector();
    private final Utf8Decoder utf8 = new Utf8Decoder(true);

    /** Decodes {@code bytes}, the content of {@code file} (as shown in diagnostics). */
    public DecodedText decode(byte[] bytes, String file, Diagnostics diagnostics) {
        boolean eof = bytes.length > 0 && bytes[bytes.length - 1] == DOS_EOF;
        int length = eof ? bytes.length - 1 : bytes.length;
        boolean bom = length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        int from = bom ? 3 : 0;
        Utf8Scan scan = Utf8Scan.of(bytes, from, length);
        if (bom || scan.validBytes() > 0 && scan.mostlyUtf8()) {
            String text = utf8.decode(bytes, from, length, file, diagnostics);
            if (eof) {
                reportEof(endOf(text, file), diagnostics);
            }
            return new DecodedText(file, splitLines(text), DecodedText.Encoding.UTF8);
        }
        if (eof) {
            reportEof(positionOf(bytes, length, file), diagnostics);
        }
        Optional<BoxDrawingDetector.Evidence> box = boxDrawing.detect(bytes);
        if (box.isPresent()) {
            diagnostics.warning(new SourcePosition(file, box.get().line(), box.get().column()),
                    "box-drawing characters found: file decoded as CP-437, not CP-1252");
            return new DecodedText(file, splitLines(bytes, length, CodePage.CP437), DecodedText.Encoding.CP437);
        }
        return new DecodedText(file, splitLines(bytes, length, CodePage.CP1252), DecodedText.Encoding.CP1252);
    }

    /** The lines of a decoded text, split at CRLF, LF and lone CR as in {@link #splitLines(byte[], int, CodePage)}. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static List<String> splitLines(byte[] bytes, int length, CodePage codePage) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(100);
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                if (b == '\r' && i + 1 < length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                line.append(codePage.decode(b));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void reportEof(SourcePosition at, Diagnostics diagnostics) {
        diagnostics.warning(at, "DOS end-of-file mark (0x1A) at the end of the file dropped");
    }

    /** The line and column just past the end of a decoded text (columns in characters). */
    private static SourcePosition endOf(String text, String file) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new SourcePosition(file, line, column);
    }

    /** The line and column of byte {@code offset} (one byte, one column: a code page file). */
    private static SourcePosition positionOf(byte[] bytes, int offset, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, offset - lineStart + 1);
    }
}
