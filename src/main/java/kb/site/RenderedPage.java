package kb.site;

import java.util.List;
import java.util.Objects;

/**
 * A page ready to be written and indexed.
 *
 * @param page  the plan it was rendered from
 * @param html  the whole output file
 * @param title the title as plain text
 * @param text  the visible text of its content
 * @param links   the internal links of its content, as written
 * @param article the KB article the page holds, if it is one
 */
public record RenderedPage(PlannedPage page, String html, String title, String text, List<String> links,
        java.util.Optional<kb.model.Article> article) {

    public RenderedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        links = List.copyOf(links);
        Objects.requireNonNull(article, "article");
    }
}
