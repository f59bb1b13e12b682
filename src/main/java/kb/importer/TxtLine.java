package kb.importer;

import java.util.Objects;

/**
 * A piece of a text file's line: its text and where that text starts in the file, so that a
 * character at index {@code i} of {@link #text()} is at column {@code column() + i}.
 *
 * @param line   1-based line in the file
 * @param column 1-based column of the text's first character
 * @param text   the text (decoded, control characters still in it)
 */
public record TxtLine(int line, int column, String text) {

    public TxtLine {
        Objects.requireNonNull(text, "text");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The column of the character at {@code index} of the text. */
    public int columnOf(int index) {
        return column + index;
    }
}
