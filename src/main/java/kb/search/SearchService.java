package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import kb.model.ArticleKinds;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches an index written by {@link SearchIndexer}: the search-box syntax, filters, facets,
 * highlighted snippets, spelling suggestions, sort by relevance or date, and paging. Holds a
 * {@link SearcherManager}: each search or lookup runs on one commit from start to end, and
 * {@link #refresh()} moves on to the folder's newest commit (a rebuild) without disturbing the
 * searches under way. Thread-safe, meant to be shared (the HTTP server keeps one).
 */
public final class SearchService implements Searcher {

    /** Values listed per facet dimension; every year (there are a few dozen at most). */
    private static final int FACET_VALUES = 12;
    private static final int YEAR_VALUES = 100;
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.KIND, IndexFields.ID, IndexFields.TITLE,
            IndexFields.URL, IndexFields.PRODUCT, IndexFields.LAST_MODIFIED);

    private final Path indexDir;
    private final QueryLimit limit;
    private final FSDirectory directory;
    private final SearcherManager searchers;
    private final QueryParser parser = new QueryParser();
    private final QueryBuilder builder;
    /** Fuzzy expansions by reader and query: the words people type recur. */
    private final LruCache<LuceneQueries.Expansion, Query> expansions = new LruCache<>(16_384);
    private final SpellingSuggester speller = new SpellingSuggester();
    private final Snippets snippets = new Snippets();
    private final Semaphore computing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /**
     * Opens the index folder's newest commit.
     *
     * @throws IllegalArgumentException when the folder holds no kb index of this schema version
     */
    public SearchService(Path indexDir) {
        this(indexDir, QueryLimit.DEFAULT);
    }

    /** A service that searches queries up to {@code limit} (tests use a larger one to pass Lucene's clause limit). */
    SearchService(Path indexDir, QueryLimit limit) {
        this(indexDir, limit, RankingWeights.DEFAULT);
    }

    /** A service that ranks with other weights (tests set one to zero to see what it does). */
    SearchService(Path indexDir, QueryLimit limit, RankingWeights weights) {
        this.limit = limit;
        this.builder = new QueryBuilder(weights);
        if (!Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("no index at " + indexDir + " (run 'kb build' first)");
        }
        this.indexDir = indexDir;
        FSDirectory directory = null;
        try {
            directory = FSDirectory.open(indexDir);
            this.searchers = new SearcherManager(directory, CommitSearcher.factory());
            this.directory = directory;
        } catch (CommitSearcher.SchemaMismatch e) {
            closeQuietly(directory);
            throw schemaMismatch(e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new IllegalArgumentException("no readable index at " + indexDir + " (run 'kb build' first): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Searches the index folder's newest commit from now on, if it changed: a search or lookup
     * under way finishes on the commit it started with, and the old commit is closed after the
     * last of them. A commit of another schema version is not opened. Thread-safe; waits if
     * another thread is refreshing.
     *
     * @return whether a new commit is now searched
     * @throws UncheckedIOException     when the newest commit cannot be read (the one searched stays)
     * @throws IllegalArgumentException when the newest commit has another schema version (the one
     *                                  searched stays)
     */
    @Override
    public boolean refresh() {
        long before = version();
        try {
            searchers.maybeRefreshBlocking();
        } catch (CommitSearcher.SchemaMismatch e) {
            throw schemaMismatch(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the new commit of the index at " + indexDir, e);
        }
        return version() != before;
    }

    /** The version of the commit searched; it grows with every commit (each {@code kb build}). */
    public long version() {
        CommitSearcher searcher = acquire();
        try {
            return searcher.version();
        } finally {
            release(searcher);
        }
    }

    private IllegalArgumentException schemaMismatch(CommitSearcher.SchemaMismatch e) {
        return new IllegalArgumentException("the index at " + indexDir + " has " + e.getMessage()
                + ": run 'kb build' again", e);
    }

    /**
     * Runs one search on the commit searched now. Answers are cached by request for as long as
     * that commit is searched (support staff repeat the same searches), so a repeated search
     * costs a map lookup; a new commit starts with no answers.
     */
    @Override
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        CommitSearcher searcher = acquire();
        try {
            SearchResults cached = searcher.answers().get(request);
            if (cached != null) {
                long took = (System.nanoTime() - start) / 1_000_000;
                return cached.took(took);
            }
            // At most one search per core computes at a time, the others wait their turn in arrival
            // order: under load every search then waits about as long, instead of fifty sharing two
            // cores and the slowest of them (fuzzy expansion, spelling) starving for a second.
            computing.acquireUninterruptibly();
            SearchResults results;
            try {
                results = compute(searcher, request, start);
            } finally {
                computing.release();
            }
            searcher.answers().put(request, results);
            return results;
        } finally {
            release(searcher);
        }
    }

    /**
     * Searches the beginning of the query that the limit ({@link QueryLimit#DEFAULT}) allows. A query within
     * it may still pass Lucene's clause limit (words that each expand to many near words); then
     * half as much of it is searched, and so on, rather than failing.
     */
    private SearchResults compute(CommitSearcher searcher, SearchRequest request, long start) {
        QueryLimit limit = this.limit;
        while (true) {
            QueryLimit.Cut cut = limit.cut(request.query(), builder::termCount);
            try {
                return compute(searcher, request, cut, start);
            } catch (IndexSearcher.TooManyClauses e) {
                if (cut.wordsSearched() <= 1 && cut.terms() <= 1) {
                    throw e; // one term is a handful of clauses: cannot happen
                }
                limit = limit.halved(cut);
            }
        }
    }

    private SearchResults compute(CommitSearcher searcher, SearchRequest request, QueryLimit.Cut cut, long start) {
        try {
            SearchPlan plan = SearchPlan.of(request, cut.searched(), parser);
            LuceneQueries queries = new LuceneQueries(searcher, expansions);
            QueryBuilder.Built<Query> built = builder.build(plan.filtered(), queries);
            if (!plan.parsed().phrases().isEmpty() && searcher.count(built.matches()) == 0) {
                built = builder.build(plan.withoutPhrases(request), queries);
            }
            // Rank only the top of the list (Lucene can skip documents that cannot make it), and
            // count and facet all matches with a query that scores nothing.
            TopDocs top = request.sort() == SearchRequest.Sort.DATE
                    ? searcher.search(built.query(), plan.wanted(),
                            new Sort(new SortField(IndexFields.LAST_MODIFIED, SortField.Type.LONG, true), SortField.FIELD_SCORE),
                            true)
                    : searcher.search(built.query(), plan.wanted());
            if (plan.rescore()) {
                top = searcher.titleRescorer().rescore(top, built.stems());
            }
            FacetsCollector matches = searcher.search(built.matches(), new FacetsCollectorManager());
            long total = totalHits(matches, top.totalHits);
            int from = SearchPlan.from(request, top.scoreDocs.length);
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from,
                    Math.min(top.scoreDocs.length, from + request.size()));
            List<SearchHit> hits = hits(searcher, built, page, from);
            Map<String, List<FacetCount>> facets = facets(searcher, matches);
            Map<String, Long> notClassified = searcher.coverage().notClassified(matches);
            String suggestion = plan.idOnly().isPresent() ? null : speller.suggest(plan.text(), searcher.getIndexReader());
            String redirect = plan.redirects(request) ? articleUrl(searcher, plan.idOnly().get()).orElse(null) : null;
            long took = (System.nanoTime() - start) / 1_000_000;
            return new SearchResults(request.query(), total, took, suggestion, hits, facets, notClassified, redirect,
                    cut.shortened() ? SearchResults.Shortened.of(cut) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    /**
     * An article's URL below the site root ({@code /kb/319/Q319864/}) by ID, in any form
     * ({@code Q319864}, {@code 319864}, {@code kb319864}); what short links lead to.
     */
    @Override
    public Optional<String> articleUrl(String id) {
        IndexSearcher searcher = acquire();
        try {
            return articleUrl(searcher, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    private static Optional<String> articleUrl(IndexSearcher searcher, String id) throws IOException {
        String form = id.strip().toLowerCase(Locale.ROOT);
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID_FORMS, form)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(IndexFields.URL))
                .get(IndexFields.URL));
    }

    /** An article's metadata JSON by ID (any form: {@code Q319864}, {@code 319864}, {@code kb319864}). */
    @Override
    public Optional<String> articleJson(String id) {
        IndexSearcher searcher = acquire();
        try {
            String form = id.strip().toLowerCase(Locale.ROOT);
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID_FORMS, form)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.ofNullable(searcher.storedFields().document(top.scoreDocs[0].doc).get(IndexFields.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, QueryBuilder.Built<Query> built, ScoreDoc[] page, int from)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        String[] marked = snippets.of(searcher, built.highlight(), page);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            // Only the fields a hit shows: the text and the metadata JSON are the bulk of a
            // stored document, and the text is read again only when no passage matched.
            Document doc = stored.document(page[i].doc, HIT_FIELDS);
            String id = doc.get(IndexFields.ID) == null ? "" : doc.get(IndexFields.ID);
            String title = doc.get(IndexFields.TITLE);
            String snippet = marked[i] != null ? marked[i]
                    : Snippets.lead(stored.document(page[i].doc, Set.of(IndexFields.BODY)).get(IndexFields.BODY));
            hits.add(new SearchHit(from + i + 1, doc.get(IndexFields.KIND), id, id.isEmpty() ? title : id + ": " + title,
                    doc.get(IndexFields.URL), snippet, nullToEmpty(doc.get(IndexFields.PRODUCT)),
                    nullToEmpty(doc.get(IndexFields.LAST_MODIFIED)), Float.isNaN(page[i].score) ? 0f : page[i].score));
        }
        return hits;
    }

    private static Map<String, List<FacetCount>> facets(CommitSearcher searcher, FacetsCollector collector)
            throws IOException {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        Optional<SortedSetDocValuesReaderState> state = searcher.facetState();
        Facets facets = state.isPresent() ? new SortedSetDocValuesFacetCounts(state.get(), collector) : null;
        for (String dim : IndexFields.FACETS) {
            List<FacetCount> counts = new ArrayList<>();
            FacetResult r = facets != null && hasDim(state.get(), dim)
                    ? facets.getTopChildren(dim.equals(IndexFields.YEAR) ? YEAR_VALUES : FACET_VALUES, dim) : null;
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    // Issue types are codes (kbbug): readers see their names (Bug), filters take the code.
                    String name = dim.equals(IndexFields.ISSUE_TYPE) ? ArticleKinds.name(lv.label) : lv.label;
                    counts.add(new FacetCount(lv.label, name, lv.value.longValue()));
                }
            }
            out.put(dim, counts);
        }
        return out;
    }

    private static boolean hasDim(SortedSetDocValuesReaderState state, String dim) {
        for (String d : state.getDims()) {
            if (d.equals(dim)) {
                return true;
            }
        }
        return false;
    }

    private static long totalHits(FacetsCollector collector, TotalHits fallback) {
        long total = 0;
        for (FacetsCollector.MatchingDocs m : collector.getMatchingDocs()) {
            total += m.totalHits();
        }
        return total;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private CommitSearcher acquire() {
        try {
            return (CommitSearcher) searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the commit searched (once the searches under way are done with it) and the folder. */
    @Override
    public void close() {
        try {
            searchers.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FSDirectory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                // Already failing to open: the first failure is the one to report.
            }
        }
    }
}
