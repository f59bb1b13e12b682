package kb.search;

/**
 * The fields of kb's Lucene index, declared once. Other programs may open the index and rely on
 * these names; {@link #SCHEMA_VERSION} changes whenever their meaning does.
 */
public final class IndexFields {

    /** Version of this schema, stored in the index's commit user data under {@link #SCHEMA_KEY}. */
    public static final String SCHEMA_VERSION = "1";
    /** Commit user data key holding {@link #SCHEMA_VERSION}. */
    public static final String SCHEMA_KEY = "kb.schema";

    /** The page's URL path below the site root ({@code /kb/319/Q319864/}): exact term, stored. */
    public static final String URL = "url";
    /** The page title as plain text: English analysis, stored, boosted at query time. */
    public static final String TITLE = "title";
    /** The page's visible content text: English analysis, stored (for snippets). */
    public static final String TEXT = "text";

    private IndexFields() {
    }
}
