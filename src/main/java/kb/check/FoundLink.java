package kb.check;

import java.util.Objects;

/**
 * One URL found in an attribute of an HTML page.
 *
 * @param url    the attribute value with character references decoded ({@code &amp;} is {@code &})
 * @param offset where the value starts in the page text (after the opening quote)
 * @param length how long the value is in the page text, as written
 */
public record FoundLink(String url, int offset, int length) {

    public FoundLink {
        Objects.requireNonNull(url, "url");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }
}
