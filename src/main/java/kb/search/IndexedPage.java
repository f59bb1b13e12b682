package kb.search;

import java.util.Objects;

/**
 * What the index holds of one page.
 *
 * @param url   the URL path below the site root
 * @param title the title as plain text
 * @param text  the visible content text
 */
public record IndexedPage(String url, String title, String text) {

    public IndexedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
