package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import org.junit.jupiter.api.Test;

/** kb's rules for bad input: never an exception, every problem at its file:line:col. */
class DiagnosticsTest {

    private static final String FILE = "site/guide/page.md";
    private static final int FIRST_LINE = 10;

    private final Diagnostics diagnostics = new Diagnostics();
    private final TestSite site = new TestSite()
            .include("bad.html", "ok\n  {% if %}")
            .include("plugin.html", "x{% seo %}y")
            .include("nested.html", "{% include missing.html %}");

    private Optional<String> render(String text) {
        return new LiquidEngine(site).render(text, TestSite.variables(), FILE, FIRST_LINE, diagnostics);
    }

    private String reported() {
        return String.join("\n", diagnostics.reported().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void unknownTagIsAWarningAndRendersAsNothing() {
        assertThat(render("a\nb\nxxx {% seo %}!")).contains("a\nb\nxxx !");
        assertThat(reported()).isEqualTo(FILE + ":12:5: warning: unknown Liquid tag 'seo' (a plugin kb lacks?): "
                + "it renders as nothing");
    }

    @Test
    void unknownBlockKeepsItsContent() {
        assertThat(render("{% foo x=1 %}kept {{ page.title }}{% endfoo %}")).contains("kept T");
        assertThat(reported()).isEqualTo(FILE + ":10:1: warning: unknown Liquid block 'foo' (a plugin kb lacks?): "
                + "its tags are dropped, its content kept");
    }

    @Test
    void tagsInRawAndCommentAreNotTags() {
        assertThat(render("{% raw %}{% seo %}{% endraw %}{% comment %}{% seo %}{% endcomment %}")).contains("{% seo %}");
        assertThat(diagnostics.reported()).isEmpty();
    }

    @Test
    void unknownFilterPassesTheValueThrough() {
        assertThat(render("line\n {{ page.title | nofilter: 1 | upcase }}")).contains("line\n T");
        assertThat(reported()).isEqualTo(FILE + ":11:16: warning: unknown Liquid filter 'nofilter' (a plugin kb lacks?): "
                + "the value passes through unchanged");
    }

    @Test
    void undefinedVariablesAreSilent() {
        assertThat(render("[{{ nothing }}{{ page.nothing.deeper }}{{ site.x | upcase }}]")).contains("[]");
        assertThat(diagnostics.reported()).isEmpty();
    }

    @Test
    void syntaxErrorIsAnErrorAndNoOutput() {
        assertThat(render("ok\n  {%- if -%}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":11:10: error: Liquid syntax error: unexpected '-%}'");
    }

    @Test
    void unclosedBlockIsAnError() {
        assertThat(render("a {% for x in (1..2) %}{% endfor %}\n{% if true %}never closed")).isEmpty();
        assertThat(diagnostics.reported()).singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR))
                .satisfies(d -> assertThat(d.toString()).endsWith(
                        ":11:1: error: Liquid syntax error: '{% if %}' is never closed by '{% endif %}'"));
    }

    @Test
    void missingIncludeIsAnErrorAtTheTag() {
        assertThat(render("a\n  {% include missing.html %}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":11:3: error: included file 'missing.html' not found in _includes");
    }

    @Test
    void problemsInAnIncludeNameTheInclude() {
        assertThat(render("{% include bad.html %}")).isEmpty();
        assertThat(reported()).isEqualTo("site/_includes/bad.html:2:9: error: Liquid syntax error: unexpected '%}'");
    }

    @Test
    void missingIncludeInAnIncludeIsReportedInThatInclude() {
        assertThat(render("{% include nested.html %}")).isEmpty();
        assertThat(reported()).isEqualTo("site/_includes/nested.html:1:1: error: included file 'missing.html' not found in _includes");
    }

    @Test
    void unknownTagInAnIncludeIsAWarningThere() {
        assertThat(render("{% include plugin.html %}")).contains("xy");
        assertThat(reported()).isEqualTo("site/_includes/plugin.html:1:2: warning: unknown Liquid tag 'seo' "
                + "(a plugin kb lacks?): it renders as nothing");
    }

    @Test
    void invalidIncludeParametersAreAnError() {
        assertThat(render("{% include note.html a=\"x\" b %}")).isEmpty();
        assertThat(reported()).startsWith(FILE + ":10:1: error: invalid parameters for 'include'");
    }

    @Test
    void includeNameWithDotsIsAnError() {
        assertThat(render("{% include ../secret.html %}")).isEmpty();
        assertThat(reported()).startsWith(FILE + ":10:1: error: invalid file name for 'include': '../secret.html'");
    }

    @Test
    void missingLinkTargetIsAnError() {
        assertThat(render("see {% link nowhere.md %}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":10:5: error: link target 'nowhere.md' not found (no page, document or "
                + "static file has that source path)");
    }

    @Test
    void missingPostIsAnError() {
        assertThat(render("{% post_url 2020-01-01-none %}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":10:1: error: post_url: no post '2020-01-01-none'");
    }

    @Test
    void jekyllDateFilterOnANonDateIsAnError() {
        assertThat(render("{{ \"soon\" | date_to_string }}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":10:1: error: invalid date: \"soon\" is not a valid datetime");
    }

    @Test
    void badExpressionInWhereExpIsAnError() {
        assertThat(render("{{ page.items | where_exp: \"i\", \"i.n >\" | size }}")).isEmpty();
        assertThat(reported()).startsWith(FILE + ":10:1: error: cannot read the expression 'i.n >'");
    }

    @Test
    void comparingTextWithANumberIsAnError() {
        assertThat(render("x\n{% if page.title > 2 %}y{% endif %}")).isEmpty();
        assertThat(reported()).startsWith(FILE + ":11:1: error: Liquid error:");
    }

    @Test
    void textWithoutBracesIsReturnedAsIs() {
        String text = "plain text, no Liquid";
        assertThat(render(text)).containsSame(text);
    }
}
