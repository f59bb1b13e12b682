package kb.extract;

import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.header;
import static kb.extract.ArticleTexts.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.model.Article;
import kb.model.Block;
import kb.model.FooterField;
import kb.verify.Words;
import org.junit.jupiter.api.Test;

/** The footer, {@code Additional query words:} and the older in-body tag lines. */
class FooterFieldsTest {

    private static final String FTP_BODY = """
            SYMPTOMS
            ========

            The Widget Spooler service stops when a queue holds more than 512 jobs.

            Additional query words: spooler queue wspool

            ======================================================================
            Keywords          : kbwidget200 kbbug kbfix\s
            Technology        : kbWidgetSearch kbWidget200 kbZNotKeyword3
            Version           : WINDOWS:2.0,2.1; winnt:4.0
            Issue type        : kbbug kbprb
            Solution Type     : kbfix
            Hardware          : MAC x86
            Component         : SRVRSetup
            Platform          : winnt
            Support Status    : Retired

            =============================================================================

            """;

    private static Article ftpArticle() {
        return extract(withHeader(FTP_BODY)).article();
    }

    @Test
    void everyFooterFieldInSourceOrderWithKeyLabelAndValue() {
        assertThat(ftpArticle().fields()).containsExactly(
                new FooterField("additional_query_words", "Additional query words", "spooler queue wspool"),
                new FooterField("keywords", "Keywords", "kbwidget200 kbbug kbfix"),
                new FooterField("technology", "Technology", "kbWidgetSearch kbWidget200 kbZNotKeyword3"),
                new FooterField("version", "Version", "WINDOWS:2.0,2.1; winnt:4.0"),
                new FooterField("issue_type", "Issue type", "kbbug kbprb"),
                new FooterField("solution_type", "Solution Type", "kbfix"),
                new FooterField("hardware", "Hardware", "MAC x86"),
                new FooterField("component", "Component", "SRVRSetup"),
                new FooterField("platform", "Platform", "winnt"),
                new FooterField("support_status", "Support Status", "Retired"));
    }

    @Test
    void fieldAccessorsGiveValuesAndTokens() {
        Article a = ftpArticle();

        assertThat(a.keywords()).containsExactly("kbwidget200", "kbbug", "kbfix");
        assertThat(a.technology()).containsExactly("kbWidgetSearch", "kbWidget200", "kbZNotKeyword3");
        assertThat(a.issueType()).containsExactly("kbbug", "kbprb");
        assertThat(a.additionalQueryWords()).containsExactly("spooler", "queue", "wspool");
        assertThat(a.field("solution_type")).contains("kbfix");
        assertThat(a.fieldTokens("hardware")).containsExactly("MAC", "x86");
        assertThat(a.field("component")).contains("SRVRSetup");
        assertThat(a.field("platform")).contains("winnt");
        assertThat(a.field("version")).contains("WINDOWS:2.0,2.1; winnt:4.0");
        assertThat(a.field("support_status")).contains("Retired");
        assertThat(a.field("kb_category")).isEmpty();
        assertThat(a.fieldTokens("kb_category")).isEmpty();
    }

    @Test
    void footerAndQueryWordsAreTakenOutOfTheBody() {
        Extraction e = extract(withHeader(FTP_BODY));

        assertThat(e.bodyText()).isEqualTo("""
                SYMPTOMS
                ========

                The Widget Spooler service stops when a queue holds more than 512 jobs.


                """);
        assertThat(e.article().sections()).singleElement().satisfies(s -> assertThat(s.blocks())
                .containsExactly(new Block.Paragraph("The Widget Spooler service stops when a queue holds more than 512 jobs.")));
    }

    @Test
    void inBodyCategoryLinesAreTakenOutOfTheBodyIntoFields() {
        Extraction e = extract(withHeader("""
                The spooler keeps one file for each queue.

                KBCategory: kbprg kbtool
                KBSubcategory: WidgetSpool

                The queue file is named after the queue.
                """));

        assertThat(e.article().fields()).containsExactly(
                new FooterField("kb_category", "KBCategory", "kbprg kbtool"),
                new FooterField("kb_subcategory", "KBSubcategory", "WidgetSpool"));
        assertThat(e.bodyText()).doesNotContain("KBCategory").doesNotContain("WidgetSpool");
        assertThat(e.article().sections()).singleElement().satisfies(s -> assertThat(s.blocks()).containsExactly(
                new Block.Paragraph("The spooler keeps one file for each queue."),
                new Block.Paragraph("The queue file is named after the queue.")));
    }

