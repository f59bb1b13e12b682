package kb.outputs;

import java.util.Objects;

/**
 * A link as templates show it.
 *
 * @param title the link text
 * @param url   the URL, base URL included
 */
public record Link(String title, String url) {

    public Link {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
