package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a fresh index, one document per page. {@link #add} may be called from several threads;
 * {@link #close} commits with the schema version in the commit user data.
 */
public final class SearchIndexer implements Closeable {

    private final IndexWriter writer;

    /** Opens (and empties) the index folder. */
    public SearchIndexer(Path indexDir) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.create())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(128);
            this.writer = new IndexWriter(FSDirectory.open(indexDir), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index folder " + indexDir, e);
        }
    }

    /** Adds one page. Thread-safe. */
    public void add(IndexedPage page) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.URL, page.url(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE, page.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TEXT, page.text(), Field.Store.YES));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the index", e);
        }
    }

    /** Commits the index with its schema version and closes it. */
    @Override
    public void close() {
        try {
            writer.setLiveCommitData(Map.of(IndexFields.SCHEMA_KEY, IndexFields.SCHEMA_VERSION).entrySet());
            writer.commit();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }
}
