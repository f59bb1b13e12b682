package kb.related;

import java.util.List;
import java.util.Objects;

/**
 * What the related-article lists know of one article: its term window (words, without its
 * citations), the articles it cites, and the metadata it shares with others.
 *
 * <p>The citations are never compared as words: an article's list is computed with its own
 * citation links hidden (see {@link RelatedFinder}); they serve the lists of other articles.
 *
 * @param window   the term window ({@link TermWindow#of(kb.model.Article)})
 * @param cites    the IDs of the articles it cites, without itself (the catalog's {@code cites})
 * @param products the archive's product codes ({@code sms})
 * @param kinds    the issue type codes ({@code kbbug}), lower case
 * @param titleTerms the terms of its title ({@link TermWindow#titleTerms})
 */
public record ArticleProfile(TermWindow window, List<String> cites, List<String> products, List<String> kinds,
        List<String> titleTerms) {

    public ArticleProfile {
        Objects.requireNonNull(window, "window");
        cites = List.copyOf(cites);
        products = List.copyOf(products);
        kinds = List.copyOf(kinds);
        titleTerms = List.copyOf(titleTerms);
    }

    /** An article known by its words only: no citations, no metadata. */
    public static ArticleProfile of(TermWindow window) {
        return new ArticleProfile(window, List.of(), List.of(), List.of(), List.of());
    }
}
