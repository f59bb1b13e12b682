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
 * @param content        its rendered content, compressed once the page is {@link #kept}
 * @param title          its title as plain text
 * @param text           the visible text of its content (for its search document)
 * @param article        its article, when it holds one
 * @param layoutPosition where its {@code layout:} is, for layout diagnostics
 * @param readsSite      whether its Liquid reads other files of the site ({@link SiteReading})
 */
record PreparedPage(PlannedPage page, Map<String, Object> variables, PageText content, String title, String text,
        Optional<Article> article, SourcePosition layoutPosition, boolean readsSite) {

    PreparedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(article, "article");
    }

    /** About how many bytes of heap the kept page takes: its compressed texts and its objects. */
    long cost() {
        long packed = content instanceof PackedText p ? p.packed().length : 2L * content.text().length();
        if (variables.get(JSON) instanceof PackedText json) {
            packed += json.packed().length;
        }
        // The variables (front matter, the article's facts and headings, mostly shared with other
        // articles') are small objects: measured on the dev corpus, a kept article page took
        // 3.9 KB of heap, of which 2.2 KB were its compressed texts.
        return packed + title.length() + 1800;
    }

    /**
     * What is kept until the page is finished, once its article is indexed: the variables (whose
     * article has no blocks, and whose metadata JSON is compressed as the content is), the content
     * and the title; not the text nor the whole article.
     */
    PreparedPage kept() {
        Map<String, Object> vars = variables;
        if (vars.get(JSON) instanceof String json) {
            vars = new java.util.LinkedHashMap<>(vars);
            vars.put(JSON, PackedText.of(json));
        }
        PageText packed = content instanceof PageText.Plain plain ? PackedText.of(plain.text()) : content;
        return new PreparedPage(page, vars, packed, title, "", slimArticle(), layoutPosition, readsSite);
    }

    /**
     * The page as finishing it needs, when it is finished at once (read again by the render stage
     * or a preview): what {@link #kept} holds, but its texts as they are. Compressing them would be
     * undone a moment later: in a build after a template change, which reads every page again,
     * that took a twentieth of the CPU.
     */
    PreparedPage finishing() {
        return new PreparedPage(page, variables, content, title, "", slimArticle(), layoutPosition, readsSite);
    }

    /** The article without its blocks, as the layouts see it, so that a page read again is finished as a kept one. */
    private Optional<Article> slimArticle() {
        return article.map(a -> (Article) variables.getOrDefault("article", a));
    }

    /** The variables as the layouts read them (the metadata JSON as text again). */
    Map<String, Object> layoutVariables() {
        Map<String, Object> vars = new java.util.LinkedHashMap<>(variables);
        if (vars.get(JSON) instanceof PackedText json) {
            vars.put(JSON, json.text());
        }
        return vars;
    }

    /** The variable that holds an article page's metadata JSON. */
    static final String JSON = "article_json";
}
