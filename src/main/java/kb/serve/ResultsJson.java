package kb.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.json.KbJson;
import kb.search.FacetCount;
import kb.search.SearchHit;
import kb.search.SearchResults;

/**
 * The JSON of {@code GET /api/search}, field by field:
 * <pre>{query, total, took_ms, suggestion, redirect, hits: [{id, title, url, snippet, product, last_modified, score}],
 *  facets: {product: [{value, name, count}], issue_type: [...], year: [...], technology: [...]},
 *  not_classified: {product: n, issue_type: n, year: n, technology: n},
 *  shortened: null | {searched, words, words_searched, note}}</pre>
 * {@code total}, the facet counts and {@code not_classified} count the same documents (articles
 * unless {@code pages=1} asked for other pages too; see {@link SearchResults}). A facet's
 * {@code value} is what the filter parameter takes ({@code kbbug}), its {@code name} what a reader
 * sees ({@code Bug}). {@code redirect} is the article's URL when the query is only its ID, else
 * {@code null}. {@code shortened} says, for a query longer than {@link kb.search.QueryLimit#DEFAULT},
 * which beginning of it was searched, with a sentence for the reader ({@code note}). URLs carry
 * the site's base URL, so that they can be followed as they are.
 */
final class ResultsJson {

    private final String baseurl;

    ResultsJson(String baseurl) {
        this.baseurl = baseurl;
    }

    String write(SearchResults results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", results.query());
        json.put("total", results.total());
        json.put("took_ms", results.tookMs());
        json.put("suggestion", results.suggestion());
        json.put("redirect", results.redirect() == null ? null : url(results.redirect()));
        List<Map<String, Object>> hits = new ArrayList<>(results.hits().size());
        for (SearchHit hit : results.hits()) {
            Map<String, Object> h = new LinkedHashMap<>();
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
        return KbJson.write(json);
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

    private String url(String path) {
        return path.startsWith("/") ? baseurl + path : path;
    }

    /** {@code {"error": message}}. */
    static String error(String message) {
        return KbJson.write(Map.of("error", message));
    }
}
