package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import kb.model.ArticleKinds;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
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
 * {@link SearcherManager}; thread-safe, meant to be shared (the HTTP server keeps one).
 */
public final class SearchService implements Closeable {

    /** Values listed per facet dimension; every year (there are a few dozen at most). */
    private static final int FACET_VALUES = 12;
    private static final int YEAR_VALUES = 100;
    private static final int MAX_RANKED = 10_000;
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.TITLE, IndexFields.URL,
            IndexFields.PRODUCT, IndexFields.LAST_MODIFIED);

    private final SearcherManager searchers;
    private final QueryParser parser = new QueryParser();
    private final QueryBuilder builder = new QueryBuilder();
    private final SpellingSuggester speller = new SpellingSuggester();
    private final Map<Object, Optional<SortedSetDocValuesReaderState>> facetStates = new ConcurrentHashMap<>();
    private final Map<Object, FacetCoverage> coverages = new ConcurrentHashMap<>();
    private final TitleRescorer titleRescorer;
    private final Snippets snippets = new Snippets();
    private final LruCache<SearchRequest, SearchResults> cache = new LruCache<>(4096);
    private final Semaphore computing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /**
     * Opens the index folder.
     *
     * @throws IllegalArgumentException when the folder holds no kb index of this schema version
     */
    public SearchService(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("no index at " + indexDir + " (run 'kb build' first)");
        }
        try {
            DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir));
            String version = reader.getIndexCommit().getUserData().get(IndexFields.SCHEMA_KEY);
            if (!IndexFields.SCHEMA_VERSION.equals(version)) {
                reader.close();
                throw new IllegalArgumentException("the index at " + indexDir + " has schema version " + version
                        + ", this kb needs " + IndexFields.SCHEMA_VERSION + ": run 'kb build' again");
            }
            this.searchers = new SearcherManager(reader, null);
            this.titleRescorer = new TitleRescorer(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("no readable index at " + indexDir + " (run 'kb build' first): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs one search. Answers are cached by request while the index is unchanged (kb's index
     * is read-only once built; support staff repeat the same searches), so a repeated search
     * costs a map lookup.
     */
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        SearchResults cached = cache.get(request);
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
            results = compute(request, start);
        } finally {
            computing.release();
        }
        cache.put(request, results);
        return results;
    }

    private SearchResults compute(SearchRequest request, long start) {
        IndexSearcher searcher = acquire();
        try {
            Optional<String> idOnly = ArticleIdQuery.number(request.query());
            // "kb/319864" (a short link pasted) and "Q0319864" are searched as the ID they name.
            boolean odd = idOnly.isPresent() && !request.query().strip().matches("(?i)(q|kb)?[1-9][0-9]*");
            ParsedQuery parsed = parser.parse(odd ? "Q" + idOnly.get() : request.query());
            QueryBuilder.Built built = builder.build(withRequestFilters(parsed, request), searcher);
            if (!parsed.phrases().isEmpty() && searcher.count(built.matches()) == 0) {
                // A quoted phrase nothing contains (often a pasted message with its quotes):
                // search its words instead of answering nothing.
                built = builder.build(withRequestFilters(withoutPhrases(parsed), request), searcher);
            }

            // Results past the first 10,000 are not ranked (the total still counts them all).
            int wanted = (int) Math.min(MAX_RANKED, (long) request.page() * request.size());
            // Typed queries (a few words) are often a title recalled: the top is reordered by how
            // much of each title they name, so rank deep enough for that on every page.
            boolean rescore = request.sort() == SearchRequest.Sort.RELEVANCE && !parsed.words().isEmpty()
                    && parsed.words().size() <= QueryBuilder.TYPED_WORDS;
            if (rescore) {
                wanted = Math.max(wanted, TitleRescorer.DEPTH);
            }
            // Rank only the top of the list (Lucene can skip documents that cannot make it), and
            // count and facet all matches with a query that scores nothing.
            TopDocs top = request.sort() == SearchRequest.Sort.DATE
                    ? searcher.search(built.query(), wanted,
                            new Sort(new SortField(IndexFields.LAST_MODIFIED, SortField.Type.LONG, true), SortField.FIELD_SCORE),
                            true)
                    : searcher.search(built.query(), wanted);
            if (rescore) {
                top = titleRescorer.rescore(top, built.stems());
            }
            FacetsCollector matches = searcher.search(built.matches(), new FacetsCollectorManager());
            long total = totalHits(matches, top.totalHits);
            int from = Math.min((request.page() - 1) * request.size(), top.scoreDocs.length);
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from,
                    Math.min(top.scoreDocs.length, from + request.size()));
            List<SearchHit> hits = hits(searcher, built, page, from);
            Map<String, List<FacetCount>> facets = facets(searcher, matches);
            IndexReader reader = searcher.getIndexReader();
            Map<String, Long> notClassified = coverages.computeIfAbsent(readerKey(reader), k -> new FacetCoverage(reader))
                    .notClassified(matches);
            String suggestion = idOnly.isPresent() ? null : speller.suggest(request.query(), reader);
            // Only an ID, nothing else asked: the reader wants that article, not a list.
            String redirect = idOnly.isPresent() && request.unfiltered() && request.page() == 1
                    ? articleUrl(searcher, idOnly.get()).orElse(null) : null;
            long took = (System.nanoTime() - start) / 1_000_000;
            return new SearchResults(request.query(), total, took, suggestion, hits, facets, notClassified, redirect);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    private static ParsedQuery withoutPhrases(ParsedQuery p) {
        List<String> words = new ArrayList<>(p.words());
        p.phrases().forEach(ph -> words.addAll(List.of(ph.split("\\s+"))));
        return new ParsedQuery(words, List.of(), p.excluded(), p.prefixes(), p.filters(), p.excludedFilters(), p.ids());
    }

    private static ParsedQuery withRequestFilters(ParsedQuery parsed, SearchRequest request) {
        Map<String, List<String>> filters = new LinkedHashMap<>(parsed.filters());
        request.product().ifPresent(p -> filters.computeIfAbsent(IndexFields.PRODUCT, k -> new ArrayList<>()).add(p));
        request.type().ifPresent(t -> filters.computeIfAbsent(IndexFields.ISSUE_TYPE, k -> new ArrayList<>()).add(t));
        request.year().ifPresent(y -> filters.computeIfAbsent(IndexFields.YEAR, k -> new ArrayList<>()).add(Integer.toString(y)));
        if (!request.pages()) {
            filters.put(IndexFields.KIND, List.of(IndexDocuments.ARTICLE));
        }
        return parsed.withFilters(filters);
    }

    /**
     * An article's URL below the site root ({@code /kb/319/Q319864/}) by ID, in any form
     * ({@code Q319864}, {@code 319864}, {@code kb319864}); what short links lead to.
     */
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
        String form = id.strip().toLowerCase(java.util.Locale.ROOT);
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID_FORMS, form)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(IndexFields.URL))
                .get(IndexFields.URL));
    }

    /** An article's metadata JSON by ID (any form: {@code Q319864}, {@code 319864}, {@code kb319864}). */
    public Optional<String> articleJson(String id) {
        IndexSearcher searcher = acquire();
        try {
            String form = id.strip().toLowerCase(java.util.Locale.ROOT);
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

    private List<SearchHit> hits(IndexSearcher searcher, QueryBuilder.Built built, ScoreDoc[] page, int from)
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
            hits.add(new SearchHit(from + i + 1, id, id.isEmpty() ? title : id + ": " + title,
                    doc.get(IndexFields.URL), snippet, nullToEmpty(doc.get(IndexFields.PRODUCT)),
                    nullToEmpty(doc.get(IndexFields.LAST_MODIFIED)), Float.isNaN(page[i].score) ? 0f : page[i].score));
        }
        return hits;
    }

    private Map<String, List<FacetCount>> facets(IndexSearcher searcher, FacetsCollector collector) throws IOException {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        IndexReader reader = searcher.getIndexReader();
        Optional<SortedSetDocValuesReaderState> state = facetStates.computeIfAbsent(readerKey(reader), k -> facetState(reader));
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

    /** What per-reader caches are keyed by: the reader's cache key, or the reader itself. */
    private static Object readerKey(IndexReader reader) {
        return reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    }

    private static boolean hasDim(SortedSetDocValuesReaderState state, String dim) {
        for (String d : state.getDims()) {
            if (d.equals(dim)) {
                return true;
            }
        }
        return false;
    }

    /** The facet state of a reader; empty for an index without any facet value (no articles). */
    private static Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) {
        try {
            return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, IndexDocuments.facetsConfig()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
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

    @Override
    public void close() {
        try {
            searchers.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
