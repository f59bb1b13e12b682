package kb.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Decodes the bytes of a KB text file: CP-1252, or CP-437 when {@link BoxDrawingDetector} finds
 * box drawing (reported as a warning, since it is a guess). Lines may end in CRLF, LF or a lone
 * CR. A DOS end-of-file byte (0x1A) as the file's very last byte is dropped with a warning; any
 * other control byte is kept for {@link ControlCharacters} to report and escape. Thread-safe.
 */
public final class TxtDecoder {

    private static final byte DOS_EOF = 0x1A;

    private final BoxDrawingDetector boxDrawing = new BoxDrawingDetector();

    /** Decodes {@code bytes}, the content of {@code file} (as shown in diagnostics). */
    public DecodedText decode(byte[] bytes, String file, Diagnostics diagnostics) {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == DOS_EOF) {
            length--;
            diagnostics.warning(positionOf(bytes, length, file),
                    "DOS end-of-file mark (0x1A) at the end of the file dropped");
        }
        CodePage codePage = CodePage.CP1252;
        Optional<BoxDrawingDetector.Evidence> box = boxDrawing.detect(bytes);
        if (box.isPresent()) {
            codePage = CodePage.CP437;
            diagnostics.warning(new SourcePosition(file, box.get().line(), box.get().column()),
                    "box-drawing characters found: file decoded as CP-437, not CP-1252");
        }
        return new DecodedText(file, splitLines(bytes, length, codePage), codePage);
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

    /** The line and column of byte {@code offset}. */
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
