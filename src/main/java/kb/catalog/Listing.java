package kb.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One generated listing: the articles of a product, a kind, a year, or all of them.
 *
 * @param dimension how the articles were grouped
 * @param key       the listing's key in URLs and filters ({@code kbbug}, {@code 2002}, a product slug)
 * @param name      what readers see ({@code Bug}, {@code 2002}, {@code Microsoft Systems Management Server})
 * @param filter    the search filter value for this listing (the kind code, the year, the product
 *                  name), or "" when the search has no such filter
 * @param entries   the articles, ordered by ID
 */
public record Listing(Dimension dimension, String key, String name, String filter, List<CatalogEntry> entries) {

    public Listing {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        entries = List.copyOf(entries);
    }

    /** The URL of the listing's first page, by ID, below the base URL ({@code /browse/kind/kbbug/}). */
    public String url() {
        return dimension == Dimension.ALL ? "/browse/all/" : "/browse/" + dimension.path() + "/" + key + "/";
    }

    /** How many articles it lists. */
    public int size() {
        return entries.size();
    }
}
