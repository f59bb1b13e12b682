package kb.catalog;

import java.util.List;
import java.util.Objects;
import kb.model.Article;
import kb.model.Reference;

/**
 * What the generated navigation needs to know of one article: a small, immutable digest of the
 * extracted {@link Article}, kept for every article of the site while pages are rendered.
 *
 * @param id           the article ID ({@code Q319864})
 * @param title        the title without the ID
 * @param url          the page URL below the base URL ({@code /kb/319/Q319864/})
 * @param products     the {@code Product(s):} names, as written
 * @param productCodes the archive's product codes ({@code sms}), best source first
 * @param kinds        the issue type codes ({@code kbbug}), lower case
 * @param lastModified the last-modified date in ISO form, or ""
 * @param summary      one line of plain text that says what the article is about, or ""
 * @param cites        the IDs of the articles it cites, without itself, first citation first
 */
public record CatalogEntry(String id, String title, String url, List<String> products, List<String> productCodes,
        List<String> kinds,
        String lastModified, String summary, List<String> cites) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        products = List.copyOf(products);
        productCodes = List.copyOf(productCodes);
        kinds = List.copyOf(kinds);
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(summary, "summary");
        cites = List.copyOf(cites);
    }

    /** The digest of an article whose page is at {@code url}, with its header's product names. */
    public static CatalogEntry of(Article article, String url) {
        return of(article, url, new ProductNames(java.util.Map.of()));
    }

    /** The digest of an article whose page is at {@code url}, browsed under the products {@code names} gives. */
    public static CatalogEntry of(Article article, String url, ProductNames names) {
        List<String> products = names.of(article);
        List<String> kinds = article.issueType().stream().map(k -> k.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(k -> !k.isEmpty()).distinct().toList();
        List<String> cites = article.references().stream().map(Reference::id)
                .filter(id -> !id.equals(article.id())).distinct().toList();
        return new CatalogEntry(article.id(), article.title(), url, products, article.productCodes(), kinds, article.lastModified(),
                Summaries.of(article), cites);
    }

    /** This entry with another summary. */
    public CatalogEntry withSummary(String summary) {
        return new CatalogEntry(id, title, url, products, productCodes, kinds, lastModified, summary, cites);
    }

    /** The year of the last modification ({@code 2002}), or "" when the date is unknown. */
    public String year() {
        return lastModified.length() >= 4 ? lastModified.substring(0, 4) : "";
    }

    /** The article number, for ordering by ID ({@code Q319864} → 319864); -1 when it has none. */
    public long number() {
        return ArticleNumbers.of(id);
    }
}
