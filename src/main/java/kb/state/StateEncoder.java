package kb.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.related.TermWindow;

/**
 * Encodes a {@link BuildState} for {@link StateFile}: in parts, each encoded on its own (in
 * parallel), records whose bytes a {@link StateEncoding} holds copied rather than encoded again.
 */
final class StateEncoder {

    /** Value tags of front matter. */
    static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, TRUE = 5, FALSE = 6, LIST = 7,
            MAP = 8, BIG = 9;

    /** How many parts the sources, the pages and the outputs are each cut into, to be encoded and decoded in parallel. */
    static final int CHUNKS = 8;

    /** Cuts a collection into at most {@link #CHUNKS} lists of about the same size. */
    static <T> List<List<T>> chunks(java.util.Collection<T> all) {
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
        void write(StateEncoder w) throws IOException;
    }

    private final GrowingBytes bytes = new GrowingBytes();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> terms;
    private final StateEncoding reuse;

    private StateEncoder(Map<String, Integer> terms, StateEncoding reuse) {
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
    static Optional<List<GrowingBytes>> state(BuildState s, BooleanSupplier abandoned, StateEncoding reuse) {
        if (reuse != null) {
            Optional<List<GrowingBytes>> kept = state(s, abandoned, reuse, reuse.dictionary().length);
            if (kept == null) {
                return state(s, abandoned, null, 0); // the dictionary would grow too much
            }
            return kept;
        }
        return state(s, abandoned, null, 0);
    }

    /** As above, with a dictionary that starts with {@code known} terms; null when it would grow too much. */
    private static Optional<List<GrowingBytes>> state(BuildState s, BooleanSupplier abandoned, StateEncoding reuse, int known) {
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
        sources.forEach(chunk -> parts.add(w -> w.records(chunk, StateEncoder::source)));
        pages.forEach(chunk -> parts.add(w -> w.records(chunk, StateEncoder::page)));
        outputs.forEach(chunk -> parts.add(w -> w.records(chunk, StateEncoder::output)));
        List<GrowingBytes> encoded = parts.parallelStream().map(part -> {
            if (abandoned.getAsBoolean()) {
                return null;
            }
            StateEncoder w = new StateEncoder(terms, reuse);
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
        void write(StateEncoder w, T record) throws IOException;
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
        out.writeLong(s.theme());
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
