package kb.liquid;

import java.util.Objects;

/**
 * A file an {@code include} tag reads.
 *
 * @param displayName the file as diagnostics name it, e.g. {@code site/_includes/note.html}; it is
 *                    also the key under which the engine caches the parsed file, so it must
 *                    name one file
 * @param text        the file's text (Liquid)
 */
public record IncludeFile(String displayName, String text) {

    public IncludeFile {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(text, "text");
    }
}
