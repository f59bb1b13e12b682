package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * Jekyll's tags. Expected strings are jekyll 4.3.1's output (with ruby-jekyll-include-cache for
 * {@code include_cached}) for the same text and includes in a scratch site; {@code highlight}'s
 * differ from Jekyll's only by Rouge's token spans, which kb leaves out.
 */
class JekyllTagsTest {

    private final Diagnostics diagnostics = new Diagnostics();
    private final TestSite site = new TestSite()
            .include("note.html", "N[{{ include.text }}|{{ include.kind }}|{{ include.n }}|{{ include.items | join: \",\" }}]")
            .include("inc2.html", "{% assign leaked = \"L\" %}[{{ include.a }}]{% include inner.html %}")
            .include("inner.html", "<{{ include.a }}|{{ x }}>")
            .include("plain.html", "no final newline")
            .include("_plain.html", "relative, no final newline")
            .include("icons/a.svg", "ICON-{{ include.c }}");

    private String render(String liquid) {
        String output = site.render(liquid, diagnostics);
        assertThat(diagnostics.reported()).isEmpty();
        return output;
    }

    @Test
    void includeTakesJekyllParameters() {
        assertThat(render("{% include note.html text=\"Don't\" kind='k' n=5 items=page.list %} "
                + "{% assign f = \"note.html\" %}{% include {{ f }} text=page.title %}"))
                .isEqualTo("N[Don't|k|5|b,a,c] N[T|||]");
    }

    @Test
    void includeSharesAssignmentsAndKeepsTheOuterIncludeVariable() {
        assertThat(render("{% include inc2.html a=\"1\" %}{{ leaked }} {% assign x = \"X\" %}{% include inner.html %} "
                + "{% include_cached inner.html a=page.title %}")).isEqualTo("[1]<1|>L <|X> <T|X>");
    }

    @Test
    void includeParameterKinds() {
        assertThat(render("{% include plain.html %}|{% include inner.html a=5 %}|{% include inner.html a=true %}|"
                + "{% include inner.html a='q\"' %}\n{%- include plain.html -%}\n"))
                .isEqualTo("no final newline|<5|>|<true|>|<q\"|>no final newline");
    }

    @Test
    void includeNamesWithLiquid() {
        assertThat(render("{% assign icon = \"a\" %}1 {% include icons/{{ icon }}.svg c=\"1\" %} "
                + "3 {% include icons/a.svg c=page.title %} 4 {% include {{ icon | prepend: \"icons/\" }}.svg %}"))
                .isEqualTo("1 ICON-1 3 ICON-T 4 ICON-");
    }

    @Test
    void includeRelativeIsRelativeToThePage() {
        assertThat(render("{% include_relative _plain.html %}")).isEqualTo("relative, no final newline");
    }

    @Test
    void includedFilesAreParsedOnce() {
        LiquidEngine engine = new LiquidEngine(site);
        for (int i = 0; i < 3; i++) {
            assertThat(engine.render("{% include inner.html a=1 %}", TestSite.variables(), "t.html", 1, diagnostics))
                    .contains("<1|>");
        }
        site.include("inner.html", "changed");
        assertThat(engine.render("{% include inner.html %}", TestSite.variables(), "t.html", 1, diagnostics))
                .contains("changed");
    }

    @Test
    void linkAndPostUrlCarryTheBaseUrl() {
        assertThat(render("{% link t.html %} {% post_url 2024-01-15-slug %} {% assign p = \"t\" %}{% link {{ p }}.html %}"))
                .isEqualTo("/help/t.html /help/2024/01/15/slug.html /help/t.html");
    }

    @Test
    void highlightEscapesLikeRouge() {
        assertThat(render("{% highlight ruby %}\ndef x; \"<a>\" & 1; end\n{% endhighlight %}"))
                .isEqualTo("<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">"
                        + "def x; \"&lt;a&gt;\" &amp; 1; end</code></pre></figure>");
    }

    @Test
    void highlightWithLineNumbers() {
        assertThat(render("{% highlight bash linenos %}\na\n{{ page.title }}\n{% endhighlight %}"))
                .isEqualTo("<figure class=\"highlight\"><pre><code class=\"language-bash\" data-lang=\"bash\">"
                        + "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n2\n"
                        + "</pre></td><td class=\"code\"><pre>a\nT\n</pre></td></tr></tbody></table></code></pre></figure>");
    }
}
