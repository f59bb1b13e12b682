package kb.extract;

import java.util.Objects;
import kb.model.Article;

/**
 * An extracted article and the body text it was built from (the lines between header and
 * footer, metadata lines taken out, escapes decoded): every word of it must reach the page.
 *
 * @param article  the article
 * @param bodyText the body text
 */
public record Extraction(Article article, String bodyText) {

    public Extraction {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(bodyText, "bodyText");
    }
}
