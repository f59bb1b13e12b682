package kb.state;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffer without a lock: BufferedOutputStream takes one for every byte, and a state is
 * written a byte or a few at a time (tens of millions of calls for 60,000 articles).
 */
final class WriteBuffer extends OutputStream {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    WriteBuffer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - used) {
            drain();
        }
        if (len > buffer.length) {
            // In pieces: a file channel copies each write through a native buffer of its size,
            // whose pages then stay in the process (a part of a state is megabytes).
            for (int at = off, end = off + len; at < end; at += buffer.length) {
                out.write(b, at, Math.min(buffer.length, end - at));
            }
        } else {
            System.arraycopy(b, off, buffer, used, len);
            used += len;
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }
}
