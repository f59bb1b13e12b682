package kb.diag;

import java.util.Objects;

/**
 * A place in a source file: a path as the user should see it, and 1-based line and column.
 *
 * @param file   the file as shown to the user (relative to the working directory when possible)
 * @param line   1-based line, or 0 when the whole file is meant
 * @param column 1-based column, or 0 when the whole line is meant
 */
public record SourcePosition(String file, int line, int column) {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative line or column: " + line + ":" + column);
        }
    }

    /** A position naming a whole file. */
    public static SourcePosition of(String file) {
        return new SourcePosition(file, 1, 1);
    }

    /** The position of a character offset in a text, counting lines from {@code firstLine}. */
    public static SourcePosition at(String file, CharSequence text, int offset, int firstLine) {
        int line = firstLine;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, end - lineStart + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
