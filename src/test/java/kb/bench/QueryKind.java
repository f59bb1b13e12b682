package kb.bench;

/** The kinds of benchmark queries, each with the rank its target must reach to count as found. */
enum QueryKind {
    KNOWN_ITEM("known item", 3),
    VAGUE("vague", 10),
    TYPO("typo", 10),
    ERROR_MESSAGE("error message", 10),
    ID("ID", 1),
    // New kinds go after the published ones: a kind's seed is the first seed plus its ordinal.
    /** 5 to 12 consecutive words of a prose line of the body. */
    PASSAGE("passage", 10),
    /** The passages whose words stand together in at most {@link QuerySets#RARE_PASSAGE_ARTICLES} articles. */
    RARE_PASSAGE("rare passage", 10),
    /** One slip of any shape in a random title word, the query's words in random order. */
    TYPO_ANY_SHAPE("typo any shape", 10);

    /** The kinds published before passages and typos of every shape; the latency benchmarks mix these. */
    static final java.util.Set<QueryKind> PUBLISHED = java.util.EnumSet.range(KNOWN_ITEM, ID);

    private final String label;
    private final int cutoff;

    QueryKind(String label, int cutoff) {
        this.label = label;
        this.cutoff = cutoff;
    }

    /**
     * Whether the kind counts in the "all" row: not {@link #RARE_PASSAGE}, whose queries are
     * passages already counted (with {@code --per-kind all}, exactly a subset of them).
     */
    boolean inAll() {
        return this != RARE_PASSAGE;
    }

    /** The name tables print. */
    String label() {
        return label;
    }

    /** The target must be at this rank or better. */
    int cutoff() {
        return cutoff;
    }

    /** {@code top 3}, {@code rank 1}. */
    String goal() {
        return cutoff == 1 ? "rank 1" : "top " + cutoff;
    }

    /** The JSON key ({@code known_item}). */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
