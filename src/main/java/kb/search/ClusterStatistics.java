package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import kb.json.KbJson;

/**
 * The statistics of a cluster index that kb's ranking needs besides the cluster's own scoring: the
 * number of documents, and how many documents hold a term of {@link IndexFields#SPELL} (typo
 * tolerance, "did you mean") or of {@link IndexFields#TITLE} (title rescoring). Each is asked of
 * the cluster once per index and kept: asked on every search they took a third of its time.
 *
 * <p>What is kept belongs to the index the alias points at, as the ranked answers name it (the
 * {@code _index} of their hits): when an answer names another index ({@code kb publish} moved the
 * alias), everything kept is dropped. Searches that run while the alias moves may weigh a
 * misspelt word's near words by the previous index's counts; which articles match never depends
 * on them. At most {@link #MAX_TERMS} terms are kept per index (then they are dropped and asked
 * again), so that odd queries cannot grow the server's memory. Thread-safe.
 */
final class ClusterStatistics {

    /** How many terms are kept per index before they are dropped. */
    static final int MAX_TERMS = 100_000;

    private final ClusterTransport cluster;
    private final String alias;
    private final AtomicReference<Kept> kept = new AtomicReference<>(new Kept(null));

    /**
     * @param cluster how to reach the cluster
     * @param alias   the alias (or index) searched
     */
    ClusterStatistics(ClusterTransport cluster, String alias) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.alias = Objects.requireNonNull(alias, "alias");
    }

    /** What is kept for one index: its name (null until an answer names it), counts by field and term. */
    private static final class Kept {
        private final String index;
        private final Map<String, Integer> frequencies;
        private volatile long documents = -1;

        Kept(String index) {
            this(index, new ConcurrentHashMap<>(), -1);
        }

        Kept(String index, Map<String, Integer> frequencies, long documents) {
            this.index = index;
            this.frequencies = frequencies;
            this.documents = documents;
        }
    }

    /** How many documents the index holds. */
    long documents() {
        Kept k = kept.get();
        long n = k.documents;
        if (n < 0) {
            ObjectNode body = KbJson.object();
            body.put("size", 0).put("track_total_hits", true);
            body.putObject("query").putObject("match_all");
            n = post(body).path("hits").path("total").path("value").asLong();
            k.documents = n;
        }
        return n;
    }

    /**
     * In how many documents each term occurs in a field: those not kept asked in one request
     * (a filter aggregation per term over the documents that have any of them).
     */
    Map<String, Integer> frequencies(String field, Set<String> terms) {
        Kept k = kept.get();
        Map<String, Integer> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String term : terms) {
            Integer df = k.frequencies.get(key(field, term));
            if (df == null) {
                missing.add(term);
            } else {
                out.put(term, df);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        ObjectNode body = KbJson.object();
        body.put("size", 0).put("track_total_hits", false);
        ArrayNode any = body.putObject("query").putObject("terms").putArray(field);
        missing.forEach(any::add);
        ObjectNode aggs = body.putObject("aggs");
        for (int i = 0; i < missing.size(); i++) {
            aggs.putObject("f" + i).putObject("filter").putObject("term").put(field, missing.get(i));
        }
        JsonNode answer = post(body).path("aggregations");
        if (k.frequencies.size() + missing.size() > MAX_TERMS) {
            k.frequencies.clear();
        }
        for (int i = 0; i < missing.size(); i++) {
            int df = answer.path("f" + i).path("doc_count").asInt();
            out.put(missing.get(i), df);
            k.frequencies.put(key(field, missing.get(i)), df);
        }
        return out;
    }

    /**
     * Notes which index answered a search: when the alias has moved to another, what was kept
     * for the previous one is dropped.
     *
     * @param index the {@code _index} of a hit of the ranked answer
     */
    void answeredBy(String index) {
        if (index == null || index.isEmpty()) {
            return;
        }
        Kept k = kept.get();
        if (index.equals(k.index)) {
            return;
        }
        // The first answer names the index whose counts were asked through the alias until then.
        Kept next = k.index == null ? new Kept(index, k.frequencies, k.documents) : new Kept(index);
        kept.compareAndSet(k, next);
    }

    private static String key(String field, String term) {
        return field + '\u0000' + term;
    }

    private JsonNode post(ObjectNode body) {
        return cluster.post("/" + alias + "/_search", body);
    }
}
