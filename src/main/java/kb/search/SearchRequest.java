package kb.search;

import java.util.Objects;
import java.util.Optional;

/**
 * One search: the search-box text plus filters, order and paging.
 *
 * @param query   the search-box text (see {@link QueryParser} for the syntax)
 * @param product a product filter: a product code ({@code sms}) or words of a product name
 * @param type    an issue type filter ({@code kbbug})
 * @param year    a last-modified year filter
 * @param sort    relevance (default) or date, newest first
 * @param page    1-based page number
 * @param size    hits per page (1 to 100)
 * @param pages   whether pages other than articles (the home page, listings) are searched too;
 *                without them the total and the facet counts are about the same articles
 */
public record SearchRequest(String query, Optional<String> product, Optional<String> type,
        Optional<Integer> year, Sort sort, int page, int size, boolean pages) {

    /** Result order. */
    public enum Sort { RELEVANCE, DATE }

    /** The largest page size. */
    public static final int MAX_SIZE = 100;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(sort, "sort");
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
    }

    /** A search of articles only (the default of the search page, the API and {@code kb search}). */
    public SearchRequest(String query, Optional<String> product, Optional<String> type, Optional<Integer> year,
            Sort sort, int page, int size) {
        this(query, product, type, year, sort, page, size, false);
    }

    /** Whether the search filters nothing: no product, type or year. */
    public boolean unfiltered() {
        return product.isEmpty() && type.isEmpty() && year.isEmpty();
    }

    /** A copy that searches other pages too, or not. */
    public SearchRequest withPages(boolean include) {
        return new SearchRequest(query, product, type, year, sort, page, size, include);
    }

    /** A plain query: relevance order, first page of {@code size} hits, no filters. */
    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), Sort.RELEVANCE, 1, size);
    }
}