    @Test
    void tagLinesComeBeforeTheFooterFieldsInTheirSourceOrder() {
        Article a = extract(withHeader("""
                Text.

                KBCategory: kbusage
                KBSubcategory: WidgetSetup
                Component: setup

                Additional query words: odd

                ======================================================================
                Keywords          : kbusage

                =============================================================================
                """)).article();

        assertThat(a.fields()).extracting(FooterField::key).containsExactly(
                "kb_category", "kb_subcategory", "component", "additional_query_words", "keywords");
    }

    @Test
    void componentAloneIsBodyText() {
        Extraction e = extract(withHeader("""
                Set the spooler options as follows.

                Component: spooler

                Restart the service.
                """));

        assertThat(e.article().fields()).isEmpty();
        assertThat(Words.of(e.bodyText())).containsSubsequence("Component", "spooler");
    }

    @Test
    void tagLineInsideAParagraphOrIndentedStaysInTheBody() {
        Extraction e = extract(withHeader("""
                The old tag line looked like this in older articles and is shown here
                KBCategory: kbprg
                as an example.

                   KBSubcategory: WidgetSpool
                """));

        assertThat(e.article().fields()).isEmpty();
        assertThat(e.bodyText()).contains("KBCategory: kbprg").contains("   KBSubcategory: WidgetSpool");
    }

    @Test
    void msplArticleHasNoFooterAndItsLabelLinesAreParagraphs() {
        Extraction e = extract(header("Q812200", "5.10 6.00 | 5.10", "MS-DOS | OS/2", "ENDUSER | S_WidgetC | mspl13_c",
                "6-FEB-1991") + """
                Question:

                How can a program find out which version of the widget library it was
                linked with?

                Response:

                Call the wversion() function.

                Additional reference words: 5.10 6.00 version
                """);
        Article a = e.article();

        assertThat(a.fields()).containsExactly(
                new FooterField("additional_reference_words", "Additional reference words", "5.10 6.00 version"));
        assertThat(a.keywords()).containsExactly("ENDUSER", "S_WidgetC");
        assertThat(a.appliesTo()).isEmpty();
        assertThat(a.appliesToLead()).isEmpty();
        assertThat(a.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEmpty();
            assertThat(s.level()).isZero();
            assertThat(s.anchor()).isEmpty();
            assertThat(s.blocks()).containsExactly(
                    new Block.Paragraph("Question:"),
                    new Block.Paragraph("How can a program find out which version of the widget library it was "
                            + "linked with?"),
                    new Block.Paragraph("Response:"),
                    new Block.Paragraph("Call the wversion() function."));
        });
    }

    @Test
    void equalsRulesAroundTextThatIsNotFieldsAreNoFooter() {
        Extraction e = extract(withHeader("""
                The summary table:

                ======================================================================
                Queue Length       10,000
                Associations       20
                ======================================================================
                """));

        assertThat(e.article().fields()).isEmpty();
        assertThat(e.bodyText()).contains("Queue Length       10,000");
    }

    @Test
    void emptyFooterOfTwoAdjacentRulesIsTakenOut() {
        Extraction e = extract(withHeader("""
                Text.

                ======================================================================
                =============================================================================
                """));

        assertThat(e.article().fields()).isEmpty();
        assertThat(e.bodyText()).isEqualTo("Text.\n\n");
    }

    @Test
    void footerFieldTokensSplitAtAnyWhitespace() {
        assertThat(new FooterField("keywords", "Keywords", "  kbprint   kbPrinting ").tokens())
                .containsExactly("kbprint", "kbPrinting");
        assertThat(new FooterField("keywords", "Keywords", " ").tokens()).isEmpty();
    }

    @Test
    void fieldsOfArticleWithoutFooterAreEmpty() {
        assertThat(extract(withHeader("Just one line.\n")).article().fields()).isEqualTo(List.of());
    }
}
