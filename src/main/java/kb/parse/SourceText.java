package kb.parse;

import java.util.Objects;

/**
 * A page's text split at its front matter.
 *
 * @param frontMatter the YAML between the {@code ---} lines
 * @param yamlLine    the 1-based line where the YAML starts (2 in a well-formed page)
 * @param body        the text after the closing {@code ---} line
 * @param bodyLine    the 1-based line where the body starts
 */
public record SourceText(String frontMatter, int yamlLine, String body, int bodyLine) {

    public SourceText {
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }
}
