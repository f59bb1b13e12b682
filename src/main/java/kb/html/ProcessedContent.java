package kb.html;

import java.util.List;
import java.util.Objects;

/**
 * A page's content after post-processing.
 *
 * @param html  the content HTML, links rewritten where needed
 * @param text  the visible text as jsoup gives it: whitespace collapsed outside {@code <pre>} (for the search index)
 * @param links the internal links (href/src values) the content holds, as written after rewriting
 */
public record ProcessedContent(String html, String text, List<String> links) {

    public ProcessedContent {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        links = List.copyOf(links);
    }
}
