package kb.site;

import java.util.List;
import kb.model.Article;
import kb.model.Section;

/**
 * The articles pages keep while they wait for the rest of the site: without their blocks (the
 * templates read an article's facts and headings, never its body), and with their values shared
 * between articles. In an archive most headings ({@code SUMMARY}), products, "applies to" lines,
 * versions and footer fields repeat across thousands of articles; one object each is kept.
 * Thread-safe.
 */
final class SlimArticles {

    private final SharedValues shared;

    SlimArticles(SharedValues shared) {
        this.shared = shared;
    }

    /** The article with its sections' headings and anchors but not their blocks, its values shared. */
    Article slim(Article a) {
        return new Article(a.id(), a.title(), a.permalink(), all(a.products()), all(a.appliesTo()),
                one(a.appliesToLead()), all(a.productCodes()), one(a.versions()), all(a.operatingSystems()),
                one(a.headerKeywords()), all(a.keywords()), one(a.lastModified()), one(a.lastModifiedText()),
                all(a.sections().stream().map(s -> new Section(s.heading(), s.level(), s.anchor(), List.of())).toList()),
                all(a.fields()), a.references());
    }

    private <T> T one(T value) {
        return shared.one(value);
    }

    private <T> List<T> all(List<T> values) {
        return one(List.copyOf(values.stream().map(this::one).toList()));
    }
}
