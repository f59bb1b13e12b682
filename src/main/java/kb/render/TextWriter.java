package kb.render;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}: what {@link java.io.StringWriter} does without
 * its {@code StringBuffer}'s lock on every write. A template writes a page in thousands of small
 * pieces, one thread per page.
 */
final class TextWriter extends Writer {

    private final StringBuilder text;

    TextWriter(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        text.append(s, start, end);
        return this;
    }

    @Override
    public Writer append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
