package kb.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kb.json.KbJson;

/** The bodies of the requests {@link ClusterSearch} sends, in OpenSearch's search API. */
final class ClusterRequests {

    /**
     * The ranked search's endpoint: never answered from part of the index; with
     * {@code wholeIndex}, every shard scores with the whole index's statistics (a first round
     * trip to every shard for them), otherwise with its own, as OpenSearch does by default.
     */
    static String ranked(boolean wholeIndex) {
        return "/_search?" + (wholeIndex ? "search_type=dfs_query_then_fetch&" : "") + "allow_partial_search_results=false";
    }
    /** Any other search. */
    static final String SEARCH = "/_search";
    /** A count. */
    static final String COUNT = "/_count";

    private static final int FACET_VALUES = 12;
    private static final int YEAR_VALUES = 100;
    /** Enough per shard for exact facet counts (terms aggregations are approximate with fewer). */
    private static final int SHARD_VALUES = 10_000;
    /** What a hit shows besides its snippet (the text itself stays in the cluster). */
    private static final List<String> HIT_SOURCE = List.of(IndexFields.KIND, IndexFields.ID, IndexFields.TITLE,
            IndexFields.URL, IndexFields.PRODUCT_FACET, IndexFields.LAST_MODIFIED);
    /**
     * How much of the text's start the highlighter returns when no word of the query is in it:
     * enough for {@link Snippets#lead}, which cuts it at a space.
     */
    private static final int LEAD_SOURCE = Snippets.LEAD_MAX + 100;

    private ClusterRequests() {
    }

    /**
     * The ranked search: the top {@code wanted} hits' IDs and titles, the facets (terms
     * aggregations), the documents each facet does not classify ({@code missing}
     * aggregations), and a correction of each unknown word (term suggester set up as kb's
     * {@link SpellingSuggester}); with {@code highlight}, every hit as {@link #hits} asks for it.
     */
    static ObjectNode ranked(ObjectNode query, int wanted, SearchRequest.Sort sort, List<String> unknown,
            Optional<ObjectNode> highlight) {
        ObjectNode body = KbJson.object();
        body.set("query", query);
        body.put("size", wanted).put("track_total_hits", true);
        if (highlight.isPresent()) {
            shown(body, highlight.get());
        } else {
            body.putArray("_source").add(IndexFields.TITLE);
        }
        if (sort == SearchRequest.Sort.DATE) {
            ArrayNode order = body.putArray("sort");
            order.addObject().putObject(IndexFields.LAST_MODIFIED).put("order", "desc").put("missing", "_last");
            order.add("_score");
            body.put("track_scores", true);
        }
        ObjectNode aggs = body.putObject("aggs");
        terms(aggs, IndexFields.PRODUCT, IndexFields.PRODUCT_FACET, FACET_VALUES);
        terms(aggs, IndexFields.ISSUE_TYPE, IndexFields.ISSUE_TYPE, FACET_VALUES);
        terms(aggs, IndexFields.YEAR, IndexFields.YEAR, YEAR_VALUES);
        terms(aggs, IndexFields.TECHNOLOGY, IndexFields.TECHNOLOGY_FACET, FACET_VALUES);
        for (String dimension : IndexFields.FACETS) {
            aggs.putObject(ClusterAnswers.NOT_CLASSIFIED + dimension).putObject("missing").put("field", dimension);
        }
        if (!unknown.isEmpty()) {
            ObjectNode suggest = body.putObject("suggest");
            for (int i = 0; i < unknown.size(); i++) {
                ObjectNode s = suggest.putObject(ClusterAnswers.suggestion(i));
                s.put("text", unknown.get(i));
                s.putObject("term").put("field", IndexFields.SPELL).put("suggest_mode", "missing")
                        .put("size", 1).put("max_edits", SpellingSuggester.MAX_EDITS)
                        .put("prefix_length", SpellingSuggester.MIN_PREFIX)
                        .put("min_word_length", SpellingSuggester.MIN_QUERY_LENGTH)
                        .put("accuracy", SpellingSuggester.ACCURACY);
            }
        }
        return body;
    }

    private static void terms(ObjectNode aggs, String name, String field, int size) {
        aggs.putObject(name).putObject("terms").put("field", field).put("size", size).put("shard_size", SHARD_VALUES);
    }

    /**
     * The page's hits by their {@code _id}, with what a hit shows and the best passage of each
     * text ({@code highlight}: the query's words), marked as kb marks them, or the text's start
     * when none of the words is in it.
     */
    static ObjectNode hits(List<String> ids, ObjectNode highlight) {
        ObjectNode body = KbJson.object();
        body.put("size", ids.size());
        ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        shown(body, highlight);
        return body;
    }

    /** What each hit shows, and its snippet: the text's best passage, or its start. */
    private static void shown(ObjectNode body, ObjectNode highlight) {
        ArrayNode source = body.putArray("_source");
        HIT_SOURCE.forEach(source::add);
        ObjectNode h = body.putObject("highlight");
        h.putArray("pre_tags").add("<mark>");
        h.putArray("post_tags").add("</mark>");
        h.put("encoder", "html");
        ObjectNode field = h.putObject("fields").putObject(IndexFields.BODY);
        field.set("highlight_query", highlight);
        field.put("type", "unified").put("number_of_fragments", 1).put("fragment_size", 2 * Snippets.SNIPPET_MAX)
                .put("no_match_size", LEAD_SOURCE);
    }

    /** The article with an ID in any of its forms, only {@code field} of its source. */
    static ObjectNode article(String id, String field) {
        ObjectNode body = KbJson.object();
        body.put("size", 1);
        body.putObject("query").putObject("term").put(IndexFields.ID_FORMS, id.strip().toLowerCase(Locale.ROOT));
        body.putArray("_source").add(field);
        return body;
    }

    /** How many documents a query matches. */
    static ObjectNode count(ObjectNode query) {
        ObjectNode body = KbJson.object();
        body.set("query", query);
        return body;
    }
}
