package kb.catalog;

/** A way of grouping articles into listings; its {@link #path} is the listing URLs' folder. */
public enum Dimension {
    /** By {@code Product(s):} name. */
    PRODUCT("product", "Product"),
    /** By issue type (article kind: bug, how-to, ...). */
    KIND("kind", "Kind of article"),
    /** By year of last modification. */
    YEAR("year", "Last modified in"),
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

    /** What a listing of this dimension is, as its facts line says ({@code Product}). */
    public String title() {
        return title;
    }
}
