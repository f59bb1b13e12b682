package kb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a quality run: per kind and engine, how many targets reached their rank, as a
 * text table and as JSON; and the misses of one engine, as a few examples and as a full list.
 */
final class QualityReport {

    /** Width of a table cell: fits {@code 100.0% (112,207/113,076)}. */
    private static final int CELL = 24;
    /** Width of the kind column: fits the longest label. */
    private static final int LABEL = java.util.Arrays.stream(QueryKind.values())
            .mapToInt(k -> k.label().length()).max().orElse(0);
    /** Engine keys of the peer columns (OpenSearch's query shapes), of which the table also shows the best. */
    private static final String PEER_PREFIX = "opensearch_";

    private final List<String> engines;
    private final List<String> keys;
    /** Per engine key: the outcome of every query, in query order. */
    private final Map<String, List<Outcome>> outcomes;
    private final Map<String, String> titles;
    private final int articles;
    private final int perKind;
    private final long seed;

    QualityReport(List<SearchEngine> engines, Map<String, List<Outcome>> outcomes, Map<String, String> titles,
            int articles, int perKind, long seed) {
        this.engines = engines.stream().map(SearchEngine::name).toList();
        this.keys = engines.stream().map(SearchEngine::key).toList();
        this.outcomes = new LinkedHashMap<>(outcomes);
        this.titles = Map.copyOf(titles);
        this.articles = articles;
        this.perKind = perKind;
        this.seed = seed;
    }

    /**
     * The table: one row per kind plus "all" (which leaves out {@link QueryKind#inAll() subset
     * kinds}), one column per engine: {@code 91.4% (457/500)}; with 2 or more OpenSearch columns,
     * a last column "best peer": per row, the best of them.
     */
    String table() {
        StringBuilder sb = new StringBuilder();
        String sample = everyArticle() ? "a query of each kind from every article that has one"
                : String.format(Locale.ROOT, "up to %,d queries per kind", perKind);
        sb.append(String.format(Locale.ROOT, "search quality: %,d articles, %s, seed %d%n", articles, sample, seed));
        sb.append(String.format(Locale.ROOT, "%-" + LABEL + "s %7s  %-7s", "kind", "queries", "goal"));
        engines.forEach(e -> sb.append(String.format(Locale.ROOT, "  %-" + width(e) + "s", e)));
        if (peers().size() > 1) {
            sb.append(String.format(Locale.ROOT, "  %-" + CELL + "s", "best peer"));
        }
        sb.append('\n');
        for (QueryKind kind : QueryKind.values()) {
            row(sb, kind.label(), kind.goal(), kind);
        }
        row(sb, "all", "", null);
        return sb.toString();
    }

    private void row(StringBuilder sb, String label, String goal, QueryKind kind) {
        List<Outcome> first = select(keys.get(0), kind);
        sb.append(String.format(Locale.ROOT, "%-" + LABEL + "s %,7d  %-7s", label, first.size(), goal));
        for (String key : keys) {
            sb.append(String.format(Locale.ROOT, "  %-" + width(engineName(key)) + "s", cell(key, kind)));
        }
        if (peers().size() > 1) {
            String best = bestPeer(kind);
            sb.append(String.format(Locale.ROOT, "  %-" + CELL + "s", cell(best, kind) + " " + shortName(best)));
        }
        sb.append('\n');
    }

    private String cell(String key, QueryKind kind) {
        List<Outcome> rows = select(key, kind);
        long found = rows.stream().filter(Outcome::found).count();
        return String.format(Locale.ROOT, "%5.1f%% (%,d/%,d)", percent(found, rows.size()), found, rows.size());
    }

    /** The keys of the OpenSearch columns. */
    private List<String> peers() {
        return keys.stream().filter(k -> k.startsWith(PEER_PREFIX)).toList();
    }

    /** The OpenSearch column that found the most targets of the kind (the first of a tie). */
    private String bestPeer(QueryKind kind) {
        String best = null;
        long most = -1;
        for (String key : peers()) {
            long found = select(key, kind).stream().filter(Outcome::found).count();
            if (found > most) {
                best = key;
                most = found;
            }
        }
        return best;
    }

    /** {@code tuned_unstemmed} for {@code opensearch_tuned_unstemmed}. */
    private static String shortName(String key) {
        return key.substring(PEER_PREFIX.length());
    }

    private static int width(String engine) {
        return Math.max(CELL, engine.length());
    }

