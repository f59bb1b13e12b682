package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void headingGetsAKramdownId() {
        String html = markdown.render("## Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization\n");

        assertThat(html).isEqualTo("<h2 id=\"q319864-sms-upgrade-to-sp4-does-not-cause-inventory-resynchronization\">"
                + "Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization</h2>\n");
    }

    @Test
    void entitiesInHeadingsAreDecodedBeforeTheIdIsMade() {
        String html = markdown.render("## Q1: Could Not Open &lt;Filename&gt; Because\n");

        assertThat(html).isEqualTo("<h2 id=\"q1-could-not-open-filename-because\">"
                + "Q1: Could Not Open &lt;Filename&gt; Because</h2>\n");
    }

    @Test
    void ampersandEntityLeavesNoAmpInTheId() {
        String html = markdown.render("# MS-DOS 6.0 &amp; 6.2\n");

        assertThat(html).isEqualTo("<h1 id=\"ms-dos-60--62\">MS-DOS 6.0 &amp; 6.2</h1>\n");
    }

    @Test
    void codeSpanTextInAHeadingIdIsTakenLiterally() {
        // kramdown's GFM parser builds the id text from the code span's value as written; only
        // plain text gets the typographic "--" -> en dash conversion (and so loses its dashes).
        String html = markdown.render("## Use `--force` now\n");

        assertThat(html).isEqualTo("<h2 id=\"use---force-now\">Use <code class=\"language-plaintext highlighter-rouge\">"
                + "--force</code> now</h2>\n");
    }

    @Test
    void dashesInPlainHeadingTextAreDropped() {
        // As Jekyll: the text shows an en dash, which the id drops.
        assertThat(markdown.render("## Error SU995034 -- Invalid\n"))
                .isEqualTo("<h2 id=\"error-su995034--invalid\">Error SU995034 \u2013 Invalid</h2>\n");
    }

    @Test
    void repeatedHeadingsGetSuffixesAndEachDocumentStartsAfresh() {
        String md = "## Symptoms\n\n## Symptoms\n";

        String first = markdown.render(md);
        String second = markdown.render(md);

        assertThat(first).isEqualTo("<h2 id=\"symptoms\">Symptoms</h2>\n<h2 id=\"symptoms-1\">Symptoms</h2>\n");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void setextHeadingGetsAnIdToo() {
        assertThat(markdown.render("Title Here\n==========\n"))
                .isEqualTo("<h1 id=\"title-here\">Title Here</h1>\n");
    }

    @Test
    void tabIndentedBlockIsCodeWithTextPreserved() {
        String md = "Intro\n\n\tArticle: Q319864\n\t  indented <Filename> & more\n\n\tlast line\n";

        String html = markdown.render(md);

        // Jekyll marks indented code up as Rouge plaintext, as a fenced block without language.
        assertThat(html).isEqualTo("<p>Intro</p>\n<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">"
                + "<pre class=\"highlight\"><code>Article: Q319864\n"
                + "  indented &lt;Filename&gt; &amp; more\n\nlast line\n</code></pre></div></div>\n");
    }

    @Test
    void fencedCodeIsWrappedInRougeMarkupWithItsLanguage() {
        String md = """
                ```java
                if (a < b) {}
                ```
                """;

        assertThat(markdown.render(md))
                .isEqualTo("<div class=\"language-java highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\">"
                        + "<code>if (a &lt; b) {}\n</code></pre></div></div>\n");
    }

    @Test
    void gfmTableAlignmentIsAStyleAsInJekyll() {
        String md = """
                | Name | Value |
                |------|------:|
                | a    | 1     |
                """;

        assertThat(markdown.render(md)).isEqualTo("""
                <table>
                <thead>
                <tr><th>Name</th><th style="text-align: right">Value</th></tr>
                </thead>
                <tbody>
                <tr><td>a</td><td style="text-align: right">1</td></tr>
                </tbody>
                </table>
                """);
    }

    @Test
    void bareUrlIsAutolinked() {
        assertThat(markdown.render("See http://example.com for more.\n"))
                .isEqualTo("<p>See <a href=\"http://example.com\">http://example.com</a> for more.</p>\n");
    }

    @Test
    void strikethrough() {
        assertThat(markdown.render("~~old~~ new\n")).isEqualTo("<p><del>old</del> new</p>\n");
    }

    @Test
    void softLineBreaksStayNewlines() {
        assertThat(markdown.render("one\ntwo\n")).isEqualTo("<p>one\ntwo</p>\n");
    }

    @Test
    void inlineHtmlPassesThrough() {
        assertThat(markdown.render("<div class=\"note\">x</div>\n"))
                .isEqualTo("<div class=\"note\">x</div>\n");
    }
}
