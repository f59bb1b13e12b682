package kb.site;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kb.diag.SourcePosition;
import kb.model.Article;

/**
 * A page read and rendered up to its layout: what {@link PageProcessor#prepare} makes of a source
 * without the rest of the site.
 *
 * @param page           the planned page
 * @param variables      its {@code page.*} variables so far
 * @param content        its rendered content
 * @param title          its title as plain text
 * @param text           the visible text of its content (for its search document)
 * @param article        its article, when it holds one
 * @param layoutPosition where its {@code layout:} is, for layout diagnostics
 */
record PreparedPage(PlannedPage page, Map<String, Object> variables, PackedText content, String title, String text,
        Optional<Article> article, SourcePosition layoutPosition) {

    PreparedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(article, "article");
    }

    /**
     * What is kept until the page is finished, once its article is indexed: the variables (whose
     * article has no blocks), the content and the title; not the text nor the whole article.
     */
    /** About how many bytes of heap the kept page takes (its compressed content, JSON and objects). */
    long cost() {
        Object json = variables.get("article_json");
        return content.packed().length + 2L * (json instanceof String j ? j.length() : 0) + title.length() * 2L + 4096;
    }

    PreparedPage kept() {
        return new PreparedPage(page, variables, content, title, "",
                article.map(a -> (Article) variables.getOrDefault("article", a)), layoutPosition);
    }
}
