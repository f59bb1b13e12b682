package kb.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import kb.json.KbJson;
import kb.search.IndexDocument;
import kb.search.IndexDocuments;
import kb.search.IndexFields;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SmallFloat;

/**
 * The documents of a cluster index, made from kb's Lucene index: each document's values read
 * back ({@link IndexDocuments#read}) and written under the cluster's field names
 * ({@code src/main/resources/kb/cluster/index.json}), exact values as Lucene indexes them
 * (stripped, lower case), facet values as written, plus what kb's ranking reads from Lucene's
 * norms ({@code title_length}) and a digest of the whole (what {@code --incremental} compares).
 */
final class ClusterDocuments {

    /** One document for the cluster: its {@code _id} (the URL), its JSON source and that source's digest. */
    record ClusterDocument(String id, Map<String, Object> source, String digest) {
    }

    ClusterDocuments() {
    }

    /** Every live document of the index's newest commit, in index order. */
    void forEach(DirectoryReader reader, Consumer<ClusterDocument> each) {
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                Bits live = r.getLiveDocs();
                StoredFields stored = r.storedFields();
                NumericDocValues norms = r.getNormValues(IndexFields.TITLE);
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    int titleLength = 0;
                    if (norms != null && norms.advanceExact(doc)) {
                        titleLength = SmallFloat.byte4ToInt((byte) norms.longValue());
                    }
                    each.accept(of(IndexDocuments.read(stored.document(doc)), titleLength));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    /** The cluster document of some values, the title {@code titleLength} terms long. */
    ClusterDocument of(IndexDocument d, int titleLength) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(IndexFields.KIND, d.kind());
        if (d.isArticle()) {
            s.put(IndexFields.ID, d.id());
            s.put(IndexFields.ID_FORMS, IndexDocuments.idForms(d.id()));
        }
        s.put(IndexFields.URL, d.url());
        s.put(IndexFields.TITLE, d.title());
        s.put(IndexFields.TITLE_LENGTH, Math.max(1, titleLength)); // 1/0 is no score
        s.put(IndexFields.BODY, d.body());
        s.put(IndexFields.SPELL, d.spellText());
        if (d.isArticle()) {
            s.put(IndexFields.TITLE_WORDS, d.title());
            s.put(IndexFields.SECTIONS, d.sections());
            s.put(IndexFields.MESSAGES, d.messages());
            s.put(IndexFields.APPLIES_TO, d.appliesTo());
            s.put(IndexFields.QUERY_WORDS, d.queryWords());
            s.put(IndexFields.PRODUCT, d.products().stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).distinct().toList());
            s.put(IndexFields.PRODUCT_FACET, List.copyOf(new LinkedHashSet<>(d.products())));
            s.put(IndexFields.PRODUCT_CODE, IndexDocuments.exactTerms(d.productCodes()));
            s.put(IndexFields.VERSIONS, IndexDocuments.exactTerms(d.versions()));
            s.put(IndexFields.OS, IndexDocuments.exactTerms(d.operatingSystems()));
            s.put(IndexFields.KEYWORDS, IndexDocuments.exactTerms(d.keywords()));
            s.put(IndexFields.TECHNOLOGY, IndexDocuments.exactTerms(d.technology()));
            s.put(IndexFields.TECHNOLOGY_FACET, List.copyOf(new LinkedHashSet<>(d.technology())));
            s.put(IndexFields.ISSUE_TYPE, IndexDocuments.issueTypeFacets(d.issueTypes()));
            d.lastModified().ifPresent(date -> {
                s.put(IndexFields.LAST_MODIFIED, date.toString());
                s.put(IndexFields.YEAR, Integer.toString(date.getYear()));
            });
            s.put(IndexFields.JSON, d.json());
        }
        String digest = digest(s);
        s.put(IndexFields.DIGEST, digest);
        return new ClusterDocument(d.url(), s, digest);
    }


    private String digest(Map<String, Object> source) {
        try {
            byte[] bytes = KbJson.write(source).getBytes(StandardCharsets.UTF_8);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a document", e);
        }
    }
}
