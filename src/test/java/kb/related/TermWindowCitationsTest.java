package kb.related;

import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.model.Article;
import org.junit.jupiter.api.Test;

/**
 * An article's window holds none of its citations: not the reference lines, not the cited
 * titles, not the cited IDs in any form. Otherwise two articles citing the same one would look
 * alike because of their own links, and an article citing B would look like B by B's title.
 */
class TermWindowCitationsTest {

    private static final String BODY = """
            SYMPTOMS
            ========

            The gadget spooler stops when a widget queue holds more than one job.

            For more information, see the following article in the Contoso Knowledge
            Base:

               Q812151 WIDGET: How to Obtain and Install Zephyr Server 2.0 SP2

            For details about quokka settings, see article Q812160.

               ARTICLE-ID: Q812170
               TITLE     : WIDGET: Marmoset Error Messages and What They Mean
            """;

    private static List<String> terms(TermWindow w) {
        return List.of(w.terms());
    }

    @Test
    void theWindowLeavesOutReferenceLinesCitedTitlesAndIds() {
        Article article = extract(withHeader(BODY)).article();
        assertThat(article.references()).hasSize(3);

        List<String> terms = terms(TermWindow.of(article));

        assertThat(terms).contains("gadget", "spooler", "widget", "queue", "quokka");
        assertThat(terms).doesNotContain("q812151", "812151", "q812160", "812160", "q812170", "812170",
                "zephyr", "marmoset");
        // The words of the whole text, citations included, hold them: the window takes them out.
        assertThat(terms(TermWindow.of(article.title(), article.text()))).contains("zephyr", "marmoset");
    }

    @Test
    void citationsLeaveTheWindowAsWithoutThem() {
        Article with = extract(withHeader(BODY)).article();
        Article without = extract(withHeader("""
                SYMPTOMS
                ========

                The gadget spooler stops when a widget queue holds more than one job.

                For more information, see the following article in the Contoso Knowledge
                Base:

                For details about quokka settings, see article.

                   ARTICLE-ID:
                   TITLE     :
                """)).article();

        assertThat(TermWindow.of(with).terms()).isEqualTo(TermWindow.of(without).terms());
    }
}
