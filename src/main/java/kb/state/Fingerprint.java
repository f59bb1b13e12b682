package kb.state;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * 64-bit fingerprints of file contents and of the inputs of a page, for telling what changed
 * since the last build. Two checksums the JVM computes with CPU instructions (CRC-32C and
 * CRC-32), side by side: fast enough to fingerprint every source of a clean build, and two
 * different inputs share a fingerprint about once in 2^64 tries (no adversary is assumed: these
 * are a writer's own files).
 */
public final class Fingerprint {

    private final CRC32C high = new CRC32C();
    private final CRC32 low = new CRC32();
    private final byte[] eight = new byte[8];

    /** The fingerprint of some bytes. */
    public static long of(byte[] bytes) {
        return new Fingerprint().add(bytes).value();
    }

    /** The fingerprint of a text (its UTF-8 bytes). */
    public static long of(String text) {
        return new Fingerprint().add(text).value();
    }

    /** Adds bytes, preceded by their length, so that ("ab", "c") and ("a", "bc") differ. */
    public Fingerprint add(byte[] bytes) {
        add((long) bytes.length);
        high.update(bytes);
        low.update(bytes);
        return this;
    }

    /** Adds a text. */
    public Fingerprint add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a number. */
    public Fingerprint add(long value) {
        for (int i = 0; i < 8; i++) {
            eight[i] = (byte) (value >>> (8 * i));
        }
        high.update(eight);
        low.update(eight);
        return this;
    }

    /** The fingerprint of everything added. */
    public long value() {
        return high.getValue() << 32 | low.getValue();
    }
}
