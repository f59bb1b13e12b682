package kb.importer;

import java.util.List;
import java.util.Objects;

/**
 * A KB text file decoded to Unicode. Line ends are gone: {@link #lines()} holds line 1 of the file
 * at index 0, and each character sits at its column (in a code page file, the column its byte
 * had: one byte, one character).
 *
 * @param file     the file as shown in diagnostics
 * @param lines    the file's lines without their line ends
 * @param encoding how the bytes were decoded
 */
public record DecodedText(String file, List<String> lines, Encoding encoding) {

    public DecodedText {
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
        Objects.requireNonNull(encoding, "encoding");
    }

    /** How a KB text file was decoded. */
    public enum Encoding {
        /** {@link CodePage#CP1252}, the code page of almost every file. */
        CP1252,
        /** {@link CodePage#CP437}, for the box drawing of some of the oldest files. */
        CP437,
        /** UTF-8: a file saved by a newer editor; never a file of the archive. */
        UTF8
    }
}
