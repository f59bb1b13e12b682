package kb.importer;

import java.util.List;
import java.util.Objects;

/**
 * A KB text file decoded to Unicode. Line ends are gone: {@link #lines()} holds line 1 of the file
 * at index 0, and each character sits at the column its byte had (one byte, one character).
 *
 * @param file     the file as shown in diagnostics
 * @param lines    the file's lines without their line ends
 * @param codePage the code page the bytes were decoded with
 */
public record DecodedText(String file, List<String> lines, CodePage codePage) {

    public DecodedText {
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
        Objects.requireNonNull(codePage, "codePage");
    }
}
