package kb.render;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front matter block a template may open with, as in Jekyll layouts: {@code ---},
 * {@code layout: parent}, {@code ---}. Only {@code layout} is read.
 */
final class TemplateFrontMatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---[ \\t]*\\r?\\n(.*?\\r?\\n)?---[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern LAYOUT = Pattern.compile("(?m)^layout:[ \\t]*[\"']?([^\"'\\s]+)[\"']?[ \\t]*$");

    private TemplateFrontMatter() {
    }

    /** The offset just after the closing {@code ---} line, or -1 when there is no front matter. */
    static int end(String text) {
        Matcher m = BLOCK.matcher(text);
        return m.lookingAt() ? m.end() : -1;
    }

    /** The parent layout the template names, if any. */
    static Optional<String> parentLayout(String text) {
        int end = end(text);
        if (end < 0) {
            return Optional.empty();
        }
        Matcher m = LAYOUT.matcher(text.substring(0, end));
        return m.find() ? Optional.of(m.group(1)).filter(s -> !s.equals("none") && !s.equals("null"))
                : Optional.empty();
    }
}
