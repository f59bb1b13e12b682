package kb.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import kb.related.TermWindow;
import kb.source.SourceFolders;

/**
 * Reads and writes a {@link BuildState} as one binary file: a header (format, kb build), the
 * records, and a checksum of everything before it, so that a file cut short or damaged is
 * recognised and ignored rather than half believed. Written to a temporary file and moved into
 * place, so that a build stopped while writing leaves the previous state or none.
 */
public final class StateFile {

    private static final String MAGIC = "kb-build-state";
    /** Bumped whenever the layout of the file changes. */
    private static final int FORMAT = 6;

    private final Path file;
    /**
     * How the state this file gave last was encoded ({@link #read}), for the next {@link #write}
     * to copy the bytes of the records it keeps unchanged rather than encode them again: after an
     * edit, nearly all of a big site's records. Null before a read, or once written.
     */
    private volatile Encoding lastRead;

    /**
     * The bytes of a state as read, its terms' dictionary (of which the first {@code freshTerms}
     * were written by the last fresh write, the rest appended since), and where each of its records lies in
     * those bytes (offset and length, by the record's identity: a build keeps the very records it
     * was given for what it did not change).
     */
    private record Encoding(byte[] bytes, String[] dictionary, int freshTerms, IdentityHashMap<Object, Long> slices) {

        /** The bytes of {@code record} as read, as offset and length, or null when it is not one read. */
        Long slice(Object record) {
            return slices.get(record);
        }
    }

    /** The state file of a build writing into {@code dest}: {@code .kb-state/<dest name>.bin} beside it. */
    public static StateFile beside(Path dest) {
        Path out = dest.toAbsolutePath().normalize();
        Path parent = out.getParent() == null ? out : out.getParent();
        String name = out.getFileName() == null ? "site" : out.getFileName().toString();
        return new StateFile(parent.resolve(FOLDER).resolve(name + ".bin"));
    }

    /** The folder that holds build states, beside the output folder. */
    public static final String FOLDER = ".kb-state";

