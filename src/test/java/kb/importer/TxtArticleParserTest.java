package kb.importer;

import static kb.importer.TxtBytes.article;
import static kb.importer.TxtBytes.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class TxtArticleParserTest {

    /** The footer's closing rule, which stays in the body (the notice after it goes). */
    private static final String RULE = "=============================================================================";


    private static final String FILE = "txt/900/Q900600.TXT";

    private final TxtDecoder decoder = new TxtDecoder();
    private final TxtArticleParser parser = new TxtArticleParser();
    private final Diagnostics diagnostics = new Diagnostics();

    private List<TxtArticle> parse(String text) {
        return parser.parse(decoder.decode(crlf(text), FILE, diagnostics), diagnostics);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    private static List<String> texts(List<TxtLine> lines) {
        return lines.stream().map(TxtLine::text).toList();
    }

    @Test
    void readsTheHeaderFields() {
        TxtArticle article = parse(article("Q900600", "13-MAY-2002", "WIDGET: Title: With Colons", "Body.\n")).get(0);

        assertThat(article.id()).isEqualTo("Q900600");
        assertThat(article.number()).isEqualTo(900600);
        assertThat(article.line()).isEqualTo(1);
        assertThat(article.dateText()).isEqualTo("13-MAY-2002");
        assertThat(article.date()).contains(LocalDate.of(2002, 5, 13));
        assertThat(article.productCode()).isEqualTo("widget");
        assertThat(article.title()).isEqualTo(new TxtLine(2, 10, "WIDGET: Title: With Colons"));
        assertThat(article.product().text()).isEqualTo("Contoso Widget Studio");
        assertThat(article.versions()).as("one of the two colons dropped").isEqualTo(new TxtLine(4, 11, "2.0"));
        assertThat(article.os().text()).isEmpty();
        assertThat(article.keywordList()).containsExactly("kbwidget", "kbhowto");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void versionsWithOneColonAreKeptWhole() {
        TxtArticle article = parse(article("Q900600", "13-MAY-2002", "T", "Body.\n")
                .replace("PROD/VER::2.0", "PROD/VER:WINDOWS:97; winnt:4.0")).get(0);

        assertThat(article.versions().text()).isEqualTo("WINDOWS:97; winnt:4.0");
    }

    @Test
    void bodyIsCutAtTheLegalNoticeTrimmedAndShiftedLeftByOneSpace() {
        TxtArticle article = parse(article("Q900600", "13-MAY-2002", "T", """

                SUMMARY
                =======

                 - item one
                   continued
                Flush left.
                      indented six

                """)).get(0);

        assertThat(texts(article.body())).containsExactly(
                "SUMMARY", "=======", "", "- item one", "  continued", "Flush left.", "     indented six", "", "", RULE, "");
        assertThat(article.body().get(0)).isEqualTo(new TxtLine(10, 1, "SUMMARY"));
        assertThat(article.body().get(3)).as("column of the text after the removed space")
                .isEqualTo(new TxtLine(13, 2, "- item one"));
    }

    @Test
    void withoutLegalNoticeTheBodyRunsToTheEndOfTheFile() {
        String text = article("Q900600", "13-MAY-2002", "T", "Body line.\n");
        text = text.substring(0, text.lastIndexOf("\n=====")) + "\nLast line.\n\n\n";

        assertThat(texts(parse(text).get(0).body())).containsExactly("Body line.", "", "Last line.");
    }

    @Test
    void aFileWithSeveralArticlesYieldsEachOne() {
        List<TxtArticle> articles = parse(article("Q900601", "01-FEB-2000", "First", "One.\n") + "\n"
                + article("Q900602", "02-FEB-2000", "Second", "Two.\n"));

        assertThat(articles).extracting(TxtArticle::id).containsExactly("Q900601", "Q900602");
        assertThat(articles.get(1).line()).isEqualTo(16);
        assertThat(texts(articles.get(0).body())).containsExactly("One.", "", RULE, "");
        assertThat(texts(articles.get(1).body())).containsExactly("Two.", "", RULE, "");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void headerWithoutRuleIsAnErrorAndTheNextArticleIsStillRead() {
        String broken = article("Q900601", "01-FEB-2000", "First", "One.\n")
                .replace("======================================================================\n", "------\n");
        List<TxtArticle> articles = parse(broken + "\n" + article("Q900602", "02-FEB-2000", "Second", "Two.\n"));

        assertThat(articles).extracting(TxtArticle::id).containsExactly("Q900602");
        assertThat(messages()).containsExactly(FILE + ":8:1: error: no '=====' rule after the header of Q900601"
                + " (the header must end with a blank line and a line of '='); article skipped");
    }

    @Test
    void deleteMeArticleIsAnError() {
        assertThat(parse(article("Q900600", "13-MAY-2002", "T", "Body.\n")
                .replace("PRODUCT :Contoso Widget Studio", "PRODUCT :DELETE ME"))).isEmpty();

        assertThat(messages()).containsExactly(
                FILE + ":3:10: error: Q900600 is marked 'PRODUCT :DELETE ME'; article skipped");
    }

    @Test
    void missingHeaderLineIsAnError() {
        assertThat(parse(article("Q900600", "13-MAY-2002", "T", "Body.\n")
                .replace("OPER/SYS:\n", ""))).isEmpty();

        assertThat(messages()).containsExactly(
                FILE + ":5:1: error: expected the 'OPER/SYS:' header line of Q900600; article skipped");
    }

    @Test
    void fileWithoutDocumentLineIsAnError() {
        assertThat(parse("Just some notes.\nNo header here.\n")).isEmpty();

        assertThat(messages()).containsExactly(
                FILE + ":1:1: error: no 'DOCUMENT:' header line: not a KB article file; skipped");
    }

    @Test
    void textBeforeTheFirstArticleIsReported() {
        assertThat(parse("stray line\n" + article("Q900600", "13-MAY-2002", "T", "Body.\n"))).hasSize(1);

        assertThat(messages()).containsExactly(
                FILE + ":1:1: warning: text before the first 'DOCUMENT:' header line ignored");
    }

    @Test
    void unreadableDateIsAWarningAndTheArticleIsKept() {
        TxtArticle article = parse(article("Q900600", "31-FOO-2002", "T", "Body.\n")).get(0);

        assertThat(article.date()).isEmpty();
        assertThat(article.dateText()).isEqualTo("31-FOO-2002");
        assertThat(messages()).containsExactly(FILE
                + ":1:19: warning: date '31-FOO-2002' of Q900600 is not a DD-MON-YYYY date; last_modified left out");
    }

    @Test
    void documentLineWithoutDateKeepsTheProductCode() {
        TxtArticle article = parse(article("Q900600", "13-MAY-2002", "T", "Body.\n")
                .replace("Q900600  13-MAY-2002  [widget]", "Q900600  [widget]")).get(0);

        assertThat(article.dateText()).isEmpty();
        assertThat(article.productCode()).isEqualTo("widget");
        assertThat(messages()).containsExactly(
                FILE + ":1:1: warning: no date on the 'DOCUMENT:' line of Q900600; last_modified left out");
    }

    @Test
    void malformedDocumentLineIsAnError() {
        assertThat(parse(article("Q900600", "13-MAY-2002", "T", "Body.\n").replace("DOCUMENT:Q900600", "DOCUMENT:900600")))
                .isEmpty();

        assertThat(messages()).containsExactly(FILE + ":1:10: error: malformed 'DOCUMENT:' line, expected "
                + "'DOCUMENT:Qnnnnnn  DD-MON-YYYY  [code]'; article skipped");
    }

    /** Found by TxtImportFuzzTest: "DOCUMENT:Q90" made a page whose article the build read with no ID. */
    @Test
    void idTheBuildCannotReadIsAnError() {
        assertThat(parse(article("Q90", "13-MAY-2002", "T", "Body.\n") + "\n"
                + article("Q123456789", "13-MAY-2002", "T", "Body.\n") + "\n"
                + article("Q123", "13-MAY-2002", "T", "Body.\n"))).extracting(TxtArticle::id).containsExactly("Q123");

        assertThat(messages()).filteredOn(m -> m.contains("error")).containsExactly(
                FILE + ":1:10: error: 'Q90' is not a KB article ID (Q and 3 to 8 digits); article skipped",
                FILE + ":16:10: error: 'Q123456789' is not a KB article ID (Q and 3 to 8 digits); article skipped");
    }

    @Test
    void oneDigitDaysAndImpossibleDates() {
        assertThat(ArticleDate.parse("7-JAN-1990")).contains(LocalDate.of(1990, 1, 7));
        assertThat(ArticleDate.parse("07-jan-1990")).contains(LocalDate.of(1990, 1, 7));
        assertThat(ArticleDate.parse("30-FEB-1990")).isEmpty();
        assertThat(ArticleDate.parse("1990-01-07")).isEmpty();
    }
}
