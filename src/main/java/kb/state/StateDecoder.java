package kb.state;

import static kb.state.StateEncoder.BIG;
import static kb.state.StateEncoder.DOUBLE;
import static kb.state.StateEncoder.FALSE;
import static kb.state.StateEncoder.INT;
import static kb.state.StateEncoder.LIST;
import static kb.state.StateEncoder.LONG;
import static kb.state.StateEncoder.MAP;
import static kb.state.StateEncoder.NULL;
import static kb.state.StateEncoder.STRING;
import static kb.state.StateEncoder.TRUE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import kb.related.TermWindow;
import kb.source.SourceFolders;

/** Decodes a {@link BuildState} that {@link StateEncoder} encoded, its parts in parallel. */
final class StateDecoder {

    private final Input in;
    private final String[] dictionary;
    /** Where each record read lies in the state's bytes: its offset, shifted, and length. */
    private long[] slices = new long[0];

    /** A state read, with what writing it again needs to copy its records (see {@link StateEncoding}). */
    record Decoded(BuildState state, String[] dictionary, int freshTerms, IdentityHashMap<Object, Long> slices) {
    }

    private StateDecoder(ByteBuffer part, String[] dictionary) {
        this.in = new Input(part);
        this.dictionary = dictionary;
    }

    /** The state from its parts (see {@link StateEncoder#state}), the chunks decoded in parallel. */
    static Decoded state(String kb, ByteBuffer[] parts) throws IOException {
        if (parts.length < 2) {
            throw new IOException("a state of " + parts.length + " parts");
        }
        StateDecoder facts = new StateDecoder(parts[0], null);
        Input in = facts.in;
        long setup = in.readLong();
        long theme = in.readLong();
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
        StateDecoder words = new StateDecoder(parts[1], null);
        String[] dictionary = words.strings().toArray(new String[0]);
        words.in.end();
        List<StateDecoder> readers = IntStream.range(2, parts.length).mapToObj(i -> new StateDecoder(parts[i], dictionary)).toList();
        List<List<?>> chunks = IntStream.range(2, parts.length).parallel().<List<?>>mapToObj(i -> {
            StateDecoder r = readers.get(i - 2);
            try {
                List<?> records = i < 2 + sourceChunks ? r.records(StateDecoder::source)
                        : i < 2 + sourceChunks + pageChunks ? r.records(StateDecoder::page)
                        : r.records(StateDecoder::output);
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
        BuildState state = new BuildState(kb, setup, theme, ofEntries(sources), ofEntries(pages), ofEntries(outputs),
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
        T read(StateDecoder r) throws IOException;
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
}
