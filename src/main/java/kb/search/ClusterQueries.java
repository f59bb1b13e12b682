package kb.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.json.KbJson;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * kb's query parts in OpenSearch's query DSL, for an index made from {@code kb/cluster/index.json}
 * (same fields, analyzers that give the same terms): each part is the DSL query that Lucene runs
 * as the part {@link LuceneQueries} makes, so that the cluster scores as kb's index does (exactly
 * with one shard, or with the whole index's statistics; see {@link ClusterSearch}). Words are analyzed by kb
 * before they are sent; phrases are sent as text with {@code kb_english_phrases} (passages on
 * {@link IndexFields#SPELL}: {@code kb_plain_words}), the analyzer that makes the terms and
 * positions {@link QueryBuilder} made.
 */
final class ClusterQueries implements QueryFactory<ObjectNode> {

    /** The analyzer of phrase queries in the cluster's settings. */
    static final String PHRASE_ANALYZER = "kb_english_phrases";
    /** The analyzer of phrase queries on {@link IndexFields#SPELL} (pasted passages): {@code Analyzers.plainWords()}. */
    static final String PASSAGE_ANALYZER = "kb_plain_words";

    private final Map<String, Integer> spellFrequencies;

    /**
     * @param spellFrequencies the document frequencies of {@link IndexFields#SPELL} terms the
     *                         builder asks for ({@link QueryBuilder#spellTerms}), fetched before
     */
    ClusterQueries(Map<String, Integer> spellFrequencies) {
        this.spellFrequencies = spellFrequencies;
    }

    @Override
    public int docFreq(String field, String term) {
        Integer df = field.equals(IndexFields.SPELL) ? spellFrequencies.get(term) : null;
        if (df == null) {
            throw new IllegalStateException("no document frequency fetched for " + field + ":" + term);
        }
        return df;
    }

    @Override
    public ObjectNode term(String field, String term) {
        ObjectNode q = KbJson.object();
        q.putObject("term").putObject(field).put("value", term);
        return q;
    }

    @Override
    public ObjectNode boost(ObjectNode query, float boost) {
        ObjectNode copy = query.deepCopy();
        String type = copy.fieldNames().next();
        ObjectNode body = (ObjectNode) copy.get(type);
        // Term-level queries take their parameters under the field's name.
        ObjectNode params = switch (type) {
            case "term", "fuzzy", "prefix", "match_phrase" -> (ObjectNode) body.elements().next();
            default -> body;
        };
        params.put("boost", (float) (params.path("boost").asDouble(1) * boost));
        return copy;
    }

    @Override
    public ObjectNode disMax(List<ObjectNode> alternatives, float tieBreaker) {
        ObjectNode q = KbJson.object();
        ObjectNode d = q.putObject("dis_max");
        ArrayNode queries = d.putArray("queries");
        alternatives.forEach(queries::add);
        d.put("tie_breaker", tieBreaker);
        return q;
    }

    @Override
    public ObjectNode constantScore(ObjectNode query) {
        ObjectNode q = KbJson.object();
        q.putObject("constant_score").set("filter", query);
        return q;
    }

    @Override
    public ObjectNode phrase(String field, List<QueryBuilder.Positioned> terms, String text, int slop) {
        ObjectNode q = KbJson.object();
        // The spelling field holds every word as written: a passage is matched with its analyzer.
        String analyzer = field.equals(IndexFields.SPELL) ? PASSAGE_ANALYZER : PHRASE_ANALYZER;
        q.putObject("match_phrase").putObject(field).put("query", text).put("analyzer", analyzer).put("slop", slop);
        return q;
    }

    @Override
    public ObjectNode fuzzy(String field, String term, int edits, int prefixLength, Optional<Integer> topTerms) {
        ObjectNode q = KbJson.object();
        ObjectNode p = q.putObject("fuzzy").putObject(field);
        p.put("value", term).put("fuzziness", Integer.toString(edits)).put("prefix_length", prefixLength)
                .put("transpositions", true);
        if (topTerms.isPresent()) {
            p.put("max_expansions", topTerms.get()).put("rewrite", "top_terms_" + topTerms.get());
        } else {
            p.put("max_expansions", 50); // Lucene's default, blended by frequency as Lucene's default rewrite
        }
        return q;
    }

    @Override
    public ObjectNode prefix(String field, String prefix) {
        ObjectNode q = KbJson.object();
        q.putObject("prefix").putObject(field).put("value", prefix);
        return q;
    }

    @Override
    public ObjectNode titleCoverage(ObjectNode query, int queryWords) {
        // queryWords / title_length, at most 1: the reciprocal of title_length / queryWords,
        // capped (kb publishes a title length of at least 1).
        ObjectNode q = KbJson.object();
        ObjectNode f = q.putObject("function_score");
        f.set("query", query);
        f.putObject("field_value_factor").put("field", IndexFields.TITLE_LENGTH).put("factor", 1.0 / queryWords)
                .put("modifier", "reciprocal").put("missing", 1);
        f.put("max_boost", 1).put("boost_mode", "multiply");
        return q;
    }

    @Override
    public ObjectNode matchAll() {
        ObjectNode q = KbJson.object();
        q.putObject("match_all");
        return q;
    }

    @Override
    public ObjectNode bool(List<Clause<ObjectNode>> clauses, int minimumShouldMatch) {
        ObjectNode q = KbJson.object();
        ObjectNode b = q.putObject("bool");
        for (Clause<ObjectNode> c : clauses) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            (b.has(occur) ? (ArrayNode) b.get(occur) : b.putArray(occur)).add(c.query());
        }
        boolean onlyShould = clauses.stream().allMatch(c -> c.occur() == Occur.SHOULD || c.occur() == Occur.MUST_NOT);
        // Lucene: SHOULD clauses beside a MUST or FILTER are optional unless a minimum is set;
        // alone, one must match. OpenSearch's default is the same; say it when it is not.
        if (minimumShouldMatch > 0 || !onlyShould && b.has("should")) {
            b.put("minimum_should_match", minimumShouldMatch);
        }
        if (clauses.isEmpty()) {
            return matchNone(); // Lucene's empty boolean query matches nothing, OpenSearch's everything
        }
        if (!b.has("must") && !b.has("should") && !b.has("filter")) {
            // Only exclusions: Lucene matches nothing, OpenSearch everything else.
            return matchNone();
        }
        return q;
    }

    private ObjectNode matchNone() {
        ObjectNode q = KbJson.object();
        q.putObject("match_none");
        return q;
    }
}
