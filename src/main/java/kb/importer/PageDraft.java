package kb.importer;

import java.util.Objects;
import kb.diag.SourcePosition;

/**
 * The page made from one article, not yet written.
 *
 * @param id   the article ID
 * @param from where the article starts in its text file (its {@code DOCUMENT:} line)
 * @param path the page's path below the content folder ({@code kb/319/Q319864/README.md})
 * @param text the page text
 */
public record PageDraft(String id, SourcePosition from, String path, String text) {

    public PageDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
