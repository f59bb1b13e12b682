package kb.extract;

import org.jsoup.parser.Parser;

/**
 * Article titles as the archive writes them: HTML entities for characters Markdown or Liquid
 * could misread ({@code &amp; &#124; &#42; &#95;&#95;}), and {@code { {} for {@code {{}.
 */
final class TitleText {

    private TitleText() {
    }

    /** The title as readers see it: entities decoded once, split braces joined, escapes decoded. */
    static String decode(String title) {
        String t = title.indexOf('&') >= 0 ? Parser.unescapeEntities(title, false) : title;
        return ByteEscapes.decode(t.replace("{ {", "{{").replace("} }", "}}")).strip();
    }
}
