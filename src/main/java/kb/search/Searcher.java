package kb.search;

import java.io.Closeable;
import java.util.Optional;

/**
 * What {@code kb serve} searches: kb's own index ({@link SearchService}) or a search cluster
 * ({@link ClusterSearch}); both answer with the same ranking and the same {@link SearchResults}.
 * Implementations are thread-safe.
 */
public interface Searcher extends Closeable {

    /** One search. */
    SearchResults search(SearchRequest request);

    /** An article's URL below the site root by ID, in any form ({@code Q319864}, {@code 319864}, {@code kb319864}). */
    Optional<String> articleUrl(String id);

    /** An article's metadata JSON by ID, in any form. */
    Optional<String> articleJson(String id);

    /**
     * Searches what was written since, if anything: kb's index's newest commit. A cluster is
     * always searched as it is now (its alias and refreshes decide), so there it does nothing.
     *
     * @return whether something new is now searched
     */
    boolean refresh();

    @Override
    void close();
}
