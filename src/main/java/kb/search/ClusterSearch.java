package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kb.json.KbJson;
import kb.model.ArticleKinds;
import org.apache.lucene.analysis.Analyzer;

/**
 * Searches a cluster index that {@code kb publish} filled, through an alias, with kb's ranking,
 * syntax and answers: the query is built by the same {@link QueryBuilder} as for kb's own index,
 * in OpenSearch's DSL ({@link ClusterQueries}), and run with {@code dfs_query_then_fetch} so that
 * every shard scores with the whole index's statistics; the top is reordered by title as kb does
 * ({@link TitleRescorer}'s formula, with the cluster's document frequencies); facets are terms
 * aggregations, "not classified" counts are {@code missing} aggregations, snippets come from the
 * cluster's highlighter (cut as kb cuts them), "did you mean" from its term suggester set up as
 * kb's spelling checker.
 *
 * <p>A search takes up to four requests: the document frequencies its words need (for typo
 * tolerance and spelling), the ranked search with facets and suggestions, the title statistics
 * of the top (typed queries only) and the page's hits with snippets. Shard failures are not
 * accepted ({@code allow_partial_search_results=false}): a search fails, and the client tries
 * another node, rather than answer from part of the index. Thread-safe; holds no state of the
 * cluster, so several {@code kb serve} can share one.
 */
public final class ClusterSearch implements Searcher {

    private static final String SEARCH = "/_search?search_type=dfs_query_then_fetch&allow_partial_search_results=false";
    private static final int FACET_VALUES = 12;
    private static final int YEAR_VALUES = 100;
    /** Enough per shard for exact facet counts (terms aggregations are approximate with fewer). */
    private static final int SHARD_VALUES = 10_000;
    private static final List<String> HIT_SOURCE = List.of(IndexFields.KIND, IndexFields.ID, IndexFields.TITLE,
            IndexFields.URL, IndexFields.PRODUCT_FACET, IndexFields.LAST_MODIFIED, IndexFields.BODY);

    private final ClusterTransport cluster;
    private final String alias;
    private final QueryLimit limit;
    private final QueryParser parser = new QueryParser();
    private final QueryBuilder builder = new QueryBuilder();
    private final Analyzer titleAnalyzer = Analyzers.english();

    /**
     * @param cluster how to reach the cluster
     * @param alias   the alias (or index) searched
     */
    public ClusterSearch(ClusterTransport cluster, String alias) {
        this(cluster, alias, QueryLimit.DEFAULT);
    }

