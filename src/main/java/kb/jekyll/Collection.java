package kb.jekyll;

import java.util.Objects;
import java.util.Optional;

/**
 * A Jekyll collection from {@code _config.yml}'s {@code collections:} (or the built-in
 * {@code posts}): its documents live in {@code _<label>/}.
 *
 * @param label     the collection's name ({@code guides}), also {@code page.collection} and the
 *                  front-matter defaults' {@code type}
 * @param output    whether its documents get pages ({@code output: true}; always for posts)
 * @param permalink the collection's URL template, if set
 */
public record Collection(String label, boolean output, Optional<String> permalink) {

    /** The label of the built-in collection of dated posts. */
    public static final String POSTS = "posts";

    public Collection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(permalink, "permalink");
    }

    /** The folder of its documents below the source folder: {@code _guides}. */
    public String folder() {
        return "_" + label;
    }

    /** Whether this is the posts collection (dated file names, {@code site.posts}). */
    public boolean isPosts() {
        return label.equals(POSTS);
    }
}
