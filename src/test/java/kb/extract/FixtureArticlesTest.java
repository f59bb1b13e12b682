package kb.extract;

import static kb.extract.ArticleTexts.extractPage;
import static kb.extract.ArticleTexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import kb.diag.Diagnostics;
import kb.model.AppliesTo;
import kb.model.Article;
import kb.model.Block;
import kb.model.Block.PreKind;
import kb.model.Reference;
import kb.model.Reference.Form;
import kb.model.Section;
import org.junit.jupiter.api.Test;

/** The fixture pages under {@code src/test/resources/articles}, read as the build reads pages. */
class FixtureArticlesTest {

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void richArticleMetadata() {
        Article a = extractPage(fixture("rich-article.md"), List.of("widget"), diagnostics).article();

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(a.id()).isEqualTo("Q812100");
        assertThat(a.title()).isEqualTo("WIDGET: Spooler Stops & Queue Jobs Are Lost After SP2 Upgrade");
        assertThat(a.permalink()).isEqualTo("/kb/812/Q812100/");
        assertThat(a.products()).containsExactly("Contoso Widget Server");
        assertThat(a.productCodes()).containsExactly("widget");
        assertThat(a.versions().byPlatform()).containsExactly(entry("WINDOWS", List.of("2.0", "2.1")),
                entry("winnt", List.of("4.0")));
        assertThat(a.lastModified()).isEqualTo("2001-03-04");
        assertThat(a.keywords()).containsExactly("kbwidget200", "kbbug", "kbfix", "kbSpooler");
        assertThat(a.technology()).containsExactly("kbWidgetSearch", "kbWidget200", "kbWidget210");
        assertThat(a.issueType()).containsExactly("kbbug");
        assertThat(a.field("solution_type")).contains("kbfix");
        assertThat(a.field("hardware")).contains("x86");
        assertThat(a.field("component")).contains("spooler");
        assertThat(a.additionalQueryWords()).containsExactly("spooler", "queue", "wspool", "sp2", "lost", "jobs");
        assertThat(a.appliesToLead()).isEqualTo("The information in this article applies to:");
        assertThat(a.appliesTo()).containsExactly(
                new AppliesTo("Contoso Widget Server versions 2.0, 2.1, when it runs on the Microsoft Windows NT "
                        + "Server operating system", 0),
                new AppliesTo("Widget Spooler add-on, version 1.5", 1),
                new AppliesTo("Contoso Widget Client for Windows", 0));
    }

    @Test
    void richArticleSectionsAndReferences() {
        Article a = extractPage(fixture("rich-article.md"), diagnostics).article();

        assertThat(a.sections()).extracting(Section::heading, Section::level, Section::anchor).containsExactly(
                tuple("SYMPTOMS", 1, "symptoms"),
                tuple("CAUSE", 1, "cause"),
                tuple("RESOLUTION", 1, "resolution"),
                tuple("WORKAROUND", 1, "workaround"),
                tuple("Steps to Move the Spool Folder", 2, "steps-to-move-the-spool-folder"),
                tuple("STATUS", 1, "status"),
                tuple("MORE INFORMATION", 1, "more-information"),
                tuple("Sample Code", 2, "sample-code"));
        assertThat(a.references()).containsExactly(
                new Reference("Q319864", "SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization",
                        Form.REFERENCE_LINE),
                new Reference("Q812200", "Run-Time Widget Functions That Keep Static Data Between Calls",
                        Form.REFERENCE_LINE),
                new Reference("Q812099", "WIDGET: How to Move the Spool Folder to Another Disk", Form.ARTICLE_ID),
                new Reference("Q812011", "", Form.MENTION),
                new Reference("Q812012", "", Form.MENTION),
                new Reference("Q812013", "", Form.MENTION));
    }

