package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/** Searches an index written by {@link SearchIndexer}. Thread-safe. */
public final class IndexSearcherService implements Closeable {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /**
     * Opens the index folder.
     *
     * @throws IllegalArgumentException when the folder holds no kb index of this schema version
     */
    public IndexSearcherService(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("no index at " + indexDir + " (run 'kb build' first)");
        }
        try {
            this.reader = DirectoryReader.open(FSDirectory.open(indexDir));
        } catch (IOException e) {
            throw new IllegalArgumentException("no readable index at " + indexDir + " (run 'kb build' first): "
                    + e.getMessage(), e);
        }
        String version = userData().get(IndexFields.SCHEMA_KEY);
        if (!IndexFields.SCHEMA_VERSION.equals(version)) {
            throw new IllegalArgumentException("the index at " + indexDir + " has schema version " + version
                    + ", this kb needs " + IndexFields.SCHEMA_VERSION + ": run 'kb build' again");
        }
        this.searcher = new IndexSearcher(reader);
    }

    private Map<String, String> userData() {
        try {
            return reader.getIndexCommit().getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a search-box query; never fails on syntax: bad syntax is searched as plain words. */
    public SearchResults search(String queryText, int limit) {
        Query query = parse(queryText);
        try {
            TopDocs top = searcher.search(query, Math.max(1, limit));
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            int rank = 1;
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                hits.add(new SearchHit(rank++, doc.get(IndexFields.URL), doc.get(IndexFields.TITLE), sd.score));
            }
            return new SearchResults(queryText, top.totalHits.value(), hits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    private static Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {IndexFields.TITLE, IndexFields.TEXT}, Analyzers.create(),
                Map.of(IndexFields.TITLE, 3f, IndexFields.TEXT, 1f));
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            try {
                return parser.parse(QueryParserBase.escape(text));
            } catch (ParseException again) {
                throw new IllegalStateException("escaped query still fails to parse: " + text, again);
            }
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
