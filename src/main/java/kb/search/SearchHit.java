package kb.search;

/**
 * One search result.
 *
 * @param rank  1-based position in the results
 * @param url   the page's URL path below the site root
 * @param title the page title
 * @param score the relevance score
 */
public record SearchHit(int rank, String url, String title, float score) {
}
