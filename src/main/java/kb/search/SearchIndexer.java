package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FileSwitchDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Writes the search index: a fresh one (a clean build) or the last one's changed documents (an
 * incremental build). {@link #add}, {@link #put} and {@link #remove} may be called from several
 * threads; {@link #openReader} gives a near-real-time view of what was added so far;
 * {@link #close} commits with the schema version in the commit user data, when anything changed.
 */
public final class SearchIndexer implements Closeable {

    /** The extension of the norms files (see {@link #writerFolder}). */
    private static final String NORMS_DATA = "nvd";

    private final IndexWriter writer;
    private final boolean fresh;

    /** Opens (and empties) the index folder. */
    public SearchIndexer(Path indexDir) {
        this(indexDir, true);
    }

    /**
     * Opens the index folder: emptied when {@code fresh} (a clean build), else kept, for
     * {@link #put} to replace the documents of changed pages and {@link #remove} to drop those of
     * pages gone. Readers of the folder (a running {@code kb serve}) see the old commit until
     * {@link #close}.
     */
    public SearchIndexer(Path indexDir, boolean fresh) {
        this.fresh = fresh;
        try {
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.create())
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64)
                    // A clean build merges what it flushes into one segment: flushed as files of
                    // their own, the segments' norms are mapped while merging (see writerFolder).
                    .setUseCompoundFile(!fresh);
            this.writer = new IndexWriter(writerFolder(indexDir), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index folder " + indexDir, e);
        }
    }

    /**
     * The index folder as the writer sees it: files are read with positional reads, not memory
     * maps, except the norms. The server, which searches, maps every file as usual.
     *
     * <p>Positional reads, because a merge maps every segment it reads, and those pages count in
     * the build's resident memory (180 MB of index for 60,000 articles). But a merge also reads
     * each document's norm for every term it writes (the postings keep, per block, the best
     * frequency and length a query can meet), jumping about the norms file: through a positional
     * read's 1 KB buffer that was 2.5 million system calls on the dev corpus. Norms are a byte per
     * field and document (a few hundred KB on the archive), so they are mapped.
     */
    static Directory writerFolder(Path indexDir) throws IOException {
        NIOFSDirectory read = new NIOFSDirectory(indexDir);
        try {
            return new FileSwitchDirectory(Set.of(NORMS_DATA), new MMapDirectory(indexDir), read, true);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(read);
            throw e;
        }
    }

    /**
     * Whether the folder is missing, empty or holds a Lucene index: a build may write an index
     * there without deleting anything else.
     */
    public static boolean holdsIndexOrNothing(Path indexDir) {
        if (!java.nio.file.Files.isDirectory(indexDir)) {
            return !java.nio.file.Files.exists(indexDir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(indexDir)) {
            if (entries.findAny().isEmpty()) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        try (FSDirectory dir = FSDirectory.open(indexDir)) {
            return DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the folder holds an index this kb can update (one it wrote, of the same schema). */
    public static boolean canUpdate(Path indexDir) {
        try (FSDirectory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            Map<String, String> data = org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData();
            return IndexFields.SCHEMA_VERSION.equals(data.get(IndexFields.SCHEMA_KEY));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Adds the document of the page at {@code url}, replacing the one it had. Thread-safe. */
    public void put(String url, Document doc) {
        try {
            if (fresh) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new org.apache.lucene.index.Term(IndexFields.URL, url), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the index", e);
        }
    }

    /** Removes the document of the page at {@code url}, if any. Thread-safe. */
    public void remove(String url) {
        try {
            writer.deleteDocuments(new org.apache.lucene.index.Term(IndexFields.URL, url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the index", e);
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

    /**
     * In a clean build, once every document is in: starts merging the index into one segment in
     * the background, so that the merge runs beside the build's next stages and {@link #close}
     * waits only for what is left of it. Does nothing when updating an index. A document
     * {@link #remove}d after this (a page that failed to lay out) leaves a deletion in the merged
     * segment, which {@link #close} merges away: the index is rewritten once more, in that rare
     * build only.
     */
    public void mergeInBackground() {
        if (!fresh) {
            return;
        }
        try {
            writer.forceMerge(1, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the index", e);
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

    /** Drops what was added since opening and closes; does nothing when it is closed. */
    public void rollback() {
        if (!writer.isOpen()) {
            return;
        }
        try {
            writer.rollback();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll the index back", e);
        }
    }

    /**
     * Commits the index with its schema version, when anything was added or removed (or it is
     * new), and closes it; does nothing when it is closed.
     */
    @Override
    public void close() {
        if (!writer.isOpen()) {
            return;
        }
        try {
            // A build that changed no document (a template edit) leaves the last commit in place:
            // readers (kb serve) have nothing to reopen.
            if (fresh || writer.hasUncommittedChanges()) {
                writer.setLiveCommitData(Map.of(IndexFields.SCHEMA_KEY, IndexFields.SCHEMA_VERSION).entrySet());
                if (fresh) {
                    // One segment: smaller, and faster to search (waits for a merge mergeInBackground began).
                    writer.forceMerge(1);
                }
                // An incremental build changes a few documents: merging 60,000 for them would cost
                // seconds; Lucene's merge policy keeps the segments in check.
                writer.commit();
            }
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }
}
