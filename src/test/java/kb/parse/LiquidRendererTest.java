package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.config.SiteConfig;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;

class LiquidRendererTest {

    private static final String FILE = "content/kb/1/README.md";

    private final LiquidRenderer liquid = new LiquidRenderer();
    private final Diagnostics diagnostics = new Diagnostics();
    private final LiquidContext context = context("/kb");

    private static LiquidContext context(String baseurl) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", "Sample KB");
        site.put("a", Map.of("b", "nested value"));
        site.put("empty", "");
        site.put("count", 3);
        SiteConfig config = new SiteConfig("Sample KB", "", "https://example.com", baseurl,
                List.of(), List.of(), "date", site);
        Map<String, Object> page = new HashMap<>();
        page.put("url", "/kb/1/Q1/");
        page.put("title", "Q1: Title");
        page.put("tags", List.of("x", "y"));
        page.put("published", false);
        page.put("nothing", null);
        return new LiquidContext(config.values(), page, config);
    }

    private String render(String text) {
        return liquid.render(text, context, FILE, 1, diagnostics);
    }

    @Test
    void textWithoutBracesIsReturnedUnchanged() {
        String text = "Plain text, no Liquid at all.\n";

        assertThat(render(text)).isSameAs(text);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    /** Found by LiquidRendererFuzzTest: a lone dot was an ArrayIndexOutOfBoundsException. */
    @Test
    void aLoneDotIsAnUnsupportedExpressionLeftAsText() {
        assertThat(render("a {{ . }} b {{ site. }}")).isEqualTo("a {{ . }} b ");
        assertThat(diagnostics.sorted()).extracting(Object::toString).containsExactly(
                FILE + ":1:3: warning: unsupported Liquid expression '.' (only site.*, page.* and quoted strings) left as text");
    }

    @Test
    void bracesThatAreNotLiquidAreKept() {
        String text = "struct { int a; } and {x} and a final {";

        assertThat(render(text)).isEqualTo(text);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void rawKeepsLiquidLiterally() {
        String text = "a{% raw %}{{ x }} {% if y %}z{% endif %}{% endraw %}b";

        assertThat(render(text)).isEqualTo("a{{ x }} {% if y %}z{% endif %}b");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void rawWithoutSpacesInTheTags() {
        assertThat(render("{%raw%}{{ x }}{%endraw%}")).isEqualTo("{{ x }}");
    }

    @Test
    void rawKeepsTheNewlinesAroundItsTagsWithoutWhitespaceControl() {
        String text = """
                a
                {% raw %}
                {{ x }}
                {% endraw %}
                b
                """;

        assertThat(render(text)).isEqualTo("a\n\n{{ x }}\n\nb\n");
    }

    @Test
    void rawWithWhitespaceControlTrimsOnBothSides() {
        String text = "a \n{%- raw -%}\n  {{ x }}  \n{%- endraw -%}\n b";

        assertThat(render(text)).isEqualTo("a{{ x }}b");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void commentIsDropped() {
        String text = "a{% comment %}hidden {{ x }} {% include y %}{% endcomment %}b";

        assertThat(render(text)).isEqualTo("ab");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void commentWithWhitespaceControl() {
        assertThat(render("a\n  {%- comment %}x{% endcomment -%}\n  b")).isEqualTo("ab");
    }

    @Test
    void outputsSiteAndPageVariables() {
        assertThat(render("{{ site.title }} | {{site.a.b}} | {{ page.url }} | {{ site.count }}"))
                .isEqualTo("Sample KB | nested value | /kb/1/Q1/ | 3");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void listsAreConcatenated() {
        assertThat(render("[{{ page.tags }}]")).isEqualTo("[xy]");
    }

    @Test
    void undefinedVariablesAreEmpty() {
        assertThat(render("[{{ site.nope }}][{{ page.nothing }}][{{ site.title.length }}][{{ site.a.c.d }}]"))
                .isEqualTo("[][][][]");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void literals() {
        assertThat(render("{{ 'single' }} {{ \"double\" }} {{ 42 }} {{ -1.5 }} [{{ nil }}]"))
                .isEqualTo("single double 42 -1.5 []");
    }

    @Test
    void pipeInsideQuotesIsNotAFilter() {
        assertThat(render("{{ 'a|b' }}")).isEqualTo("a|b");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void relativeUrlFilterAddsTheBaseurl() {
        assertThat(render("{{ '/x' | relative_url }}")).isEqualTo("/kb/x");
        assertThat(render("{{ \"assets/kb.css\" | relative_url }}")).isEqualTo("/kb/assets/kb.css");
        assertThat(render("{{ page.url | relative_url }}")).isEqualTo("/kb/kb/1/Q1/");
        assertThat(render("{{ 'https://other.org/' | relative_url }}")).isEqualTo("https://other.org/");
    }

    @Test
    void relativeUrlFilterWithoutBaseurl() {
        String out = liquid.render("{{ '/x' | relative_url }}", context(""), FILE, 1, diagnostics);

        assertThat(out).isEqualTo("/x");
    }

    @Test
    void absoluteUrlFilterAddsUrlAndBaseurl() {
        assertThat(render("{{ '/x' | absolute_url }}")).isEqualTo("https://example.com/kb/x");
    }

    @Test
    void urlFiltersOfNothingAreEmpty() {
        assertThat(render("[{{ page.nope | relative_url }}][{{ page.nope | absolute_url }}]")).isEqualTo("[][]");
    }

    @Test
    void defaultFilter() {
        assertThat(render("{{ page.missing | default: \"y\" }}")).isEqualTo("y");
        assertThat(render("{{ page.title | default: 'y' }}")).isEqualTo("Q1: Title");
        assertThat(render("{{ site.empty | default: site.title }}")).isEqualTo("Sample KB");
        assertThat(render("{{ page.published | default: 'shown' }}")).isEqualTo("shown");
        assertThat(render("{{ page.missing | default: 'a:b' }}")).isEqualTo("a:b");
        assertThat(render("[{{ page.missing | default }}]")).isEqualTo("[]");
        assertThat(render("{{ page.missing | default: '/d' | relative_url }}")).isEqualTo("/kb/d");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void outputWhitespaceControl() {
        assertThat(render("a \n {{- site.title -}} \n b")).isEqualTo("aSample KBb");
        assertThat(render("a {{- site.title }} b")).isEqualTo("aSample KB b");
    }

    @Test
    void unsupportedTagIsLeftAsTextWithAWarning() {
        String text = """
                Intro line
                See {% include note.html %} here.
                """;

        String out = liquid.render(text, context, FILE, 5, diagnostics);

        assertThat(out).isEqualTo(text);
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(
                new SourcePosition(FILE, 6, 5), "unsupported Liquid tag 'include' left as text"));
    }

    @Test
    void tagWithoutANameIsShownWhole() {
        String out = render("x {% %} y");

        assertThat(out).isEqualTo("x {% %} y");
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(
                new SourcePosition(FILE, 1, 3), "unsupported Liquid tag '{% %}' left as text"));
    }

    @Test
    void unsupportedFilterLeavesTheOutputAsText() {
        String text = "Title: {{ page.title | upcase }}";

        String out = render(text);

        assertThat(out).isEqualTo(text);
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(
                new SourcePosition(FILE, 1, 8), "unsupported Liquid filter 'upcase'; output left as text"));
    }

    @Test
    void unknownVariableRootIsLeftAsText() {
        String text = "a\n  {{ foo }}";

        String out = render(text);

        assertThat(out).isEqualTo(text);
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(new SourcePosition(FILE, 2, 3),
                "unsupported Liquid expression 'foo' (only site.*, page.* and quoted strings) left as text"));
    }

    @Test
    void unsupportedOutputIsNotTrimmed() {
        String text = "a {{- foo -}} b";

        assertThat(render(text)).isEqualTo(text);
        assertThat(diagnostics.warningCount()).isEqualTo(1);
    }

    @Test
    void unclosedOutputIsLeftAsTextWithAWarning() {
        String text = "x {{ site.title";

        assertThat(render(text)).isEqualTo(text);
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(
                new SourcePosition(FILE, 1, 3), "Liquid output is not closed by '}}'; left as text"));
    }

    @Test
    void unclosedTagIsLeftAsTextWithAWarning() {
        String text = "x {% raw";

        assertThat(render(text)).isEqualTo(text);
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(
                new SourcePosition(FILE, 1, 3), "Liquid tag is not closed by '%}'; left as text"));
    }

    @Test
    void unclosedRawIsAnErrorAndKeepsTheRestAsText() {
        String text = """
                before
                {% raw %}{{ x }}
                after
                """;

        String out = liquid.render(text, context, FILE, 4, diagnostics);

        assertThat(out).isEqualTo("before\n{{ x }}\nafter\n");
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(
                new SourcePosition(FILE, 5, 1), "'{% raw %}' is never closed by '{% endraw %}'"));
    }

    @Test
    void unclosedCommentIsAnErrorAndDropsTheRest() {
        String out = render("before {% comment %} never closed {{ x }}");

        assertThat(out).isEqualTo("before ");
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(
                new SourcePosition(FILE, 1, 8), "'{% comment %}' is never closed by '{% endcomment %}'"));
    }

    @Test
    void lineNumbersAreOffsetByTheFirstLine() {
        String body = "one\ntwo\nthr {{ foo }} {% if x %}\n";

        liquid.render(body, context, FILE, 10, diagnostics);

        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).containsExactly(
                FILE + ":12:5: warning: unsupported Liquid expression 'foo' (only site.*, page.* and quoted strings) left as text",
                FILE + ":12:15: warning: unsupported Liquid tag 'if' left as text");
    }

    @Test
    void everyProblemIsReported() {
        String out = render("{{ a }}{{ b }}{% c %}");

        assertThat(out).isEqualTo("{{ a }}{{ b }}{% c %}");
        assertThat(diagnostics.warningCount()).isEqualTo(3);
        assertThat(diagnostics.sorted()).extracting(d -> d.at().column()).containsExactly(1, 8, 15);
    }
}
