package kb.model;

import java.util.Objects;

/**
 * A citation of another article.
 *
 * @param id    the cited article's ID ({@code Q151261})
 * @param title the cited title when the text gives one, else ""
 * @param form  how the text cites it
 */
public record Reference(String id, String title, Form form) {

    public Reference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(form, "form");
    }

    /** The shapes citations take in KB text. */
    public enum Form {
        /** {@code Q151261 OFF97: How to ...} on a line of its own. */
        REFERENCE_LINE,
        /** {@code ARTICLE-ID: Q71499} followed by {@code TITLE :}. */
        ARTICLE_ID,
        /** An ID mentioned in prose ({@code see article Q65125}, {@code Q211646, Q193756}). */
        MENTION
    }
}
