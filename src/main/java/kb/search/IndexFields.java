package kb.search;

import java.util.List;

/**
 * The fields of kb's Lucene index, declared once. Other programs may open the index and rely on
 * these names (see the README's schema table); {@link #SCHEMA_VERSION} changes whenever their
 * meaning does, and kb rebuilds an index of another version instead of misreading it.
 */
public final class IndexFields {

    /** Version of this schema, stored in the index's commit user data under {@link #SCHEMA_KEY}. */
    public static final String SCHEMA_VERSION = "9";
    /** Commit user data key holding {@link #SCHEMA_VERSION}. */
    public static final String SCHEMA_KEY = "kb.schema";

    /** {@code article} or {@code page}: exact, stored (each hit says which it is). */
    public static final String KIND = "kind";
    /** The article ID as written ({@code Q319864}): exact, stored. */
    public static final String ID = "id";
    /** The forms people type ({@code q319864}, {@code 319864}, {@code kb319864}), lower case: exact. */
    public static final String ID_FORMS = "id_forms";
    /** URL path below the site root ({@code /kb/319/Q319864/}): exact, stored. */
    public static final String URL = "url";
    /** The title without the ID: English analysis, stored, boosted at query time. */
    public static final String TITLE = "title";
    /**
     * The title's length in terms, as Lucene's norms keep it: not a field of kb's index (kb reads
     * the norms), but of a search cluster's, where kb's ranking cannot read norms.
     */
    public static final String TITLE_LENGTH = "title_length";
    /** A search cluster's field: product names as written, for aggregations ({@link #PRODUCT} is lower case, for filters). */
    public static final String PRODUCT_FACET = "product_facet";
    /** A search cluster's field: technology tokens as written, for aggregations. */
    public static final String TECHNOLOGY_FACET = "technology_facet";
    /** A search cluster's field: a document's content digest, what an incremental publish compares. */
    public static final String DIGEST = "digest";
    /**
     * The title's words as written (lower case, no stemming, identifiers also in parts): for
     * fuzzy matching of misspelt title words.
     */
    public static final String TITLE_WORDS = "title_words";
    /** The readable text (applies-to box, headings, blocks): English analysis, stored, offsets for highlighting. */
    public static final String BODY = "body";
    /** Section headings: English analysis. */
    public static final String SECTIONS = "sections";
    /** "Applies to" items: English analysis. */
    public static final String APPLIES_TO = "applies_to";
    /** Lines the article quotes on their own (messages, display lines, quotes): English analysis. */
    public static final String MESSAGES = "messages";
    /** Additional query words: English analysis. */
    public static final String QUERY_WORDS = "additional_query_words";
    /**
     * Title, query words and body, every word as written (identifiers also in parts), with
     * positions: for fuzzy matching, spelling suggestions and pasted passages.
     */
    public static final String SPELL = "spell";
    /** Product name(s): exact in lower case, the first stored as written; also a facet (as written). */
    public static final String PRODUCT = "product";
    /** Product code(s) ({@code sms}): exact. */
    public static final String PRODUCT_CODE = "product_code";
    /** Every version, lower case: exact. */
    public static final String VERSIONS = "versions";
    /** Operating systems, lower case: exact. */
    public static final String OS = "os";
    /** Keywords, lower case: exact. */
    public static final String KEYWORDS = "keywords";
    /** Technology tokens, lower case: exact; also a facet (as written). */
    public static final String TECHNOLOGY = "technology";
    /** Issue type tokens, lower case ({@code kbbug}): exact; also a facet. */
    public static final String ISSUE_TYPE = "issue_type";
    /** Last-modified year ({@code 2002}): exact; also a facet. */
    public static final String YEAR = "year";
    /** Last-modified date: a long point and doc values of the epoch day (filters, sort), and stored as ISO text. */
    public static final String LAST_MODIFIED = "last_modified";
    /** The article's metadata as JSON (what {@code /api/articles/{id}} answers): stored only. */
    public static final String JSON = "json";

    /**
     * An article's indexed values that no other field stores (headings, quoted lines, applies-to,
     * query words, metadata lists), as JSON: stored only, so that the whole document can be read
     * back ({@link IndexDocuments#read}) and published to a search cluster.
     */
    public static final String SOURCE = "source";

    /** Fields searched as text, with their query-time weights. */
    public static final List<String> TEXT_FIELDS = List.of(TITLE, BODY, SECTIONS, APPLIES_TO, QUERY_WORDS);

    /** Facet dimensions, in the order results list them. */
    public static final List<String> FACETS = List.of(PRODUCT, ISSUE_TYPE, YEAR, TECHNOLOGY);

    private IndexFields() {
    }
}
