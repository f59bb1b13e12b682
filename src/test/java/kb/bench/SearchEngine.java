package kb.bench;

import java.util.List;

/** A search engine under test: a query in, the top hits out. Implementations are thread-safe. */
interface SearchEngine {

    /** One hit: the article ID ({@code Q319864}, "" for a page that is not an article) and its title. */
    record Hit(String id, String title) {
    }

    /** The name tables print ({@code kb}, {@code OpenSearch plain}). */
    String name();

    /** The JSON key ({@code kb}, {@code opensearch_plain}). */
    String key();

    /** The first {@code size} hits of {@code query}, best first. */
    List<Hit> search(String query, int size);
}
