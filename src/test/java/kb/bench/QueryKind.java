package kb.bench;

/** The kinds of benchmark queries, each with the rank its target must reach to count as found. */
enum QueryKind {
    KNOWN_ITEM("known item", 3),
    VAGUE("vague", 10),
    TYPO("typo", 10),
    ERROR_MESSAGE("error message", 10),
    ID("ID", 1);

    private final String label;
    private final int cutoff;

    QueryKind(String label, int cutoff) {
        this.label = label;
        this.cutoff = cutoff;
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
