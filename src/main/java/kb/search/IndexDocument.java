package kb.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything kb indexes of one article or page, as plain values: kb's Lucene document is made
 * from it ({@link IndexDocuments}), it is kept in that document (the stored fields and
 * {@link IndexFields#SOURCE}) so that it can be read back whole ({@link IndexDocuments#read}),
 * and a search cluster's document is made from what was read ({@code kb publish}): both engines
 * index the same values.
 *
 * @param kind             {@link IndexDocuments#ARTICLE} or {@link IndexDocuments#PAGE}
 * @param id               the article ID ({@code Q319864}), "" for a page
 * @param url              the URL path below the site root
 * @param title            the title (without the ID)
 * @param body             the readable text
 * @param sections         the section headings, one per line ("" for a page)
 * @param messages         the lines the article quotes on their own, blank-line separated
 * @param appliesTo        the "applies to" items, one per line
 * @param queryWords       the additional query words, space separated
 * @param products         the product names as written
 * @param productCodes     the product codes ({@code sms})
 * @param versions         every version
 * @param operatingSystems the operating systems
 * @param keywords         the keywords
 * @param technology       the technology tokens as written
 * @param issueTypes       the issue type tokens as written
 * @param lastModified     the last-modified date, when known
 * @param json             the article's metadata JSON ("" for a page)
 */
public record IndexDocument(String kind, String id, String url, String title, String body, String sections,
        String messages, String appliesTo, String queryWords, List<String> products, List<String> productCodes,
        List<String> versions, List<String> operatingSystems, List<String> keywords, List<String> technology,
        List<String> issueTypes, Optional<LocalDate> lastModified, String json) {

    public IndexDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        products = List.copyOf(products);
        productCodes = List.copyOf(productCodes);
        versions = List.copyOf(versions);
        operatingSystems = List.copyOf(operatingSystems);
        keywords = List.copyOf(keywords);
        technology = List.copyOf(technology);
        issueTypes = List.copyOf(issueTypes);
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** A page that is not an article: a URL, a title and its text. */
    public static IndexDocument page(String url, String title, String text) {
        return new IndexDocument(IndexDocuments.PAGE, "", url, title, text, "", "", "", "", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), "");
    }

    /** Whether this is a KB article (else another page). */
    public boolean isArticle() {
        return kind.equals(IndexDocuments.ARTICLE);
    }

    /**
     * The text of {@link IndexFields#SPELL}: the title, the query words (of an article) and the
     * body, unstemmed, for fuzzy matching and spelling suggestions.
     */
    public String spellText() {
        return isArticle() ? title + "\n" + queryWords + "\n" + body : title + "\n" + body;
    }
}
