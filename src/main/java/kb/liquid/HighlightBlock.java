package kb.liquid;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.nodes.LNode;

/**
 * Jekyll's {@code {% highlight LANG [linenos] %}…{% endhighlight %}} with Rouge's markup but
 * without its token spans (kb does not colour code): the escaped text in
 * {@code <figure class="highlight"><pre><code class="language-LANG" data-lang="LANG">}, or with
 * {@code linenos} in Rouge's table of line numbers and code. The body is Liquid, as in Jekyll.
 */
final class HighlightBlock extends liqp.blocks.Block {

    // Jekyll 4.3's Jekyll::Tags::HighlightBlock::SYNTAX
    private static final Pattern SYNTAX = Pattern.compile(
            "^([a-zA-Z0-9.+#_-]+)((\\s+\\w+(=(\\w+|\"([0-9]+\\s)*[0-9]+\"))?)*)$");
    private static final Pattern LINENOS = Pattern.compile("(?:^|\\s)linenos(?:=(\\w+|\"[^\"]*\"))?(?=\\s|$)");
    private static final Pattern EDGE_LINE_BREAKS = Pattern.compile("\\A[\\n\\r]+|[\\n\\r]+\\z");

    HighlightBlock() {
        super("highlight");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        String markup = nodes.length > 1 ? String.valueOf(nodes[0].render(context)).strip() : "";
        Matcher syntax = SYNTAX.matcher(markup);
        if (!syntax.matches()) {
            throw new RenderFailure("highlight: cannot read '" + markup
                    + "' (a language name, then options such as linenos)");
        }
        String lang = syntax.group(1).toLowerCase(Locale.ROOT);
        Matcher linenos = LINENOS.matcher(syntax.group(2));
        boolean numbered = linenos.find() && !"false".equals(linenos.group(1));
        String body = super.asString(nodes[nodes.length - 1].render(context), context);
        String code = EDGE_LINE_BREAKS.matcher(body).replaceAll("");
        String html = numbered ? table(code) : escape(code);
        if (html.endsWith("\n")) {
            html = html.substring(0, html.length() - 1);
        }
        return "<figure class=\"highlight\"><pre><code class=\"language-" + lang.replace('+', '-')
                + "\" data-lang=\"" + lang + "\">" + html + "</code></pre></figure>";
    }

    /** Rouge's HTMLTable: a gutter of line numbers, then the code, each line ending in a newline. */
    private static String table(String code) {
        String[] lines = code.split("\n", -1);
        StringBuilder gutter = new StringBuilder();
        for (int i = 1; i <= lines.length; i++) {
            gutter.append(i).append('\n');
        }
        return "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">" + gutter
                + "</pre></td><td class=\"code\"><pre>" + escape(code) + "\n</pre></td></tr></tbody></table>";
    }

    /** Rouge escapes only these three. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