    @Test
    void richArticleBlockKinds() {
        Article a = extractPage(fixture("rich-article.md"), diagnostics).article();
        List<Block> blocks = a.sections().stream().flatMap(s -> s.blocks().stream()).toList();

        assertThat(blocks).filteredOn(Block.Preformatted.class::isInstance)
                .extracting(b -> ((Block.Preformatted) b).kind())
                .containsExactly(PreKind.DISPLAY, PreKind.TABLE, PreKind.REGISTRY, PreKind.DIAGRAM, PreKind.CODE,
                        PreKind.RAGGED, PreKind.TABLE);
        assertThat(blocks).filteredOn(Block.Quote.class::isInstance).hasSize(1);
        assertThat(blocks).filteredOn(Block.ReferenceList.class::isInstance).hasSize(2);
        assertThat(blocks).filteredOn(Block.ListBlock.class::isInstance)
                .extracting(b -> ((Block.ListBlock) b).items().size()).containsExactly(12, 2);
        assertThat(ArticleTexts.find(blocks, Block.Preformatted.class)).isPresent();
        assertThat(a.sections().get(1).blocks()).contains(new Block.Paragraph(
                "Printers that receive the escape sequence <1B>E from a job are also reset."));
        assertThat(a.sections().get(0).blocks()).contains(new Block.Paragraph(
                "The problem also affects the Contoso R\u00e9seau\u00a0Edition of the server."));
    }

    @Test
    void msplArticle() {
        Article a = extractPage(fixture("mspl-article.md"), List.of("mspl13_c", "visualc"), diagnostics).article();

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(a.id()).isEqualTo("Q812200");
        assertThat(a.productCodes()).containsExactly("mspl13_c", "visualc");
        assertThat(a.keywords()).containsExactly("ENDUSER", "S_WidgetC", "WLIB");
        assertThat(a.operatingSystems()).containsExactly("MS-DOS", "OS/2");
        assertThat(a.versions().byPlatform()).containsExactly(entry("MS-DOS", List.of("5.10", "6.00")),
                entry("OS/2", List.of("5.10")));
        assertThat(a.lastModified()).isEqualTo("1991-02-06");
        assertThat(a.appliesTo()).isEmpty();
        assertThat(a.field("additional_reference_words")).contains("5.10 6.00 static reentrant");
        assertThat(a.sections()).singleElement().satisfies(s -> {
            assertThat(s.level()).isZero();
            assertThat(s.blocks()).startsWith(new Block.Paragraph("Question:"));
            assertThat(s.blocks()).contains(new Block.Paragraph("Response:"));
            assertThat(ArticleTexts.find(s.blocks(), Block.Preformatted.class)).hasValueSatisfying(
                    p -> assertThat(p.kind()).isEqualTo(PreKind.TABLE));
            assertThat(s.blocks()).filteredOn(b -> b instanceof Block.Preformatted p && p.kind() == PreKind.CODE)
                    .singleElement().satisfies(b -> assertThat(b.text()).startsWith("#include <stdio.h>\n")
                            .endsWith("\n}"));
        });
    }

    @Test
    void oddShapesKeepLiquidLookingTextAndDoNotFail() {
        Extraction e = extractPage(fixture("odd-shapes.md"), diagnostics);
        Article a = e.article();

        assertThat(a.title()).isEqualTo("WIDGET: Setup Writes {{0}} &amp; Other Odd Shapes");
        assertThat(a.versions().raw()).isEqualTo("WinNT; Widget 4.0, 5.0. 5.5");
        assertThat(a.keywords()).containsExactly("kbusage", "kbfaq");
        assertThat(a.headerKeywords()).isEqualTo("kbusagekbfaq");
        assertThat(a.lastModified()).isEmpty();
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.at().file()).isEqualTo(fixture("odd-shapes.md").toString());
            assertThat(d.message()).contains("31-JUNE-2000");
        });
        assertThat(a.fields()).extracting(f -> f.key()).containsExactly("kb_category", "kb_subcategory",
                "additional_query_words", "keywords", "support_status");
        assertThat(a.sections().get(0).blocks()).first().isEqualTo(new Block.Paragraph(
                "When Setup copies files to {%INSTALLDIRECTORY%}, the initializer { {0} } and the value {{1, 2}} "
                        + "are written to Widget.ini<7F> and a literal <BR/> appears."));
        assertThat(e.bodyText()).contains("        Tabbed  line    with    stops\n1234567 x       y\n");
    }

    @Test
    void unclosedBoxArticleIsExtracted() {
        Extraction e = extractPage(fixture("unclosed-box.md"), diagnostics);

        assertThat(e.article().id()).isEqualTo("Q812400");
        assertThat(e.article().issueType()).containsExactly("kbprb");
        assertThat(diagnostics.sorted()).isEmpty();
    }
}
