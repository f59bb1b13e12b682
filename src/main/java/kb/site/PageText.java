package kb.site;

/**
 * A page's rendered content as a {@link PreparedPage} holds it: as made, while the page is
 * finished at once, or compressed ({@link PackedText}) while it waits for the rest of the site.
 */
sealed interface PageText permits PageText.Plain, PackedText {

    /** The content. */
    String text();

    /** The content as made. */
    record Plain(String text) implements PageText {
    }
}
