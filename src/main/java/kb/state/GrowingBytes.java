package kb.state;

import java.io.OutputStream;
import java.util.Arrays;

/** A growable array of bytes, without ByteArrayOutputStream's lock on every byte. */
final class GrowingBytes extends OutputStream {
    private byte[] array = new byte[1 << 12];
    private int size;

    @Override
    public void write(int b) {
        grow(1);
        array[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        grow(len);
        System.arraycopy(b, off, array, size, len);
        size += len;
    }

    private void grow(int more) {
        if (size + more > array.length) {
            array = Arrays.copyOf(array, Math.max(array.length * 2, size + more));
        }
    }

    byte[] array() {
        return array;
    }

    int size() {
        return size;
    }
}