    public StateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * The kb build running now: its jar's name, size and time (a rebuilt jar may render
     * differently, so its state is not trusted), or the class folder it runs from.
     */
    public static String kbVersion() {
        try {
            Path code = Path.of(StateFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code.getFileName() + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
            }
            return "classes:" + code;
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * What identifies the state file as written (its file key, size and time), or empty when
     * there is none: a build that remembers the state it wrote can tell it is still the one on
     * disk without reading it.
     */
    public Optional<String> stamp() {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return Optional.of(a.fileKey() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Lets go of the records the last {@link #read} gave and of their bytes, kept for the next
     * {@link #write}: a build that does not build on that state (a clean one) keeps none of them,
     * and they would hold a big site's whole last state in memory all build long.
     */
    public void forgetRead() {
        lastRead = null;
    }

    /** Deletes the state, if any (the next build is a clean one). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(previewMark());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the build state " + file, e);
        }
    }

    /**
     * Deletes the state, leaving a mark with {@code token} in its place: a preview of {@code kb
     * serve --watch} is about to change the index, and the state in that server's memory (marked
     * so that its next build redoes what the preview did) is the only one that describes the
     * site and index then. Another build, in any process, finds no state and builds clean, and its
     * commit ({@link #delete()}) removes the mark: the server then knows its state is not the
     * one of the site in place any more ({@link #markedBy}).
     */
    public void deleteForPreview(String token) {
        try {
            Path mark = previewMark();
            Path scratch = mark.resolveSibling(mark.getFileName() + ".tmp");
            Files.createDirectories(mark.getParent());
            Files.writeString(scratch, token);
            Files.move(scratch, mark, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the build state " + file, e);
        }
    }

    /** Whether the state is deleted and the mark {@link #deleteForPreview} left with {@code token} is there. */
    public boolean markedBy(String token) {
        try {
            return !Files.exists(file) && Files.readString(previewMark()).equals(token);
        } catch (IOException e) {
            return false;
        }
    }

    private Path previewMark() {
        return file.resolveSibling(file.getFileName() + ".preview");
    }

    /** Whether the last eight bytes are the CRC-32C of all before them, as {@link #write} ends the file. */
    private static boolean checksumHolds(byte[] bytes) {
        int end = bytes.length - Long.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        return ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() == crc.getValue();
    }

    /**
     * The state, if there is one this kb can use: missing, damaged, of another format or of
     * another kb build all give empty (the build is then a clean one).
     */
    public Optional<BuildState> read(String kb) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // Read whole, checked in one pass, parsed from memory: through a checked stream every
            // byte of a 60 MB state (60,000 articles) would update the checksum on its own.
            byte[] bytes = readWhole(file);
            // The checksum first: a damaged count read before it could ask for an array of 2^31
            // (a state with one byte changed once took the heap).
            if (bytes.length < Long.BYTES || !checksumHolds(bytes)) {
                return Optional.empty();
            }
            Memory memory = new Memory(bytes);
            DataInputStream in = new DataInputStream(memory);
            if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT || !in.readUTF().equals(kb)) {
                return Optional.empty();
            }
            int[] lengths = new int[in.readInt()];
            int at = bytes.length - memory.available();
            ByteBuffer[] parts = new ByteBuffer[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = in.readInt();
            }
            at += Integer.BYTES * lengths.length;
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] < 0 || lengths[i] > bytes.length - Long.BYTES - at) {
                    return Optional.empty();
                }
                parts[i] = ByteBuffer.wrap(bytes, at, lengths[i]).slice();
                at += lengths[i];
            }
            if (at != bytes.length - Long.BYTES) {
                return Optional.empty();
            }
            Reader.Decoded decoded = Reader.state(kb, parts);
            lastRead = new Encoding(bytes, decoded.dictionary(), decoded.freshTerms(), decoded.slices());
            return Optional.of(decoded.state());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged state only costs a clean build
        }
    }

    /**
     * A file's bytes, read a megabyte at a time: {@link Files#readAllBytes} reads a file in one
     * call, through a native buffer of the file's size, and the pages of that buffer stay in the
     * process — 60 MB of resident memory more for the state of 60,000 articles.
     */
    private static byte[] readWhole(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("the build state " + file + " is too large to be one");
            }
            byte[] bytes = new byte[(int) size];
            int at = 0;
            while (at < bytes.length) {
                int read = channel.read(java.nio.ByteBuffer.wrap(bytes, at, Math.min(1 << 20, bytes.length - at)));
                if (read < 0) {
                    return java.util.Arrays.copyOf(bytes, at); // shorter than it was: its checksum fails
                }
                at += read;
            }
            return bytes;
        }
    }

    /** Writes the state (atomically: the old file stays until the new one is complete). */
    public void write(BuildState state) {
        write(state, () -> false);
    }

    /**
     * Writes the state as {@link #write(BuildState)} does, unless {@code abandoned} turns true
     * before it is complete: then nothing is written (the old file stays).
     *
     * @return whether the state was written
     */
    public boolean write(BuildState state, BooleanSupplier abandoned) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            if (!write(state, temp, abandoned, lastRead) || abandoned.getAsBoolean()) {
                Files.deleteIfExists(temp);
                return false;
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastRead = null; // its bytes are no longer needed (a state is written once)
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build state " + file, e);
        }
    }

    /** Writes the state to {@code temp}; false when it was abandoned part-way. */
    private static boolean write(BuildState state, Path temp, BooleanSupplier abandoned, Encoding reuse)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(temp)) {
            // Buffered before the checksum, which then sees blocks, not single bytes.
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32C());
            DataOutputStream out = new DataOutputStream(new Buffer(checked));
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(state.kb());
            Optional<List<Bytes>> encoded = Writer.state(state, abandoned, reuse);
            if (encoded.isEmpty()) {
                return false;
            }
            List<Bytes> parts = encoded.get();
            out.writeInt(parts.size());
            for (Bytes part : parts) {
                out.writeInt(part.size());
            }
            for (Bytes part : parts) {
                if (abandoned.getAsBoolean()) {
                    return false;
                }
                out.write(part.array(), 0, part.size());
            }
            out.flush();
            new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
        }
        return true;
    }

    /**
     * A buffer without a lock: BufferedOutputStream takes one for every byte, and a state is
     * written a byte or a few at a time (tens of millions of calls for 60,000 articles).
     */
    private static final class Buffer extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int used;

        Buffer(OutputStream out) {
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

    /** The bytes of a state read whole, without ByteArrayInputStream's lock on every byte. */
    private static final class Memory extends InputStream {
        private final byte[] bytes;
        private int next;

        Memory(byte[] bytes) {
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

    /** Value tags of front matter. */
    private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, TRUE = 5, FALSE = 6, LIST = 7,
            MAP = 8, BIG = 9;

    /**
     * Whether a front matter value can be kept in the state (YAML's scalars, lists and maps); a
     * page with any other value is read again by every build.
     */
    public static boolean keepable(Object v) {
        return switch (v) {
            case null -> true;
            case String s -> true;
            case Integer i -> true;
            case Long l -> true;
            case Double d -> true;
            case Boolean b -> true;
            case BigInteger b -> true;
            case List<?> list -> list.stream().allMatch(StateFile::keepable);
            case Map<?, ?> map -> map.entrySet().stream().allMatch(e -> keepable(e.getKey()) && keepable(e.getValue()));
            default -> false;
        };
    }

    /** How many parts the sources, the pages and the outputs are each cut into, to be encoded and decoded in parallel. */
    private static final int CHUNKS = 8;

    /** A growable array of bytes, without ByteArrayOutputStream's lock on every byte. */
    private static final class Bytes extends OutputStream {
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

    /** Cuts a collection into at most {@link #CHUNKS} lists of about the same size. */
    private static <T> List<List<T>> chunks(java.util.Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        int size = Math.max(1, (list.size() + CHUNKS - 1) / CHUNKS);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }

    /** An encoder of one part of the state. */
    private interface Part {
        void write(Writer w) throws IOException;
    }

    private static final class Writer {
        private final Bytes bytes = new Bytes();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final Map<String, Integer> terms;
        private final Encoding reuse;

        private Writer(Map<String, Integer> terms, Encoding reuse) {
            this.terms = terms;
            this.reuse = reuse;
        }

        /**
         * How many terms a state's dictionary may gain from records encoded anew, as a share of
         * the terms its last fresh write gave it, before it is written afresh: the terms of a
         * record encoded again are appended whether or not the dictionary holds them (looking them
         * up would take a map of every term), so a series of edits grows it, and the build that
         * passes this share writes it without the terms no record uses any more.
         */
        private static final int GROWTH_SHARE = 8;

        /**
         * The state in parts, encoded in parallel: the small facts (with how many chunks each of
         * the rest has), the dictionary of the term windows' terms, then the sources, the pages
         * and the outputs, each in chunks; empty once {@code abandoned} turns true. The records of
         * {@code reuse} (the encoding of the state this one follows, or null) are copied as they
         * were encoded, their terms' numbers being those of its dictionary, which this one extends.
         */
        static Optional<List<Bytes>> state(BuildState s, BooleanSupplier abandoned, Encoding reuse) {
            if (reuse != null) {
                Optional<List<Bytes>> kept = state(s, abandoned, reuse, reuse.dictionary().length);
                if (kept == null) {
                    return state(s, abandoned, null, 0); // the dictionary would grow too much
                }
                return kept;
            }
            return state(s, abandoned, null, 0);
        }

        /** As above, with a dictionary that starts with {@code known} terms; null when it would grow too much. */
        private static Optional<List<Bytes>> state(BuildState s, BooleanSupplier abandoned, Encoding reuse, int known) {
            Map<String, Integer> terms = new HashMap<>();
            List<String> dictionary = new ArrayList<>();
            for (PageRecord p : s.pages().values()) {
                if (reuse != null && reuse.slice(p) != null) {
                    continue; // copied with the numbers of the terms it had
                }
                p.article().ifPresent(a -> {
                    for (String t : a.window().terms()) {
                        terms.computeIfAbsent(t, k -> {
                            dictionary.add(k);
                            return known + dictionary.size() - 1;
                        });
                    }
                    for (String t : a.titleTerms()) { // nearly always window terms too
                        terms.computeIfAbsent(t, k -> {
                            dictionary.add(k);
                            return known + dictionary.size() - 1;
                        });
                    }
                });
            }
            // The dictionary's size when last written afresh: this one's, or the one it extends.
            int freshTerms = reuse == null ? dictionary.size() : reuse.freshTerms();
            if (reuse != null && known + dictionary.size() - freshTerms > freshTerms / GROWTH_SHARE) {
                return null;
            }
            List<List<SourceRecord>> sources = chunks(s.sources().values());
            List<List<PageRecord>> pages = chunks(s.pages().values());
            List<List<OutputRecord>> outputs = chunks(s.outputs().values());
            List<Part> parts = new ArrayList<>();
            parts.add(w -> w.facts(s, sources.size(), pages.size(), outputs.size(), freshTerms));
            parts.add(w -> w.dictionary(dictionary));
            sources.forEach(chunk -> parts.add(w -> w.records(chunk, Writer::source)));
            pages.forEach(chunk -> parts.add(w -> w.records(chunk, Writer::page)));
            outputs.forEach(chunk -> parts.add(w -> w.records(chunk, Writer::output)));
            List<Bytes> encoded = parts.parallelStream().map(part -> {
                if (abandoned.getAsBoolean()) {
                    return null;
                }
                Writer w = new Writer(terms, reuse);
                try {
                    part.write(w);
                    w.out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return w.bytes;
            }).toList();
            return encoded.contains(null) ? Optional.empty() : Optional.of(encoded);
        }

        /** An encoder of one record. */
        private interface Record<T> {
            void write(Writer w, T record) throws IOException;
        }

        <T> void records(List<T> chunk, Record<T> record) throws IOException {
            out.writeInt(chunk.size());
            for (T r : chunk) {
                Long slice = reuse == null ? null : reuse.slice(r);
                if (slice != null) {
                    out.write(reuse.bytes(), (int) (slice >>> 32), (int) (long) slice);
                } else {
                    record.write(this, r);
                }
            }
        }

        /** The terms' dictionary: the one read (as its bytes) and then {@code added}, or {@code added} alone. */
        void dictionary(List<String> added) throws IOException {
            if (reuse == null) {
                strings(added);
                return;
            }
            out.writeInt(reuse.dictionary().length + added.size());
            long slice = reuse.slice(reuse.dictionary());
            out.write(reuse.bytes(), (int) (slice >>> 32), (int) slice);
            for (String t : added) {
                string(t);
            }
        }

        void facts(BuildState s, int sourceChunks, int pageChunks, int outputChunks, int freshTerms)
                throws IOException {
            out.writeLong(s.setup());
            out.writeInt(s.broken());
            out.writeInt(sourceChunks);
            out.writeInt(pageChunks);
            out.writeInt(outputChunks);
            out.writeInt(freshTerms);
            out.writeInt(s.related().size());
            for (Map.Entry<String, List<String>> e : s.related().entrySet()) {
                string(e.getKey());
                strings(e.getValue());
            }
            out.writeBoolean(s.generated().isPresent());
            if (s.generated().isPresent()) {
                strings(s.generated().get().paths());
                out.writeInt(s.generated().get().counted());
                diagnostics(s.generated().get().diagnostics());
            }
            out.writeLong(s.folders().scannedAt());
            out.writeInt(s.folders().times().size());
            for (Map.Entry<String, Long> e : s.folders().times().entrySet()) {
                string(e.getKey());
                out.writeLong(e.getValue());
            }
        }

        void output(OutputRecord o) throws IOException {
            string(o.path());
            out.writeLong(o.inputs());
            out.writeLong(o.digest());
            out.writeLong(o.anchors());
            diagnostics(o.diagnostics());
        }

        void source(SourceRecord r) throws IOException {
            string(r.path());
            out.writeLong(r.size());
            out.writeLong(r.modified());
            out.writeLong(r.digest());
            out.writeByte(r.role().ordinal());
            value(r.frontMatter());
            string(r.outputExt());
            out.writeBoolean(r.markdown());
            diagnostics(r.diagnostics());
        }

        void page(PageRecord p) throws IOException {
            string(p.outputPath());
            string(p.url());
            string(p.source());
            out.writeLong(p.extraction());
            out.writeLong(p.inputs());
            out.writeLong(p.document());
            out.writeBoolean(p.article().isPresent());
            if (p.article().isPresent()) {
                CatalogEntry e = p.article().get().entry();
                string(e.id());
                string(e.title());
                string(e.url());
                strings(e.products());
                strings(e.productCodes());
                strings(e.kinds());
                string(e.lastModified());
                string(e.summary());
                strings(e.cites());
                TermWindow w = p.article().get().window();
                // term(i) and freq(i), not terms() and freqs(): those copy the window's arrays.
                varint(w.size());
                for (int i = 0; i < w.size(); i++) {
                    varint(terms.get(w.term(i)));
                    varint(w.freq(i));
                }
                List<String> title = p.article().get().titleTerms();
                varint(title.size());
                for (String t : title) {
                    varint(terms.get(t));
                }
            }
            diagnostics(p.diagnostics());
        }

        /** A non-negative number in 1 to 5 bytes (the term windows are most of the state). */
        void varint(int v) throws IOException {
            while ((v & ~0x7F) != 0) {
                out.writeByte((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.writeByte(v);
        }

        void diagnostics(List<Diagnostic> list) throws IOException {
            out.writeInt(list.size());
            for (Diagnostic d : list) {
                out.writeByte(d.severity().ordinal());
                string(d.at().file());
                out.writeInt(d.at().line());
                out.writeInt(d.at().column());
                string(d.message());
            }
        }

        void strings(List<String> list) throws IOException {
            out.writeInt(list.size());
            for (String s : list) {
                string(s);
            }
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        void value(Object v) throws IOException {
            switch (v) {
                case null -> out.writeByte(NULL);
                case String s -> {
                    out.writeByte(STRING);
                    string(s);
                }
                case Integer i -> {
                    out.writeByte(INT);
                    out.writeInt(i);
                }
                case Long l -> {
                    out.writeByte(LONG);
                    out.writeLong(l);
                }
                case Double d -> {
                    out.writeByte(DOUBLE);
                    out.writeDouble(d);
                }
                case Boolean b -> out.writeByte(b ? TRUE : FALSE);
                case BigInteger b -> {
                    out.writeByte(BIG);
                    string(b.toString());
                }
                case List<?> list -> {
                    out.writeByte(LIST);
                    out.writeInt(list.size());
                    for (Object o : list) {
                        value(o);
                    }
                }
                case Map<?, ?> map -> {
                    out.writeByte(MAP);
                    out.writeInt(map.size());
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        value(e.getKey());
                        value(e.getValue());
                    }
                }
                default -> throw new IllegalArgumentException("cannot keep a front matter value of type "
                        + v.getClass().getName());
            }
        }
    }

    /** The bytes of one part, read as DataOutputStream wrote them (big-endian), strings without copies. */
    private static final class Input {
        private final ByteBuffer b;

        Input(ByteBuffer b) {
            this.b = b;
        }

        int readInt() {
            return b.getInt();
        }

        long readLong() {
            return b.getLong();
        }

        byte readByte() {
            return b.get();
        }

        int readUnsignedByte() {
            return b.get() & 0xFF;
        }

        boolean readBoolean() {
            return b.get() != 0;
        }

        double readDouble() {
            return b.getDouble();
        }

        String string() throws IOException {
            int n = b.getInt();
            if (n < 0 || n > b.remaining()) {
                throw new IOException("damaged string length " + n);
            }
            String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
            b.position(b.position() + n);
            return s;
        }

        /** Fails unless the part was read to its end. */
        void end() throws IOException {
            if (b.hasRemaining()) {
                throw new IOException(b.remaining() + " bytes left unread");
            }
        }
    }

    private static final class Reader {
        private final Input in;
        private final String[] dictionary;
        /** Where each record read lies in the state's bytes: its offset, shifted, and length. */
        private long[] slices = new long[0];

        /** A state read, with what writing it again needs to copy its records (see {@link Encoding}). */
        record Decoded(BuildState state, String[] dictionary, int freshTerms, IdentityHashMap<Object, Long> slices) {
        }

        private Reader(ByteBuffer part, String[] dictionary) {
            this.in = new Input(part);
            this.dictionary = dictionary;
        }

        /** The state from its parts (see {@link Writer#state}), the chunks decoded in parallel. */
        static Decoded state(String kb, ByteBuffer[] parts) throws IOException {
            if (parts.length < 2) {
                throw new IOException("a state of " + parts.length + " parts");
            }
            Reader facts = new Reader(parts[0], null);
            Input in = facts.in;
            long setup = in.readLong();
            int broken = in.readInt();
            int sourceChunks = in.readInt();
            int pageChunks = in.readInt();
            int outputChunks = in.readInt();
            int freshTerms = in.readInt();
            int n = in.readInt();
            Map<String, List<String>> related = new HashMap<>(Math.max(16, n * 2));
            // Each ID is in several lists: one string per ID, not one per mention.
            Map<String, String> ids = new HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                String id = ids.computeIfAbsent(facts.string(), k -> k);
                List<String> list = facts.strings();
                list.replaceAll(r -> ids.computeIfAbsent(r, k -> k));
                related.put(id, List.copyOf(list));
            }
            Optional<GeneratedFiles> generated = in.readBoolean()
                    ? Optional.of(new GeneratedFiles(facts.strings(), in.readInt(), facts.diagnostics()))
                    : Optional.empty();
            long scannedAt = in.readLong();
            n = in.readInt();
            Map<String, Long> folders = new HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                folders.put(facts.string(), in.readLong());
            }
            in.end();
            if (sourceChunks < 0 || pageChunks < 0 || outputChunks < 0
                    || parts.length != 2L + sourceChunks + pageChunks + outputChunks) {
                throw new IOException("the parts do not add up");
            }
            Reader words = new Reader(parts[1], null);
            String[] dictionary = words.strings().toArray(new String[0]);
            words.in.end();
            List<Reader> readers = IntStream.range(2, parts.length).mapToObj(i -> new Reader(parts[i], dictionary)).toList();
            List<List<?>> chunks = IntStream.range(2, parts.length).parallel().<List<?>>mapToObj(i -> {
                Reader r = readers.get(i - 2);
                try {
                    List<?> records = i < 2 + sourceChunks ? r.records(Reader::source)
                            : i < 2 + sourceChunks + pageChunks ? r.records(Reader::page)
                            : r.records(Reader::output);
                    r.in.end();
                    return records;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            IdentityHashMap<Object, Long> slices = new IdentityHashMap<>(
                    chunks.stream().mapToInt(List::size).sum() + 1);
            for (int c = 0; c < chunks.size(); c++) {
                List<?> records = chunks.get(c);
                long[] at = readers.get(c).slices;
                for (int i = 0; i < records.size(); i++) {
                    slices.put(records.get(i), at[i]);
                }
            }
            // The dictionary's terms, after their count.
            slices.put(dictionary, ((long) (parts[1].arrayOffset() + Integer.BYTES) << 32)
                    | (parts[1].limit() - Integer.BYTES));
            List<Map.Entry<String, SourceRecord>> sources = new ArrayList<>();
            List<Map.Entry<String, PageRecord>> pages = new ArrayList<>();
            List<Map.Entry<String, OutputRecord>> outputs = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                for (Object record : chunks.get(c)) {
                    switch (record) {
                        case SourceRecord r -> sources.add(Map.entry(r.path(), r));
                        case PageRecord p -> pages.add(Map.entry(p.outputPath(), p));
                        case OutputRecord o -> outputs.add(Map.entry(o.path(), o));
                        default -> throw new IOException("unknown record");
                    }
                }
            }
            // Immutable maps made once: the state keeps them as they are, without a copy.
            BuildState state = new BuildState(kb, setup, ofEntries(sources), ofEntries(pages), ofEntries(outputs),
                    related, broken, generated, new SourceFolders(folders, scannedAt));
            if (freshTerms < 0 || freshTerms > dictionary.length) {
                throw new IOException("damaged dictionary size " + freshTerms);
            }
            return new Decoded(state, dictionary, freshTerms, slices);
        }

        @SuppressWarnings("unchecked")
        private static <V> Map<String, V> ofEntries(List<Map.Entry<String, V>> entries) {
            return Map.ofEntries(entries.toArray(new Map.Entry[0]));
        }

        /** A decoder of one record. */
        private interface Record<T> {
            T read(Reader r) throws IOException;
        }

        <T> List<T> records(Record<T> record) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.b.remaining()) {
                throw new IOException("damaged count " + n);
            }
            List<T> list = new ArrayList<>(n);
            slices = new long[n];
            int base = in.b.arrayOffset();
            for (int i = 0; i < n; i++) {
                int start = in.b.position();
                list.add(record.read(this));
                slices[i] = ((long) (base + start) << 32) | (in.b.position() - start);
            }
            return list;
        }

        OutputRecord output() throws IOException {
            return new OutputRecord(string(), in.readLong(), in.readLong(), in.readLong(), diagnostics());
        }

        SourceRecord source() throws IOException {
            String path = string();
            long size = in.readLong();
            long modified = in.readLong();
            long digest = in.readLong();
            SourceRecord.Role role = SourceRecord.Role.values()[in.readByte()];
            @SuppressWarnings("unchecked")
            Map<String, Object> frontMatter = (Map<String, Object>) value();
            return new SourceRecord(path, size, modified, digest, role, frontMatter, string(), in.readBoolean(),
                    diagnostics());
        }

        PageRecord page() throws IOException {
            String outputPath = string();
            String url = string();
            String source = string();
            long extraction = in.readLong();
            long inputs = in.readLong();
            long document = in.readLong();
            Optional<PageRecord.ArticleFacts> article = Optional.empty();
            if (in.readBoolean()) {
                CatalogEntry e = new CatalogEntry(string(), string(), string(), strings(), strings(), strings(),
                        string(), string(), strings());
                int n = varint();
                String[] terms = new String[n];
                short[] freqs = new short[n];
                for (int i = 0; i < n; i++) {
                    terms[i] = dictionary[varint()];
                    freqs[i] = (short) varint();
                }
                String[] title = new String[varint()];
                for (int i = 0; i < title.length; i++) {
                    title[i] = dictionary[varint()];
                }
                article = Optional.of(new PageRecord.ArticleFacts(e, TermWindow.decoded(terms, freqs), List.of(title)));
            }
            return new PageRecord(outputPath, url, source, extraction, inputs, document, article, diagnostics());
        }

        int varint() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int b = in.readUnsignedByte();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("damaged number");
        }

        List<Diagnostic> diagnostics() throws IOException {
            int n = in.readInt();
            List<Diagnostic> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Severity severity = Severity.values()[in.readByte()];
                list.add(new Diagnostic(severity, new SourcePosition(string(), in.readInt(), in.readInt()), string()));
            }
            return list;
        }

        List<String> strings() throws IOException {
            int n = in.readInt();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(string());
            }
            return list;
        }

        String string() throws IOException {
            return in.string();
        }

        Object value() throws IOException {
            int tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case STRING -> string();
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case BIG -> new BigInteger(string());
                case LIST -> {
                    int n = in.readInt();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(value());
                    }
                    yield java.util.Collections.unmodifiableList(list);
                }
                case MAP -> {
                    int n = in.readInt();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(value(), value());
                    }
                    yield java.util.Collections.unmodifiableMap(map);
                }
                default -> throw new IOException("damaged value tag " + tag);
            };
        }
    }
}
