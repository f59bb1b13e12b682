package kb.extract;

import static kb.extract.ArticleTexts.FILE;
import static kb.extract.ArticleTexts.FIRST_LINE;
import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import kb.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The article fields that come from the header lines, the page title and the front matter. */
class ArticleHeaderFieldsTest {

    private static final String BODY = """
            SUMMARY
            =======

            The Widget Spooler service keeps one spool file for each queue.
            """;

    private final Diagnostics diagnostics = new Diagnostics();

    private Article article(String title, String text, Map<String, Object> frontMatter, List<String> listed) {
        return extract(title, text, frontMatter, listed, diagnostics).article();
    }

    private Article article(String text) {
        return article("", text, Map.of(), List.of());
    }

    private static String text(String id, String versions, String os, String keywords, String lastModified) {
        return header(id, versions, os, keywords, lastModified) + BODY;
    }

    // --- id ---------------------------------------------------------------------------------

    @Test
    void idComesFromTheArticleHeaderLine() {
        Article a = article("Q999999: Some Other Title", text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of("id", "Q812555"), List.of());

        assertThat(a.id()).isEqualTo("Q812001");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void idFallsBackToTheFrontMatterId() {
        Article a = article("Q999999: Title", text("", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of("id", "Q812555"), List.of());

        assertThat(a.id()).isEqualTo("Q812555");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void idFallsBackToTheTitlePrefix() {
        Article a = article("Q812777: WIDGET: Spooler Stops", text("", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of(), List.of());

        assertThat(a.id()).isEqualTo("Q812777");
        assertThat(a.title()).isEqualTo("WIDGET: Spooler Stops");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void noIdAnywhereGivesAnEmptyIdAndAWarning() {
        Article a = article("WIDGET: Spooler Stops", text("", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of(), List.of());

        assertThat(a.id()).isEmpty();
        assertThat(a.title()).isEqualTo("WIDGET: Spooler Stops");
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(
                new SourcePosition(FILE, FIRST_LINE, 1), "article header has no 'Article: Q...' ID"));
    }

    @Test
    void textThatDoesNotStartWithAnArticleHeaderIsNoArticle() {
        assertThat(new ArticleExtractor().extract(new ArticleSource(FILE, 1, "T", "\n\nProduct(s): X\nArticle: Q812001\n",
                Map.of(), "", List.of()), diagnostics)).isEmpty();
        assertThat(new ArticleExtractor().extract(new ArticleSource(FILE, 1, "T", "", Map.of(), "", List.of()),
                diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).isEmpty();
    }

    // --- title ------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "Q812001: Use of the %0&#92;..&#92; Syntax => Use of the %0\\..\\ Syntax",
            "Q812001: Copy &amp;amp; Paste Fails => Copy &amp; Paste Fails",
            "Q812001: Copy &amp; Paste Fails => Copy & Paste Fails",
            "Q812001: Initializer { {0} } Is Rejected => Initializer {{0}} Is Rejected",
            "Q812001: WIDGET: &lt;Ctrl&gt;&#43;C in &#91;Options&#93; => WIDGET: <Ctrl>+C in [Options]",
            "Q812001: The &#95;&#95;WIDGET&#95;&#95; Macro &#42; &#36;PATH => The __WIDGET__ Macro * $PATH",
            "Q812001: Pipe &#124; and &quot;Quotes&quot; => Pipe | and \"Quotes\"",
            "Q812001: Caf<E9> Edition => Caf\u00e9 Edition",
            "Q812001:   Spaces After the Colon  => Spaces After the Colon",
            "WIDGET: No ID Prefix => WIDGET: No ID Prefix",
    })
    void titleHasEntitiesDecodedOnceAndTheIdPrefixStripped(String pageTitle, String expected) {
        Article a = article(pageTitle, text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"), Map.of(), List.of());

        assertThat(a.title()).isEqualTo(expected);
    }

    @Test
    void frontMatterTitleWinsOverThePageTitle() {
        Article a = article("Q812001: Heading Title", text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of("title", "Q812001: Front &amp; Matter Title"), List.of());

        assertThat(a.title()).isEqualTo("Front & Matter Title");
        assertThat(a.displayTitle()).isEqualTo("Q812001: Front & Matter Title");
    }

    @Test
    void displayTitleIsTheIdAloneWhenThereIsNoTitle() {
        Article a = article(text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"));

        assertThat(a.title()).isEmpty();
        assertThat(a.displayTitle()).isEqualTo("Q812001");
    }

    // --- products, product codes, operating systems ----------------------------------------------

    @Test
    void productsComeFromTheHeaderOrFrontMatter() {
        assertThat(article(text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002")).products())
                .containsExactly("Contoso Widget Server");
        assertThat(article(text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002")
                .replace("Product(s): Contoso Widget Server", "Product(s): ")).products()).isEmpty();
        assertThat(article("", text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of("product", List.of("Widget Server", "Widget Client")), List.of()).products())
                .containsExactly("Widget Server", "Widget Client");
    }

    @Test
    void productCodeComesFromFrontMatterThenTheMsplKeywordColumnThenListings() {
        Article a = article("", text("Q812001", "5.10", "MS-DOS", "ENDUSER | | mspl13_c", "6-FEB-1991"),
                Map.of("product_code", "widget"), List.of("mspl13_c", "widget", "visualc"));

        assertThat(a.productCodes()).containsExactly("widget", "mspl13_c", "visualc");
        assertThat(a.productCode()).contains("widget");
    }

    @Test
    void msplKeywordColumnGivesTheProductCode() {
        Article a = article(text("Q812001", "5.10", "MS-DOS", "ENDUSER | | mspl13_c", "6-FEB-1991"));

        assertThat(a.productCodes()).containsExactly("mspl13_c");
    }

    @Test
    void listingCodesAreAppendedWithoutDuplicates() {
        Article a = article("", text("Q812001", "5.10", "MS-DOS", "ENDUSER | S_WidgetC | mspl13_c", "6-FEB-1991"),
                Map.of(), List.of("visualc", "mspl13_c"));

        assertThat(a.productCodes()).containsExactly("mspl13_c", "visualc");
    }

    @Test
    void noProductCodeWithoutFrontMatterMsplColumnOrListing() {
        Article a = article(text("Q812001", "2.0", "", "kbwidget kbhowto", "13-MAY-2002"));

        assertThat(a.productCodes()).isEmpty();
        assertThat(a.productCode()).isEmpty();
    }

    @Test
    void operatingSystemsAreSplitAtBars() {
        assertThat(article(text("Q812001", "5.10 | 5.10", "MS-DOS | OS/2", "kbwidget", "13-MAY-2002"))
                .operatingSystems()).containsExactly("MS-DOS", "OS/2");
        assertThat(article(text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002")).operatingSystems()).isEmpty();
        assertThat(article("", text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"), Map.of("os", "WINDOWS"),
                List.of()).operatingSystems()).containsExactly("WINDOWS");
    }

    // --- keywords ---------------------------------------------------------------------------

    @Test
    void footerKeywordsWinOverTheGluedHeaderKeywords() {
        Article a = article(header("Q812001", "2.0", "", "kbusagekbfaq", "13-MAY-2002") + BODY + """

                ======================================================================
                Keywords          : kbusage kbfaq\s
                Technology        : kbWidgetSearch

                =============================================================================
                """);

        assertThat(a.keywords()).containsExactly("kbusage", "kbfaq");
        assertThat(a.headerKeywords()).isEqualTo("kbusagekbfaq");
    }

    @Test
    void headerKeywordTokensWhenThereIsNoFooter() {
        Article a = article(text("Q812001", "2.0", "", "kbwidget200  kbbug kbfix", "13-MAY-2002"));

        assertThat(a.keywords()).containsExactly("kbwidget200", "kbbug", "kbfix");
    }

    @Test
    void msplKeywordColumnsGiveKeywordsWithoutTheProductCode() {
        Article a = article(text("Q812001", "5.10", "MS-DOS", "ENDUSER | S_WidgetC WLIB | mspl13_c", "6-FEB-1991"));

        assertThat(a.keywords()).containsExactly("ENDUSER", "S_WidgetC", "WLIB");
        assertThat(a.headerKeywords()).isEqualTo("ENDUSER | S_WidgetC WLIB | mspl13_c");
    }

    @Test
    void frontMatterKeywordsWhenThereIsNoFooter() {
        Article a = article("", text("Q812001", "2.0", "", "kbusagekbfaq", "13-MAY-2002"),
                Map.of("keywords", List.of("kbusage", "kbfaq kbwidget")), List.of());

        assertThat(a.keywords()).containsExactly("kbusage", "kbfaq", "kbwidget");
    }

    @Test
    void noKeywords() {
        assertThat(article(text("Q812001", "2.0", "", "", "13-MAY-2002")).keywords()).isEmpty();
    }

    // --- last modified ----------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "13-MAY-2002, 2002-05-13",
            "6-FEB-1991, 1991-02-06",
            "01-jan-1999, 1999-01-01",
    })
    void lastModifiedIsAnIsoDate(String written, String iso) {
        Article a = article(text("Q812001", "2.0", "", "kbwidget", written));

        assertThat(a.lastModified()).isEqualTo(iso);
        assertThat(a.lastModifiedText()).isEqualTo(written);
        assertThat(a.lastModifiedDate()).contains(LocalDate.parse(iso));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void unreadableLastModifiedIsEmptyWithAWarningNamingFileAndLine() {
        Article a = article(text("Q812001", "2.0", "", "kbwidget", "13-MAI-2002"));

        assertThat(a.lastModified()).isEmpty();
        assertThat(a.lastModifiedText()).isEqualTo("13-MAI-2002");
        assertThat(a.lastModifiedDate()).isEmpty();
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.at().file()).isEqualTo(FILE);
            assertThat(d.at().line()).isBetween(FIRST_LINE, FIRST_LINE + 5);
            assertThat(d.message()).isEqualTo("unreadable 'Last Modified: 13-MAI-2002' (expected DD-MON-YYYY)");
        });
    }

    @Test
    void unreadableLastModifiedWarningPointsAtTheLastModifiedLine() {
        article(text("Q812001", "2.0", "", "kbwidget", "13-MAI-2002"));

        // The text starts at FIRST_LINE with 'Article:'; 'Last Modified:' is the sixth line.
        assertThat(diagnostics.sorted()).singleElement()
                .satisfies(d -> assertThat(d.at()).isEqualTo(new SourcePosition(FILE, FIRST_LINE + 5, 1)));
    }

    @Test
    void impossibleDayIsUnreadableNotClamped() {
        Article a = article(text("Q812001", "2.0", "", "kbwidget", "30-FEB-2002"));

        assertThat(a.lastModified()).isEmpty();
        assertThat(diagnostics.warningCount()).isEqualTo(1);
    }

    @Test
    void emptyLastModifiedIsEmptyWithoutAWarning() {
        Article a = article(text("Q812001", "2.0", "", "kbwidget", ""));

        assertThat(a.lastModified()).isEmpty();
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void frontMatterLastModifiedWins() {
        Article a = article("", text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002"),
                Map.of("last_modified", "2001-03-04"), List.of());

        assertThat(a.lastModified()).isEqualTo("2001-03-04");
        assertThat(a.lastModifiedText()).isEqualTo("13-MAY-2002");
    }

    @Test
    void headerLinesAreReadWhateverTheirOrderAndLabelCase() {
        Article a = article("""
                Article: Q812001
                LAST MODIFIED: 02-APR-2002
                keyword(s): kbwidget
                Product(s): Contoso Widget Client
                Operating System(s): WINDOWS
                Version(s): 2.1

                The body starts here.
                """);

        assertThat(a.lastModified()).isEqualTo("2002-04-02");
        assertThat(a.keywords()).containsExactly("kbwidget");
        assertThat(a.products()).containsExactly("Contoso Widget Client");
        assertThat(a.operatingSystems()).containsExactly("WINDOWS");
        assertThat(a.versions().raw()).isEqualTo("2.1");
        assertThat(a.sections()).singleElement().satisfies(s -> assertThat(s.heading()).isEmpty());
    }

    @Test
    void permalinkIsTheSourcesPermalink() {
        assertThat(article(text("Q812001", "2.0", "", "kbwidget", "13-MAY-2002")).permalink())
                .isEqualTo("/kb/812/Q812001/");
    }
}
