package kb.related;

import java.io.Reader;

/**
 * Texts read one after the other with a line break between them, as if joined, without joining
 * them: a term window reads a few hundred tokens of an article whose text may be long.
 */
final class JoinedReader extends Reader {

    private final String[] parts;
    private int part;
    private int at;

    JoinedReader(String... parts) {
        this.parts = parts.clone();
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length && part < parts.length) {
            String s = parts[part];
            if (at < s.length()) {
                int take = Math.min(length - n, s.length() - at);
                s.getChars(at, at + take, buffer, offset + n);
                at += take;
                n += take;
            } else {
                if (part < parts.length - 1) {
                    buffer[offset + n++] = '\n';
                }
                part++;
                at = 0;
            }
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() {
        part = parts.length;
    }
}
