package kb.model;

import java.util.Objects;

/**
 * One item of an article's "The information in this article applies to:" box.
 *
 * @param text  the item, continuation lines joined
 * @param depth 0 for top-level items, 1 for nested ones, ...
 */
public record AppliesTo(String text, int depth) {

    public AppliesTo {
        Objects.requireNonNull(text, "text");
    }
}
