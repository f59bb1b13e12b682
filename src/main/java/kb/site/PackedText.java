package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.util.BytesRef;

/**
 * A text kept compressed (LZ4, as Lucene stores fields): the content of every article page waits
 * between its extraction and its layout while the rest of the site is read, and the HTML of 60,000
 * articles takes a third of the memory this way, for a few hundred milliseconds of CPU.
 */
record PackedText(byte[] packed, int length) implements PageText {

    /** A compressor per thread: each keeps a hash table it reuses. */
    private static final ThreadLocal<Compressor> COMPRESSORS =
            ThreadLocal.withInitial(CompressionMode.FAST::newCompressor);

    static PackedText of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(Math.max(64, utf8.length / 2));
        try {
            COMPRESSORS.get().compress(bufferOf(utf8), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory buffers do not throw
        }
        return new PackedText(out.toArrayCopy(), utf8.length);
    }

    private static org.apache.lucene.store.ByteBuffersDataInput bufferOf(byte[] bytes) {
        return new org.apache.lucene.store.ByteBuffersDataInput(java.util.List.of(java.nio.ByteBuffer.wrap(bytes)));
    }

    @Override
    public String text() {
        BytesRef utf8 = new BytesRef();
        try {
            CompressionMode.FAST.newDecompressor().decompress(new ByteArrayDataInput(packed), length, 0, length, utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(utf8.bytes, utf8.offset, utf8.length, StandardCharsets.UTF_8);
    }
}
