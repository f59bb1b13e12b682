package kb.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The index folder as the build's index writer sees it: files are read with positional reads,
 * not memory maps, except the norms.
 *
 * <p>Positional reads, because a merge maps every segment it reads, and those pages count in the
 * build's resident memory (180 MB of index for 60,000 articles). But a merge also reads each
 * document's norms for every term it writes (the postings keep, per block, the best frequency
 * and length a query can meet), jumping about the norms file: through a positional read's
 * 1 KB buffer that was 2.5 million system calls on the dev corpus. Norms are a byte per field
 * and document (a few hundred KB on the archive), so they are mapped.
 */
final class WriterDirectory extends FilterDirectory {

    private static final String NORMS_DATA = ".nvd";

    private final MMapDirectory mapped;

    private WriterDirectory(Directory read, MMapDirectory mapped) {
        super(read);
        this.mapped = mapped;
    }

    /** The writer's view of {@code folder}. */
    static WriterDirectory open(Path folder) throws IOException {
        NIOFSDirectory read = new NIOFSDirectory(folder);
        try {
            return new WriterDirectory(read, new MMapDirectory(folder));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(read);
            throw e;
        }
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        ensureOpen();
        return name.endsWith(NORMS_DATA) ? mapped.openInput(name, context) : super.openInput(name, context);
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(in, mapped);
    }
}
