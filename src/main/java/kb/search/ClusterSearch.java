package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;

/**
 * Searches a cluster index that {@code kb publish} filled, through an alias, with kb's ranking,
 * syntax and answers: the query is built by the same {@link QueryBuilder} as for kb's own index,
 * in OpenSearch's DSL ({@link ClusterQueries}), and run with OpenSearch's default search type
 * (each shard scores with its own statistics; {@code dfs_query_then_fetch}, with the whole
 * index's, for an index of fewer than {@value #OWN_STATISTICS_FROM} documents); the top is
 * reordered by title as kb does ({@link TitleRescorer}'s formula, with the cluster's document frequencies); facets are terms
 * aggregations, "not classified" counts are {@code missing} aggregations, snippets come from the
 * cluster's highlighter (cut as kb cuts them), "did you mean" from its term suggester set up as
 * kb's spelling checker ({@link ClusterRequests}, {@link ClusterAnswers}).
 *
 * <p>A search takes one request, the ranked search with its facets, suggestions and the hits'
 * snippets (a second for the page's hits when the page lies deeper than the rescored top). The
 * document frequencies that typo tolerance, spelling and title rescoring need are asked before or
 * between them only when not yet known for the index ({@link ClusterStatistics}). Shard failures
 * are not accepted ({@code allow_partial_search_results=false}): a search fails, and the client
 * tries another node, rather than answer from part of the index. Thread-safe; several
 * {@code kb serve} can share one cluster.
 */
public final class ClusterSearch implements Searcher {

    /** From how many documents each shard scores with its own statistics (no DFS round). */
    static final long OWN_STATISTICS_FROM = 10_000;

    private final ClusterTransport cluster;
    private final String alias;
    private final QueryLimit limit;
    private final ClusterStatistics statistics;
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
        this.statistics = new ClusterStatistics(cluster, alias);
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
        Set<String> terms = new TreeSet<>(builder.spellTerms(plan.withoutPhrases(request)));
        terms.addAll(spelling);
        Map<String, Integer> spellFrequencies = statistics.frequencies(IndexFields.SPELL, terms);
        ClusterQueries queries = new ClusterQueries(spellFrequencies);
        QueryBuilder.Built<ObjectNode> built = builder.build(plan.filtered(), queries);
        if (!plan.parsed().phrases().isEmpty() && count(built.query()) == 0) {
            built = builder.build(plan.withoutPhrases(request), queries);
        }
        List<String> unknown = spelling.stream().filter(w -> spellFrequencies.getOrDefault(w, 0) == 0).distinct().toList();
        // Shallow pages (nearly every search) come with their snippets in the ranked answer: a
        // highlight of the rescored depth costs the cluster what a second request for the page's
        // hits did, and saves the round trip.
        boolean shown = plan.wanted() <= TitleRescorer.DEPTH;
        // Shards score with their own statistics unless the index is small: on the dev corpus (30,432
        // articles in 3 shards) that changed 1 answer of 5,000 and saved a third of the time; in a
        // small index, a shard's statistics stray further from the whole's and the extra round
        // trip costs little.
        boolean wholeIndex = statistics.documents() < OWN_STATISTICS_FROM;
        JsonNode answer = post(ClusterRequests.ranked(wholeIndex), ClusterRequests.ranked(built.query(), plan.wanted(),
                request.sort(), unknown, shown ? Optional.of(built.highlight()) : Optional.empty()));
        JsonNode ranked = answer.path("hits").path("hits");
        statistics.answeredBy(ranked.path(0).path("_index").asText(null));

        List<Ranked> top = new ArrayList<>();
        for (JsonNode hit : ranked) {
            top.add(new Ranked(hit.path("_id").asText(), (float) hit.path("_score").asDouble(0),
                    hit.path("_source").path(IndexFields.TITLE).asText(""), hit));
        }
        if (plan.rescore()) {
            top = rescored(top, built.stems());
        }
        int from = SearchPlan.from(request, top.size());
        List<Ranked> page = top.subList(from, Math.min(top.size(), from + request.size()));
        List<SearchHit> hits = shown ? hits(page, from) : hits(page, built.highlight(), from);
        String suggestion = plan.idOnly().isPresent() ? null
                : SpellingSuggester.suggest(plan.text(), word -> ClusterAnswers.correction(answer, unknown.indexOf(word)));
        String redirect = plan.redirects(request) ? articleUrl(plan.idOnly().get()).orElse(null) : null;
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SearchResults(request.query(), answer.path("hits").path("total").path("value").asLong(), took,
                suggestion, hits, ClusterAnswers.facets(answer), ClusterAnswers.notClassified(answer),
                redirect, cut.shortened() ? SearchResults.Shortened.of(cut) : null);
    }

    /** A hit of the ranked search: its {@code _id} (the URL), score, title, and the hit as answered. */
    private record Ranked(String id, float score, String title, JsonNode hit) {
    }

    private long count(ObjectNode query) {
        return post(ClusterRequests.COUNT, ClusterRequests.count(query)).path("count").asLong();
    }

    /**
     * The top reordered as {@link TitleRescorer} does: by how much of each title the query
     * names, each title word weighed by its rarity over the index's titles.
     */
    private List<Ranked> rescored(List<Ranked> top, Set<String> stems) {
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
        Map<String, Integer> df = statistics.frequencies(IndexFields.TITLE, terms);
        long documents = statistics.documents();
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
            out.set(i, new Ranked(r.id(), TitleRescorer.rescored(r.score(), named, all), r.title(), r.hit()));
        }
        // Stable: equal scores keep the order the first ranking gave them.
        out.subList(0, n).sort((a, b) -> Float.compare(b.score(), a.score()));
        return out;
    }

    /** The page's hits from the ranked answer, which holds what they show. */
    private static List<SearchHit> hits(List<Ranked> page, int from) {
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            hits.add(ClusterAnswers.hit(page.get(i).hit(), from + i + 1, page.get(i).score()));
        }
        return hits;
    }

    /** The page's hits, in the ranked order, with snippets, asked for by their IDs. */
    private List<SearchHit> hits(List<Ranked> page, ObjectNode highlight, int from) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode answer = post(ClusterRequests.SEARCH, ClusterRequests.hits(page.stream().map(Ranked::id).toList(), highlight));
        for (JsonNode hit : answer.path("hits").path("hits")) {
            byId.put(hit.path("_id").asText(), hit);
        }
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            JsonNode hit = byId.get(page.get(i).id());
            if (hit != null) { // else deleted between the two requests (an incremental publish)
                hits.add(ClusterAnswers.hit(hit, from + i + 1, page.get(i).score()));
            }
        }
        return hits;
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
        JsonNode hit = post(ClusterRequests.SEARCH, ClusterRequests.article(id, field)).path("hits").path("hits").path(0);
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
