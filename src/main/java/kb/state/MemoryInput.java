package kb.state;

import java.io.InputStream;

/** The bytes of a state read whole, without ByteArrayInputStream's lock on every byte. */
final class MemoryInput extends InputStream {
    private final byte[] bytes;
    private int next;

    MemoryInput(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        return next < bytes.length ? bytes[next++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (next >= bytes.length) {
            return -1;
        }
        int n = Math.min(len, bytes.length - next);
        System.arraycopy(bytes, next, b, off, n);
        next += n;
        return n;
    }

    @Override
    public int available() {
        return bytes.length - next;
    }
}
