package kb.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Keeps article text inside {@code {% raw %}…{% endraw %}} literal. Text of the article that
 * spells an end of the raw block ({@code {% endraw %}}, {@code {%- endraw -%}}) would end it
 * early, so the {@code {%} opening it is written as a Liquid string literal between two raw
 * blocks: {@code {% endraw %}{{ '{%' }}{% raw %}}. The built page shows the original text, with
 * Jekyll's Liquid and with kb's. Stateless and thread-safe.
 */
public final class RawBlockGuard {

    /** An opening {@code {%} that starts an {@code endraw} tag (whitespace may span lines). */
    private static final Pattern END_RAW_OPENING = Pattern.compile("\\{%(?=-?\\s*endraw)");
    private static final String LITERAL_OPENING = "{% endraw %}{{ '{%' }}{% raw %}";

    private RawBlockGuard() {
    }

    /** {@code rawText} (the content of a raw block) with every {@code endraw} opening defused. */
    public static String protect(String rawText) {
        if (rawText.indexOf("{%") < 0) {
            return rawText;
        }
        return END_RAW_OPENING.matcher(rawText).replaceAll(Matcher.quoteReplacement(LITERAL_OPENING));
    }

    /**
     * Reports a warning for each {@code endraw} opening in {@code line}; {@code next} is the
     * following line's text (or empty), since {@code {%} at a line's end and {@code endraw} on the
     * next line form a tag too.
     */
    public static void report(String file, TxtLine line, String next, Diagnostics diagnostics) {
        String text = line.text();
        if (text.indexOf("{%") < 0) {
            return;
        }
        Matcher m = END_RAW_OPENING.matcher(text + "\n" + next);
        while (m.find() && m.start() < text.length()) {
            diagnostics.warning(new SourcePosition(file, line.line(), line.columnOf(m.start())),
                    "text '{% endraw' would end the page's raw block: written as "
                            + "{% endraw %}{{ '{%' }}{% raw %} so that the page shows it unchanged");
        }
    }
}
