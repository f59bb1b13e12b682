package kb.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** The documents of an index kb wrote, read back as the values they were made of (tests, benchmarks). */
public final class StoredDocuments {

    private StoredDocuments() {
    }

    /** Every live document, in index order. */
    public static List<IndexDocument> all(Path index) throws IOException {
        List<IndexDocument> all = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        all.add(IndexDocuments.read(stored.document(doc)));
                    }
                }
            }
        }
        return all;
    }

    /** Every live document by its URL. */
    public static Map<String, IndexDocument> byUrl(Path index) throws IOException {
        Map<String, IndexDocument> byUrl = new LinkedHashMap<>();
        for (IndexDocument d : all(index)) {
            byUrl.put(d.url(), d);
        }
        return byUrl;
    }
}
