package kb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.json.KbJson;

/**
 * The JSON of search results, the one shape of {@code GET /api/search} and {@code kb search --json}
 * (version {@value #VERSION}, described field by field by
 * {@code docs/api/search-results.v1.schema.json}):
 * <pre>{version, query, total, took_ms, suggestion, redirect,
 *  hits: [{rank, kind, id, title, url, snippet, product, last_modified, score}],
 *  facets: {product: [{value, name, count}], issue_type: [...], year: [...], technology: [...]},
 *  not_classified: {product: n, issue_type: n, year: n, technology: n},
 *  shortened: null | {searched, words, words_searched, note}}</pre>
 * {@code total}, the facet counts and {@code not_classified} count the same documents (articles
 * unless other pages were asked for too; see {@link SearchResults}). A hit's {@code kind} is
 * {@code article} or {@code page}; a page has {@code id}, {@code product} and
 * {@code last_modified} "". A facet's {@code value} is what the filter takes ({@code kbbug}), its
 * {@code name} what a reader sees ({@code Bug}). {@code redirect} is the article's URL when the
 * query is only its ID, else {@code null}. {@code shortened} says, for a query longer than
 * {@link QueryLimit#DEFAULT}, which beginning of it was searched, with a sentence for the reader
 * ({@code note}). URLs are as the site serves them: below its base URL, so that they can be
 * followed as they are.
 *
 * <p>Fields appear in this order, every one of them always (absent values are {@code null}). A
 * change of the shape (a field added, removed or meaning something else) is a new
 * {@link #VERSION} and a new schema file. Immutable and thread-safe.
 */
public final class ResultsJson {

    /** The version of the shape, the top-level {@code version} field. */
    public static final int VERSION = 1;

    private final String baseurl;

    /**
     * @param baseurl the base URL the site is served at: "" or a path such as {@code /kbarchive}
     *                (as {@code SiteConfig.baseurl()} has it: no slash at the end)
     */
    public ResultsJson(String baseurl) {
        this.baseurl = baseurl;
    }

    /** The results as compact JSON text (what the API answers). */
    public String write(SearchResults results) {
        return KbJson.write(shape(results));
    }

    /** The same JSON, indented for people (what {@code kb search --json} prints). */
    public String writePretty(SearchResults results) {
        return KbJson.writePretty(shape(results));
    }

    /** A URL path below the site root ({@code /kb/319/Q319864/}) as the site serves it, with the base URL. */
    public String url(String path) {
        return path.startsWith("/") ? baseurl + path : path;
    }

    private Map<String, Object> shape(SearchResults results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", VERSION);
        json.put("query", results.query());
        json.put("total", results.total());
        json.put("took_ms", results.tookMs());
        json.put("suggestion", results.suggestion());
        json.put("redirect", results.redirect() == null ? null : url(results.redirect()));
        List<Map<String, Object>> hits = new ArrayList<>(results.hits().size());
        for (SearchHit hit : results.hits()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("rank", hit.rank());
            h.put("kind", hit.kind());
            h.put("id", hit.id());
            h.put("title", hit.title());
            h.put("url", url(hit.url()));
            h.put("snippet", hit.snippet());
            h.put("product", hit.product());
            h.put("last_modified", hit.lastModified());
            h.put("score", hit.score());
            hits.add(h);
        }
        json.put("hits", hits);
        Map<String, List<Map<String, Object>>> facets = new LinkedHashMap<>();
        results.facets().forEach((dimension, counts) -> {
            List<Map<String, Object>> values = new ArrayList<>(counts.size());
            for (FacetCount c : counts) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("value", c.value());
                v.put("name", c.name());
                v.put("count", c.count());
                values.add(v);
            }
            facets.put(dimension, values);
        });
        json.put("facets", facets);
        json.put("not_classified", results.notClassified());
        json.put("shortened", shortened(results.shortened()));
        return json;
    }

    private static Map<String, Object> shortened(SearchResults.Shortened shortened) {
        if (shortened == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("searched", shortened.searched());
        json.put("words", shortened.words());
        json.put("words_searched", shortened.wordsSearched());
        json.put("note", shortened.note());
        return json;
    }
}
