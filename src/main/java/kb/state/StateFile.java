package kb.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import kb.related.TermWindow;

/**
 * Reads and writes a {@link BuildState} as one binary file: a header (format, kb build), the
 * records, and a checksum of everything before it, so that a file cut short or damaged is
 * recognised and ignored rather than half believed. Written to a temporary file and moved into
 * place, so that a build stopped while writing leaves the previous state or none.
 */
public final class StateFile {

    private static final String MAGIC = "kb-build-state";
    /** Bumped whenever the layout of the file changes. */
    private static final int FORMAT = 4;

    private final Path file;

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

    /** Deletes the state, if any (the next build is a clean one). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the build state " + file, e);
        }
    }

    /** Whether the last eight bytes are the CRC-32C of all before them, as {@link #write} ends the file. */
    private static boolean checksumHolds(byte[] bytes) {
        int end = bytes.length - Long.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        return java.nio.ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() == crc.getValue();
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
            byte[] bytes = Files.readAllBytes(file);
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
            BuildState state = new Reader(in).state(kb);
            in.readLong(); // the checksum, checked above
            if (memory.available() != 0) {
                return Optional.empty();
            }
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged state only costs a clean build
        }
    }

    /** Writes the state (atomically: the old file stays until the new one is complete). */
    public void write(BuildState state) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream raw = Files.newOutputStream(temp)) {
                // Buffered before the checksum, which then sees blocks, not single bytes.
                CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32C());
                DataOutputStream out = new DataOutputStream(new Buffer(checked));
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(state.kb());
                new Writer(out).state(state);
                out.flush();
                new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build state " + file, e);
        }
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
                out.write(b, off, len);
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

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> terms = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void state(BuildState s) throws IOException {
            out.writeLong(s.setup());
            out.writeInt(s.broken());
            out.writeInt(s.sources().size());
            for (SourceRecord r : s.sources().values()) {
                source(r);
            }
            List<String> dictionary = new ArrayList<>();
            for (PageRecord p : s.pages().values()) {
                p.article().ifPresent(a -> {
                    for (String t : a.window().terms()) {
                        terms.computeIfAbsent(t, k -> {
                            dictionary.add(k);
                            return dictionary.size() - 1;
                        });
                    }
                    for (String t : a.titleTerms()) { // nearly always window terms too
                        terms.computeIfAbsent(t, k -> {
                            dictionary.add(k);
                            return dictionary.size() - 1;
                        });
                    }
                });
            }
            out.writeInt(dictionary.size());
            for (String t : dictionary) {
                string(t);
            }
            out.writeInt(s.pages().size());
            for (PageRecord p : s.pages().values()) {
                page(p);
            }
            out.writeInt(s.outputs().size());
            for (OutputRecord o : s.outputs().values()) {
                string(o.path());
                out.writeLong(o.inputs());
                out.writeLong(o.digest());
                out.writeLong(o.anchors());
                diagnostics(o.diagnostics());
            }
            out.writeInt(s.related().size());
            for (Map.Entry<String, List<String>> e : s.related().entrySet()) {
                string(e.getKey());
                strings(e.getValue());
            }
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

    private static final class Reader {
        private final DataInputStream in;
        private String[] dictionary = new String[0];

        Reader(DataInputStream in) {
            this.in = in;
        }

        BuildState state(String kb) throws IOException {
            long setup = in.readLong();
            int broken = in.readInt();
            int n = in.readInt();
            Map<String, SourceRecord> sources = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                SourceRecord r = source();
                sources.put(r.path(), r);
            }
            dictionary = new String[in.readInt()];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = string();
            }
            n = in.readInt();
            Map<String, PageRecord> pages = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                PageRecord p = page();
                pages.put(p.outputPath(), p);
            }
            n = in.readInt();
            Map<String, OutputRecord> outputs = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                OutputRecord o = new OutputRecord(string(), in.readLong(), in.readLong(), in.readLong(), diagnostics());
                outputs.put(o.path(), o);
            }
            n = in.readInt();
            Map<String, List<String>> related = new HashMap<>(n * 2);
            // Each ID is in several lists: one string per ID, not one per mention.
            Map<String, String> ids = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String id = ids.computeIfAbsent(string(), k -> k);
                List<String> list = strings();
                list.replaceAll(r -> ids.computeIfAbsent(r, k -> k));
                related.put(id, List.copyOf(list));
            }
            return new BuildState(kb, setup, sources, pages, outputs, related, broken);
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
                article = Optional.of(new PageRecord.ArticleFacts(e, new TermWindow(terms, freqs), List.of(title)));
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
            int n = in.readInt();
            if (n < 0 || n > 1 << 28) {
                throw new IOException("damaged string length " + n);
            }
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new EOFException();
            }
            return new String(b, StandardCharsets.UTF_8);
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
