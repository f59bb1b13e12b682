package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher of one index commit with what {@link SearchService} derives from that commit: the
 * facet state, which documents have each facet ({@link FacetCoverage}), the titles' rarity
 * ({@link TitleRescorer}) and the answers already given. All of it is built when the commit is
 * opened (by the background refresh, not by a reader's request) and goes away with the commit's
 * reader, so nothing derived from an old commit is ever used with a new one. Thread-safe.
 */
final class CommitSearcher extends IndexSearcher {

    /** Answers kept per commit. */
    private static final int CACHED_ANSWERS = 4096;

    private final Optional<SortedSetDocValuesReaderState> facetState;
    private final FacetCoverage coverage;
    private final TitleRescorer titleRescorer;
    private final LruCache<SearchRequest, SearchResults> answers = new LruCache<>(CACHED_ANSWERS);

    private CommitSearcher(IndexReader reader) {
        super(reader);
        this.facetState = facetState(reader);
        this.coverage = new FacetCoverage(reader);
        this.titleRescorer = new TitleRescorer(reader);
    }

    /**
     * The factory {@link org.apache.lucene.search.SearcherManager} opens each commit with. A commit
     * of another schema version is refused (the exception leaves the manager on the commit it
     * had), so a server never searches an index it would misread.
     */
    static SearcherFactory factory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                requireSchema(reader);
                return new CommitSearcher(reader);
            }
        };
    }

    private static void requireSchema(IndexReader reader) throws IOException {
        if (reader instanceof DirectoryReader directory) {
            String version = directory.getIndexCommit().getUserData().get(IndexFields.SCHEMA_KEY);
            if (!IndexFields.SCHEMA_VERSION.equals(version)) {
                throw new SchemaMismatch("schema version " + version + ", this kb needs " + IndexFields.SCHEMA_VERSION);
            }
        }
    }

    /** A commit of another schema version than this kb's; the message says which. */
    static final class SchemaMismatch extends IllegalArgumentException {
        SchemaMismatch(String message) {
            super(message);
        }
    }

    /** The facet state; empty for an index without any facet value (no articles). */
    Optional<SortedSetDocValuesReaderState> facetState() {
        return facetState;
    }

    FacetCoverage coverage() {
        return coverage;
    }

    TitleRescorer titleRescorer() {
        return titleRescorer;
    }

    /** The answers given from this commit, by request. */
    LruCache<SearchRequest, SearchResults> answers() {
        return answers;
    }

    /** The commit's version: it grows with every commit of the index. */
    long version() {
        return getIndexReader() instanceof DirectoryReader d ? d.getVersion() : 0;
    }

    private static Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) {
        try {
            return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, IndexDocuments.facetsConfig()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
