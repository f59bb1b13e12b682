package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.model.ArticleKinds;

/** What {@link ClusterSearch} reads from the cluster's answers, as kb's search results. */
final class ClusterAnswers {

    /** The prefix of the aggregations that count documents a facet does not classify. */
    static final String NOT_CLASSIFIED = "none_";

    private ClusterAnswers() {
    }

    /** The name of the {@code i}th unknown word's suggestion in the ranked request. */
    static String suggestion(int i) {
        return "w" + i;
    }

    /** The correction the term suggester offers for the {@code i}th unknown word, if any. */
    static Optional<String> correction(JsonNode answer, int i) {
        if (i < 0) {
            return Optional.empty();
        }
        JsonNode option = answer.path("suggest").path(suggestion(i)).path(0).path("options").path(0);
        return option.isMissingNode() ? Optional.empty() : Optional.of(option.path("text").asText());
    }

    /** The facets' values and counts, from the ranked answer's terms aggregations. */
    static Map<String, List<FacetCount>> facets(JsonNode answer) {
        JsonNode aggs = answer.path("aggregations");
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            List<FacetCount> counts = new ArrayList<>();
            for (JsonNode bucket : aggs.path(dimension).path("buckets")) {
                String value = bucket.path("key").asText();
                // Issue types are codes (kbbug): readers see their names (Bug), filters take the code.
                String name = dimension.equals(IndexFields.ISSUE_TYPE) ? ArticleKinds.name(value) : value;
                counts.add(new FacetCount(value, name, bucket.path("doc_count").asLong()));
            }
            out.put(dimension, counts);
        }
        return out;
    }

    /** Per facet, how many matching documents it does not classify. */
    static Map<String, Long> notClassified(JsonNode answer) {
        JsonNode aggs = answer.path("aggregations");
        Map<String, Long> out = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            out.put(dimension, aggs.path(NOT_CLASSIFIED + dimension).path("doc_count").asLong());
        }
        return out;
    }

    /**
     * A hit as kb shows it, from a hit asked for with {@link ClusterRequests#hits}'s highlight:
     * the cluster's best passage of the text cut as kb cuts it, or the text's start when no word
     * of the query is in it.
     */
    static SearchHit hit(JsonNode hit, int rank, float score) {
        JsonNode s = hit.path("_source");
        String id = s.path(IndexFields.ID).asText("");
        String title = s.path(IndexFields.TITLE).asText("");
        String fragment = hit.path("highlight").path(IndexFields.BODY).path(0).asText("");
        // A passage has the query's words marked; without a mark it is the text's start.
        String snippet = fragment.contains("<mark>") ? Snippets.shorten(fragment) : Snippets.lead(unescaped(fragment));
        return new SearchHit(rank, s.path(IndexFields.KIND).asText(), id, id.isEmpty() ? title : id + ": " + title,
                s.path(IndexFields.URL).asText(), snippet, s.path(IndexFields.PRODUCT_FACET).path(0).asText(""),
                s.path(IndexFields.LAST_MODIFIED).asText(""), score);
    }

    /** Text that the highlighter's {@code html} encoder escaped (Lucene's SimpleHTMLEncoder), as written. */
    static String unescaped(String html) {
        if (html.indexOf('&') < 0) {
            return html;
        }
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
