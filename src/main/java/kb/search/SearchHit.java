package kb.search;

/**
 * One result.
 *
 * @param rank          1-based position in the whole result list
 * @param kind          {@code article} for a KB article, {@code page} for any other page
 *                      ({@link IndexDocuments#ARTICLE}, {@link IndexDocuments#PAGE})
 * @param id            the article ID ({@code Q319864}), or "" for a page that is not an article
 * @param title         the title
 * @param url           the URL path below the site root ({@code /kb/319/Q319864/})
 * @param snippet       a passage of the text with the query's words in {@code <mark>}, HTML-escaped
 * @param product       the article's product, or ""
 * @param lastModified  the last-modified date ({@code 2002-05-13}), or ""
 * @param score         the relevance score
 */
public record SearchHit(int rank, String kind, String id, String title, String url, String snippet, String product,
        String lastModified, float score) {
}