    ClusterSearch(ClusterTransport cluster, String alias, QueryLimit limit) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.alias = Objects.requireNonNull(alias, "alias");
        this.limit = limit;
    }

    @Override
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        QueryLimit limit = this.limit;
        while (true) {
            QueryLimit.Cut cut = limit.cut(request.query(), builder::termCount);
            try {
                return search(request, cut, start);
            } catch (RuntimeException e) {
                // The cluster's clause limit, like Lucene's: search half as much of the query.
                boolean tooMany = String.valueOf(e.getMessage()).contains("too_many");
                if (!tooMany || cut.wordsSearched() <= 1 && cut.terms() <= 1) {
                    throw e;
                }
                limit = limit.halved(cut);
            }
        }
    }

    private SearchResults search(SearchRequest request, QueryLimit.Cut cut, long start) {
        SearchPlan plan = SearchPlan.of(request, cut.searched(), parser);
        List<String> spelling = plan.idOnly().isPresent() ? List.of() : SpellingSuggester.candidates(plan.text());
        Statistics stats = statistics(builder.spellTerms(plan.withoutPhrases(request)), spelling);
        ClusterQueries queries = new ClusterQueries(stats.byTerm());
        QueryBuilder.Built<ObjectNode> built = builder.build(plan.filtered(), queries);
        if (!plan.parsed().phrases().isEmpty() && count(built.query()) == 0) {
            built = builder.build(plan.withoutPhrases(request), queries);
        }
        List<String> unknown = spelling.stream().filter(w -> stats.byTerm().getOrDefault(w, 0) == 0).distinct().toList();
        JsonNode answer = post(SEARCH, ranked(built, plan, request, unknown));

        List<Ranked> top = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            top.add(new Ranked(hit.path("_id").asText(), (float) hit.path("_score").asDouble(0),
                    hit.path("_source").path(IndexFields.TITLE).asText("")));
        }
        if (plan.rescore()) {
            top = rescored(top, built.stems(), stats.documents());
        }
        int from = SearchPlan.from(request, top.size());
        List<Ranked> page = top.subList(from, Math.min(top.size(), from + request.size()));
        List<SearchHit> hits = hits(page, built.highlight(), from);
        String suggestion = plan.idOnly().isPresent() ? null
                : SpellingSuggester.suggest(plan.text(), word -> correction(answer.path("suggest").path(key(unknown, word))));
        String redirect = plan.redirects(request) ? articleUrl(plan.idOnly().get()).orElse(null) : null;
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SearchResults(request.query(), answer.path("hits").path("total").path("value").asLong(), took,
                suggestion, hits, facets(answer.path("aggregations")), notClassified(answer.path("aggregations")),
                redirect, cut.shortened() ? SearchResults.Shortened.of(cut) : null);
    }

    /** A hit of the ranked search: its {@code _id} (the URL), score and title. */
    private record Ranked(String id, float score, String title) {
    }

    /**
     * The document count and the document frequencies of some terms of a field.
     *
     * @param documents the documents of the index (for rarities)
     * @param byTerm    per term, the documents whose field has it
     */
    private record Statistics(long documents, Map<String, Integer> byTerm) {
    }

    private Statistics statistics(Set<String> terms, List<String> spelling) {
        Set<String> all = new TreeSet<>(terms);
        all.addAll(spelling);
        return frequencies(IndexFields.SPELL, all, true);
    }

    /**
     * In how many documents each term of a field occurs (filter aggregations, one request), and,
     * when {@code countAll}, how many documents the index holds.
     */
    private Statistics frequencies(String field, Set<String> terms, boolean countAll) {
        ObjectNode body = KbJson.object();
        body.put("size", 0).put("track_total_hits", countAll);
        body.putObject("query").putObject("match_all");
        ObjectNode aggs = body.putObject("aggs");
        List<String> order = new ArrayList<>(terms);
        for (int i = 0; i < order.size(); i++) {
            aggs.putObject("f" + i).putObject("filter").putObject("term").put(field, order.get(i));
        }
        JsonNode answer = post("/_search", body);
        Map<String, Integer> df = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            df.put(order.get(i), answer.path("aggregations").path("f" + i).path("doc_count").asInt());
        }
        return new Statistics(answer.path("hits").path("total").path("value").asLong(), df);
    }

    private long count(ObjectNode query) {
        ObjectNode body = KbJson.object();
        body.set("query", query);
        return post("/_count", body).path("count").asLong();
    }

    /** The ranked search: the top {@code wanted} hits' IDs and titles, facets, spelling suggestions. */
    private ObjectNode ranked(QueryBuilder.Built<ObjectNode> built, SearchPlan plan, SearchRequest request,
            List<String> unknown) {
        ObjectNode body = KbJson.object();
        body.set("query", built.query());
        body.put("size", plan.wanted()).put("track_total_hits", true);
        body.putArray("_source").add(IndexFields.TITLE);
        if (request.sort() == SearchRequest.Sort.DATE) {
            ArrayNode sort = body.putArray("sort");
            sort.addObject().putObject(IndexFields.LAST_MODIFIED).put("order", "desc").put("missing", "_last");
            sort.add("_score");
            body.put("track_scores", true);
        }
        ObjectNode aggs = body.putObject("aggs");
        terms(aggs, IndexFields.PRODUCT, IndexFields.PRODUCT_FACET, FACET_VALUES);
        terms(aggs, IndexFields.ISSUE_TYPE, IndexFields.ISSUE_TYPE, FACET_VALUES);
        terms(aggs, IndexFields.YEAR, IndexFields.YEAR, YEAR_VALUES);
        terms(aggs, IndexFields.TECHNOLOGY, IndexFields.TECHNOLOGY_FACET, FACET_VALUES);
        for (String dimension : IndexFields.FACETS) {
            aggs.putObject("none_" + dimension).putObject("missing").put("field", dimension);
        }
        if (!unknown.isEmpty()) {
            ObjectNode suggest = body.putObject("suggest");
            for (int i = 0; i < unknown.size(); i++) {
                ObjectNode s = suggest.putObject("w" + i);
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

    /** The name of the suggestion of an unknown word in the ranked search's answer. */
    private static String key(List<String> unknown, String word) {
        int i = unknown.indexOf(word);
        return i < 0 ? "" : "w" + i;
    }

    private static Optional<String> correction(JsonNode suggestion) {
        JsonNode option = suggestion.path(0).path("options").path(0);
        return option.isMissingNode() ? Optional.empty() : Optional.of(option.path("text").asText());
    }

    /**
     * The top reordered as {@link TitleRescorer} does: by how much of each title the query
     * names, each title word weighed by its rarity over the index's titles.
     */
    private List<Ranked> rescored(List<Ranked> top, Set<String> stems, long documents) {
        int n = Math.min(TitleRescorer.DEPTH, top.size());
        if (n < 2 || stems.isEmpty()) {
            return top;
        }
        List<Set<String>> titles = new ArrayList<>();
        Set<String> terms = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            Set<String> t = new TreeSet<>(QueryBuilder.terms(titleAnalyzer, top.get(i).title()));
            titles.add(t);
            terms.addAll(t);
        }
        Map<String, Integer> df = frequencies(IndexFields.TITLE, terms, false).byTerm();
        List<Ranked> out = new ArrayList<>(top);
        for (int i = 0; i < n; i++) {
            float all = 0;
            for (String term : titles.get(i)) {
                all += (float) TitleRescorer.idf(documents, df.getOrDefault(term, 0));
            }
            if (all == 0) {
                continue;
            }
            double named = 0;
            for (String stem : stems) {
                if (titles.get(i).contains(stem)) {
                    named += TitleRescorer.idf(documents, df.getOrDefault(stem, 0));
                }
            }
            Ranked r = out.get(i);
            out.set(i, new Ranked(r.id(), TitleRescorer.rescored(r.score(), named, all), r.title()));
        }
        // Stable: equal scores keep the order the first ranking gave them.
        out.subList(0, n).sort((a, b) -> Float.compare(b.score(), a.score()));
        return out;
    }

    /** The page's hits, with snippets: the cluster's best passage of each text, cut as kb cuts it. */
    private List<SearchHit> hits(List<Ranked> page, ObjectNode highlight, int from) {
        if (page.isEmpty()) {
            return List.of();
        }
        ObjectNode body = KbJson.object();
        body.put("size", page.size());
        ArrayNode ids = body.putObject("query").putObject("ids").putArray("values");
        page.forEach(r -> ids.add(r.id()));
        ArrayNode source = body.putArray("_source");
        HIT_SOURCE.forEach(source::add);
        ObjectNode h = body.putObject("highlight");
        h.putArray("pre_tags").add("<mark>");
        h.putArray("post_tags").add("</mark>");
        h.put("encoder", "html");
        ObjectNode field = h.putObject("fields").putObject(IndexFields.BODY);
        field.set("highlight_query", highlight);
        field.put("type", "unified").put("number_of_fragments", 1).put("fragment_size", 2 * Snippets.SNIPPET_MAX);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode hit : post("/_search", body).path("hits").path("hits")) {
            byId.put(hit.path("_id").asText(), hit);
        }
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            JsonNode hit = byId.get(page.get(i).id());
            if (hit == null) {
                continue; // deleted between the two requests (an incremental publish)
            }
            JsonNode s = hit.path("_source");
            String id = s.path(IndexFields.ID).asText("");
            String title = s.path(IndexFields.TITLE).asText("");
            JsonNode fragment = hit.path("highlight").path(IndexFields.BODY).path(0);
            String snippet = fragment.isMissingNode() ? Snippets.lead(s.path(IndexFields.BODY).asText(""))
                    : Snippets.shorten(fragment.asText());
            hits.add(new SearchHit(from + i + 1, s.path(IndexFields.KIND).asText(), id, id.isEmpty() ? title : id + ": " + title,
                    s.path(IndexFields.URL).asText(), snippet, s.path(IndexFields.PRODUCT_FACET).path(0).asText(""),
                    s.path(IndexFields.LAST_MODIFIED).asText(""), page.get(i).score()));
        }
        return hits;
    }

    private static Map<String, List<FacetCount>> facets(JsonNode aggs) {
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

    private static Map<String, Long> notClassified(JsonNode aggs) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String dimension : IndexFields.FACETS) {
            out.put(dimension, aggs.path("none_" + dimension).path("doc_count").asLong());
        }
        return out;
    }

    @Override
    public Optional<String> articleUrl(String id) {
        return article(id, IndexFields.URL);
    }

    @Override
    public Optional<String> articleJson(String id) {
        return article(id, IndexFields.JSON);
    }

    private Optional<String> article(String id, String field) {
        ObjectNode body = KbJson.object();
        body.put("size", 1);
        body.putObject("query").putObject("term").put(IndexFields.ID_FORMS, id.strip().toLowerCase(java.util.Locale.ROOT));
        body.putArray("_source").add(field);
        JsonNode hit = post("/_search", body).path("hits").path("hits").path(0);
        JsonNode value = hit.path("_source").path(field);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private JsonNode post(String endpoint, ObjectNode body) {
        return cluster.post("/" + alias + endpoint, body);
    }

    @Override
    public boolean refresh() {
        return false;
    }

    @Override
    public void close() {
        // nothing held: the client's connections belong to the caller
    }
}