    /** The same figures as JSON, with the mean reciprocal rank (over the 10 hits fetched) per cell. */
    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("articles", articles);
        if (everyArticle()) {
            root.put("queries_per_kind", "all");
        } else {
            root.put("queries_per_kind", perKind);
        }
        root.put("seed", seed);
        ObjectNode names = root.putObject("engines");
        for (int i = 0; i < keys.size(); i++) {
            names.put(keys.get(i), engines.get(i));
        }
        ObjectNode kinds = root.putObject("kinds");
        for (QueryKind kind : QueryKind.values()) {
            cell(kinds.putObject(kind.key()).put("label", kind.label()).put("cutoff", kind.cutoff()), kind);
        }
        cell(root.putObject("all"), null);
        if (peers().size() > 1) {
            ObjectNode best = root.putObject("best_peer");
            for (QueryKind kind : QueryKind.values()) {
                best.put(kind.key(), bestPeer(kind));
            }
            best.put("all", bestPeer(null));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void cell(ObjectNode node, QueryKind kind) {
        node.put("queries", select(keys.get(0), kind).size());
        for (String key : keys) {
            List<Outcome> rows = select(key, kind);
            long found = rows.stream().filter(Outcome::found).count();
            double mrr = rows.stream().mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank()).average().orElse(0);
            node.putObject(key).put("found", found).put("queries", rows.size())
                    .put("percent", Math.round(percent(found, rows.size()) * 10) / 10.0)
                    .put("mrr", Math.round(mrr * 1000) / 1000.0);
        }
    }

    /** Whether the queries were made from every article rather than a sample ({@code --per-kind all}). */
    private boolean everyArticle() {
        return perKind == Integer.MAX_VALUE;
    }

    /** The misses of one engine: at most {@code perKind} examples per kind, for the console. */
    String missExamples(String key, int perKindShown, String fullListName) {
        StringBuilder sb = new StringBuilder();
        for (QueryKind kind : QueryKind.values()) {
            List<Outcome> misses = misses(key, kind);
            sb.append(String.format(Locale.ROOT, "%s misses, %s (%,d of %,d; all in %s):%n", engineName(key),
                    kind.label(), misses.size(), select(key, kind).size(), fullListName));
            for (Outcome o : misses.subList(0, Math.min(perKindShown, misses.size()))) {
                sb.append(String.format(Locale.ROOT, "  \"%s\" -> %s, %s%n", o.query().text(), title(o.query().target()),
                        o.rank() == 0 ? "not in top 10" : "at rank " + o.rank()));
                for (int i = 0; i < Math.min(3, o.top().size()); i++) {
                    sb.append(String.format(Locale.ROOT, "      %d. %s%n", i + 1, hitTitle(o.top().get(i))));
                }
            }
        }
        return sb.toString();
    }

    /** Every miss of one engine, tab-separated, one per line, under a header line. */
    String missList(String key) {
        StringBuilder sb = new StringBuilder(
                "kind\tquery\ttarget\ttarget_rank\ttop1\ttop2\ttop3\n");
        for (QueryKind kind : QueryKind.values()) {
            for (Outcome o : misses(key, kind)) {
                sb.append(kind.key()).append('\t').append(clean(o.query().text())).append('\t')
                        .append(clean(title(o.query().target()))).append('\t')
                        .append(o.rank() == 0 ? "-" : Integer.toString(o.rank()));
                for (int i = 0; i < 3; i++) {
                    sb.append('\t').append(i < o.top().size() ? clean(hitTitle(o.top().get(i))) : "");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Every query with the target's rank in each engine ({@code -} when not in the top 10),
     * tab-separated under a header line: where the engines differ, query by query.
     */
    String rankList() {
        StringBuilder sb = new StringBuilder("kind\tquery\ttarget");
        keys.forEach(k -> sb.append('\t').append(k));
        sb.append('\n');
        List<Outcome> first = outcomes.get(keys.get(0));
        for (int i = 0; i < first.size(); i++) {
            BenchQuery q = first.get(i).query();
            sb.append(q.kind().key()).append('\t').append(clean(q.text())).append('\t').append(q.target());
            for (String key : keys) {
                int rank = outcomes.get(key).get(i).rank();
                sb.append('\t').append(rank == 0 ? "-" : Integer.toString(rank));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private List<Outcome> misses(String key, QueryKind kind) {
        return select(key, kind).stream().filter(o -> !o.found()).toList();
    }

    private List<Outcome> select(String key, QueryKind kind) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome o : outcomes.get(key)) {
            if (kind == null ? o.query().kind().inAll() : o.query().kind() == kind) {
                out.add(o);
            }
        }
        return out;
    }

    private String engineName(String key) {
        return engines.get(keys.indexOf(key));
    }

    private String title(String id) {
        return titles.getOrDefault(id, id);
    }

    private static String hitTitle(SearchEngine.Hit hit) {
        return hit.id().isEmpty() || hit.title().startsWith(hit.id()) ? hit.title() : hit.id() + ": " + hit.title();
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
