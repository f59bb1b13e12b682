package kb.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.search.FacetCount;
import kb.search.SearchHit;
import kb.search.SearchResults;

/**
 * The JSON of {@code GET /api/search}, field by field:
 * <pre>{query, total, took_ms, suggestion, hits: [{id, title, url, snippet, product, last_modified, score}],
 *  facets: {product: [{value, count}], issue_type: [...], year: [...], technology: [...]}}</pre>
 * Hit URLs carry the site's base URL, so that they can be followed as they are.
 */
final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<Map<String, Object>> hits = new ArrayList<>(results.hits().size());
        for (SearchHit hit : results.hits()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("id", hit.id());
            h.put("title", hit.title());
            h.put("url", hit.url().startsWith("/") ? baseurl + hit.url() : hit.url());
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
                v.put("count", c.count());
                values.add(v);
            }
            facets.put(dimension, values);
        });
        json.put("facets", facets);
        return write(json);
    }

    /** {@code {"error": message}}. */
    static String error(String message) {
        return write(Map.of("error", message));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
