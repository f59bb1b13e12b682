package kb.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.extract.ArticleTexts;
import kb.model.Article;
import kb.model.Block;
import kb.model.Block.ListBlock;
import kb.model.Block.Paragraph;
import kb.model.Block.PreKind;
import kb.model.Block.Preformatted;
import kb.model.ListItem;
import kb.model.Reference;
import kb.model.Section;
import kb.model.Versions;
import org.junit.jupiter.api.Test;

/** The body HTML, block by block. */
class ArticleBodyRendererTest {

    private static final Map<String, String> SITE = Map.of("Q319864", "/kb/319/Q319864/");

    private final ArticleBodyRenderer renderer =
            new ArticleBodyRenderer(new InlineText(id -> Optional.ofNullable(SITE.get(id))));

    private static Article article(Section... sections) {
        return new Article("Q812001", "WIDGET: Test", "/kb/812/Q812001/", List.of(), List.of(), "", List.of(),
                Versions.none(), List.of(), "", List.of(), "", "", List.of(sections), List.of(), List.of());
    }

    private static Section section(Block... blocks) {
        return new Section("", 0, "", List.of(blocks));
    }

    private String render(Block... blocks) {
        String html = renderer.render(article(section(blocks)));
        String prefix = "<div class=\"kb-body\">\n<section class=\"kb-section\">\n";
        String suffix = "</section>\n</div>\n";
        assertThat(html).startsWith(prefix).endsWith(suffix);
        return html.substring(prefix.length(), html.length() - suffix.length());
    }

    private static ListItem item(String marker, String text, Block... children) {
        return new ListItem(marker, text, List.of(children));
    }

    @Test
    void sectionsWithHeadingsAndAnchors() {
        String html = renderer.render(article(
                new Section("", 0, "", List.of(new Paragraph("Before."))),
                new Section("SYMPTOMS", 1, "symptoms", List.of(new Paragraph("One."))),
                new Section("Steps & <Notes>", 2, "steps--notes", List.of())));

        assertThat(html).isEqualTo("""
                <div class="kb-body">
                <section class="kb-section">
                <p>Before.</p>
                </section>
                <section class="kb-section">
                <h2 id="symptoms">SYMPTOMS</h2>
                <p>One.</p>
                </section>
                <section class="kb-section">
                <h3 id="steps--notes">Steps &amp; &lt;Notes&gt;</h3>
                </section>
                </div>
                """);
    }

    @Test
    void headingsOfAnExtractedArticle() {
        Article a = ArticleTexts.extract(ArticleTexts.withHeader("""
                SUMMARY
                =======

                Text.

                Sample Code
                -----------

                Text.
                """)).article();

        assertThat(renderer.render(a)).contains("<h2 id=\"summary\">SUMMARY</h2>\n<p>Text.</p>\n")
                .contains("<h3 id=\"sample-code\">Sample Code</h3>\n<p>Text.</p>\n");
    }

    @Test
    void paragraphAndQuote() {
        assertThat(render(new Paragraph("A < B & C."), new Block.Quote("Quoted \"text\".")))
                .isEqualTo("<p>A &lt; B &amp; C.</p>\n<blockquote><p>Quoted &quot;text&quot;.</p></blockquote>\n");
    }

    @Test
    void orderedListWithExplicitMarkersStartingAtFive() {
        assertThat(render(new ListBlock(true, 5, "1.", List.of(item("5.", "Start the service."),
                item("6.", "Check the log."))))).isEqualTo("""
                <ol class="kb-list kb-marked">
                <li><span class="kb-marker">5.</span> Start the service.</li>
                <li><span class="kb-marker">6.</span> Check the log.</li>
                </ol>
                """);
    }

    @Test
    void dashListHasNoWrittenMarkers() {
        assertThat(render(new ListBlock(false, 1, "-", List.of(item("-", "One."), item("-", "Two.")))))
                .isEqualTo("""
                        <ul class="kb-list">
                        <li>One.</li>
                        <li>Two.</li>
                        </ul>
                        """);
    }

    @Test
    void letterBulletsAndParenthesisedMarkersAreWrittenOut() {
        assertThat(render(new ListBlock(false, 1, "o", List.of(item("o", "One."))),
                new ListBlock(true, 1, "(a)", List.of(item("(a)", "First.")))))
                .isEqualTo("""
                        <ul class="kb-list kb-marked">
                        <li><span class="kb-marker">o</span> One.</li>
                        </ul>
                        <ol class="kb-list kb-marked">
                        <li><span class="kb-marker">(a)</span> First.</li>
                        </ol>
                        """);
    }

