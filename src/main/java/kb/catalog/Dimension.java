package kb.catalog;

/** A way of grouping articles into listings; its {@link #path} is the listing URLs' folder. */
public enum Dimension {
    /** By {@code Product(s):} name. */
    PRODUCT("product", "Products"),
    /** By issue type (article kind: bug, how-to, ...). */
    KIND("kind", "Kinds of article"),
    /** By year of last modification. */
    YEAR("year", "Years"),
    /** Every article. */
    ALL("all", "All articles"),
    /** The articles citing one article (for articles cited more often than a page lists). */
    CITED("cited", "Referenced by");

    private final String path;
    private final String title;

    Dimension(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /** The URL folder below {@code /browse/} ({@code product}). */
    public String path() {
        return path;
    }

    /** The heading readers see for the group of listings ({@code Products}). */
    public String title() {
        return title;
    }
}
