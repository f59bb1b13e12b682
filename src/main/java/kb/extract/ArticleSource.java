package kb.extract;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an article is extracted from.
 *
 * @param file         the file, as diagnostics name it
 * @param firstLine    the file line where {@code text} starts
 * @param title        the page title as written (front matter or heading), may hold entities
 * @param text         the article text: header lines, body, footer, without the page's TAB indent
 * @param frontMatter  the page's front matter (imported pages carry the fields there)
 * @param permalink    the page's URL path, or ""
 * @param listedCodes  product codes of the listing pages that link the article
 */
public record ArticleSource(String file, int firstLine, String title, String text,
        Map<String, Object> frontMatter, String permalink, List<String> listedCodes) {

    public ArticleSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        frontMatter = Map.copyOf(frontMatter);
        Objects.requireNonNull(permalink, "permalink");
        listedCodes = List.copyOf(listedCodes);
    }
}