    @Test
    void itemChildrenAreInsideTheItem() {
        assertThat(render(new ListBlock(true, 1, "1.", List.of(
                item("1.", "Stop the service:", new Preformatted("  net stop wspool", PreKind.COMMAND),
                        new Paragraph("NOTE: Wait."),
                        new ListBlock(false, 1, "-", List.of(item("-", "Nested.")))),
                item("2.", "Start it."))))).isEqualTo("""
                <ol class="kb-list kb-marked">
                <li><span class="kb-marker">1.</span> Stop the service:
                <pre class="kb-pre kb-command" tabindex="0">  net stop wspool</pre>
                <p>NOTE: Wait.</p>
                <ul class="kb-list">
                <li>Nested.</li>
                </ul>
                </li>
                <li><span class="kb-marker">2.</span> Start it.</li>
                </ol>
                """);
    }

    @Test
    void codeIsWrittenExactlyWithOnlyHtmlEscaped() {
        String code = "   #include <stdio.h>\n\n   if (a < b && c > 0)\n       puts(\"a & b\");";

        assertThat(render(new Preformatted(code, PreKind.CODE))).isEqualTo(
                "<pre class=\"kb-pre kb-code\" tabindex=\"0\">   #include &lt;stdio.h&gt;\n\n   if (a &lt; b &amp;&amp; c &gt; 0)\n"
                        + "       puts(&quot;a &amp; b&quot;);</pre>\n");
    }

    @Test
    void everyPreformattedKindHasItsClass() {
        for (PreKind kind : List.of(PreKind.CODE, PreKind.TABLE, PreKind.DIAGRAM, PreKind.COMMAND,
                PreKind.REGISTRY, PreKind.DISPLAY)) {
            assertThat(render(new Preformatted("x  y", kind)))
                    .isEqualTo("<pre class=\"kb-pre kb-" + kind.cssName() + "\" tabindex=\"0\">x  y</pre>\n");
        }
    }

    @Test
    void raggedLinesAtTheMarginAreLineBrokenParagraphs() {
        assertThat(render(new Preformatted("Contoso Ltd.\nAttn: Widget & Support\nRedmond, WA 98052", PreKind.RAGGED)))
                .isEqualTo("<p class=\"kb-lines\">Contoso Ltd.<br>\nAttn: Widget &amp; Support<br>\n"
                        + "Redmond, WA 98052</p>\n");
    }

    @Test
    void indentedRaggedLinesStayPreformatted() {
        assertThat(render(new Preformatted("Menu:\n   File\n   Open", PreKind.RAGGED)))
                .isEqualTo("<pre class=\"kb-pre kb-ragged\" tabindex=\"0\">Menu:\n   File\n   Open</pre>\n");
        assertThat(render(new Preformatted("   File\n   Open", PreKind.RAGGED)))
                .isEqualTo("<pre class=\"kb-pre kb-ragged\" tabindex=\"0\">   File\n   Open</pre>\n");
    }

    @Test
    void referenceListLinksArticlesInTheSiteOnly() {
        assertThat(render(new Block.ReferenceList("   Q319864 SMS: Upgrade\n   Q812999 WIDGET: Missing", List.of(
                new Reference("Q319864", "SMS: Upgrade to SP4", Reference.Form.REFERENCE_LINE),
                new Reference("Q812999", "WIDGET: Not <Here>", Reference.Form.REFERENCE_LINE)))))
                .isEqualTo("""
                        <ul class="kb-refs">
                        <li><a class="kb-ref" href="/kb/319/Q319864/">Q319864</a> SMS: Upgrade to SP4</li>
                        <li>Q812999 WIDGET: Not &lt;Here&gt;</li>
                        </ul>
                        """);
    }

    @Test
    void linksInParagraphsAndPreformattedText() {
        assertThat(render(new Paragraph("See Q319864, Q91679.TXT and http://support.contoso.com/widget.htm."),
                new Preformatted("   http://support.contoso.com/widget.htm", PreKind.DISPLAY)))
                .isEqualTo("<p>See <a class=\"kb-ref\" href=\"/kb/319/Q319864/\">Q319864</a>, Q91679.TXT and "
                        + "<a href=\"http://support.contoso.com/widget.htm\">http://support.contoso.com/widget.htm</a>"
                        + ".</p>\n<pre class=\"kb-pre kb-display\" tabindex=\"0\">   <a href=\"http://support.contoso.com/widget.htm\">"
                        + "http://support.contoso.com/widget.htm</a></pre>\n");
    }

    @Test
    void emptyArticleIsAnEmptyBody() {
        assertThat(renderer.render(article())).isEqualTo("<div class=\"kb-body\">\n</div>\n");
    }
}
