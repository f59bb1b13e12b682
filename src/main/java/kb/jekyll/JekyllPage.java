package kb.jekyll;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A page or document of the site as Jekyll's Liquid sees it.
 *
 * @param relativePath its source path below the source folder ({@code account/plans.md})
 * @param url          its URL without the base URL
 * @param frontMatter  its front matter, defaults applied
 * @param document     what it is in its collection, for a document
 * @param html         whether its output is an HTML page (for {@code site.html_pages})
 */
public record JekyllPage(String relativePath, String url, Map<String, Object> frontMatter,
        Optional<Document> document, boolean html) {

    public JekyllPage {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(url, "url");
        frontMatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontMatter));
        Objects.requireNonNull(document, "document");
    }

    /** Its file name ({@code plans.md}). */
    public String name() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
