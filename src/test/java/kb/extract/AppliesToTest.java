package kb.extract;

import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.modelText;
import static kb.extract.ArticleTexts.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import kb.model.AppliesTo;
import kb.model.Article;
import kb.model.Section;
import kb.verify.Words;
import org.junit.jupiter.api.Test;

/** The "The information in this article applies to:" box at the top of the body. */
class AppliesToTest {

    private static final String RULE =
            "-------------------------------------------------------------------------------";

    private static Article article(String body) {
        return extract(withHeader(body)).article();
    }

    @Test
    void leadAndItemsAreReadAndTheBoxIsNotPartOfTheSections() {
        Article a = article(RULE + """

                The information in this article applies to:

                - Contoso Widget Server 2.0\s
                - the operating system: Microsoft Windows NT 4.0
                """ + RULE + """


                SUMMARY
                =======

                The spooler keeps one file for each queue.
                """);

        assertThat(a.appliesToLead()).isEqualTo("The information in this article applies to:");
        assertThat(a.appliesTo()).containsExactly(new AppliesTo("Contoso Widget Server 2.0", 0),
                new AppliesTo("the operating system: Microsoft Windows NT 4.0", 0));
        assertThat(a.sections()).extracting(Section::heading).containsExactly("SUMMARY");
    }

    @Test
    void nestedItemsHaveTheirDepth() {
        Article a = article(RULE + """

                The information in this article applies to:

                - Contoso Widget Server, used with:
                   - Widget Spooler add-on
                      - Spooler Monitor 1.0
                   - Widget Gateway
                - Contoso Widget Client
                """ + RULE + "\n");

        assertThat(a.appliesTo()).containsExactly(
                new AppliesTo("Contoso Widget Server, used with:", 0),
                new AppliesTo("Widget Spooler add-on", 1),
                new AppliesTo("Spooler Monitor 1.0", 2),
                new AppliesTo("Widget Gateway", 1),
                new AppliesTo("Contoso Widget Client", 0));
    }

    @Test
    void wrappedItemContinuesOnTheNextLine() {
        Article a = article(RULE + """

                The information in this article applies to:

                - Contoso Widget Server versions 2.0, 2.1, when it runs on the Microsoft
                  Windows NT Server operating system
                * Contoso Widget Client
                """ + RULE + "\n");

        assertThat(a.appliesTo()).containsExactly(
                new AppliesTo("Contoso Widget Server versions 2.0, 2.1, when it runs on the Microsoft "
                        + "Windows NT Server operating system", 0),
                new AppliesTo("Contoso Widget Client", 0));
    }

    @Test
    void leadWrappedOntoASecondLineIsJoined() {
        Article a = article(RULE + """

                The information in this article applies to the following products when they
                run on Microsoft Windows NT:

                - Contoso Widget Server
                """ + RULE + "\n");

        assertThat(a.appliesToLead()).isEqualTo(
                "The information in this article applies to the following products when they "
                        + "run on Microsoft Windows NT:");
        assertThat(a.appliesTo()).containsExactly(new AppliesTo("Contoso Widget Server", 0));
    }

    @Test
    void boxWithoutItemsKeepsItsLead() {
        Article a = article(RULE + """

                This article applies to all versions of Contoso Widget Server.
                """ + RULE + """

                Text.
                """);

        assertThat(a.appliesToLead()).isEqualTo("This article applies to all versions of Contoso Widget Server.");
        assertThat(a.appliesTo()).isEmpty();
    }

    @Test
    void ruledBoxThatIsNotAnAppliesToBoxStaysInTheBody() {
        Article a = article(RULE + """

                Read this before you install the fix.
                """ + RULE + "\n");

        assertThat(a.appliesToLead()).isEmpty();
        assertThat(a.appliesTo()).isEmpty();
        assertThat(Words.of(modelText(a))).containsExactly("Read", "this", "before", "you", "install", "the", "fix");
    }

    @Test
    void unclosedBoxIsNoBoxAndNothingIsLost() {
        String body = RULE + """

                The information in this article applies to:

                - Contoso Widget Server version 2.0

                SUMMARY
                =======

                The spooler keeps one file for each queue.
                """;
        Extraction e = extract(withHeader(body));
        Article a = e.article();

        assertThat(a.appliesToLead()).isEmpty();
        assertThat(a.appliesTo()).isEmpty();
        assertThat(a.sections()).extracting(Section::heading).containsExactly("", "SUMMARY");
        assertThat(Words.of(modelText(a))).isEqualTo(Words.of(e.bodyText()));
    }

    @Test
    void unclosedBoxDoesNotSwallowTheBodyUpToALaterTableRule() {
        Article a = article(RULE + """

                The information in this article applies to:

                - Contoso Widget Server version 2.0

                SYMPTOMS
                ========

                The spooler stops when a queue holds more than one thousand jobs.

                RESOLUTION
                ==========

                The fix has the following file attributes or later:

                   Date      Time    Size     File name      Platform
                   ----------------------------------------------------
                   02/14/01  03:10p  184,592  Wspool.exe     x86
                """);

        assertThat(a.appliesTo()).isEmpty();
        assertThat(a.sections()).extracting(Section::heading).containsExactly("", "SYMPTOMS", "RESOLUTION");
    }

    @Test
    void bodyWithoutABoxHasNoLeadAndNoItems() {
        Article a = article("""
                SUMMARY
                =======

                - Contoso Widget Server version 2.0
                """);

        assertThat(a.appliesToLead()).isEmpty();
        assertThat(a.appliesTo()).isEmpty();
    }

    @Test
    void boxLaterInTheBodyIsNotTheAppliesToBox() {
        Article a = article("""
                Some text comes first.

                """ + RULE + """

                The information in this article applies to:

                - Contoso Widget Server version 2.0
                """ + RULE + "\n");

        assertThat(a.appliesTo()).isEmpty();
        assertThat(Words.of(modelText(a))).containsSubsequence("applies", "to", "Contoso", "Widget", "Server");
    }
}
