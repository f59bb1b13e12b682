package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a fresh index. {@link #add} may be called from several threads; {@link #openReader}
 * gives a near-real-time view of what was added so far (the build uses it for related
 * articles); {@link #close} commits with the schema version in the commit user data.
 */
public final class SearchIndexer implements Closeable {

    private final IndexWriter writer;

    /** Opens (and empties) the index folder. */
    public SearchIndexer(Path indexDir) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.create())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(256);
            this.writer = new IndexWriter(FSDirectory.open(indexDir), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index folder " + indexDir, e);
        }
    }

    /** Adds one document. Thread-safe. */
    public void add(Document doc) {
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the index", e);
        }
    }

    /** A reader over everything added so far; the caller closes it. */
    public DirectoryReader openReader() {
        try {
            return DirectoryReader.open(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index being written", e);
        }
    }

    /** Commits the index with its schema version and closes it. */
    @Override
    public void close() {
        try {
            writer.setLiveCommitData(Map.of(IndexFields.SCHEMA_KEY, IndexFields.SCHEMA_VERSION).entrySet());
            writer.forceMerge(1); // one segment: smaller, and faster to search
            writer.commit();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }
}
