package kb.extract;

import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.model.Block;
import kb.model.Reference;
import kb.model.Reference.Form;
import org.junit.jupiter.api.Test;

/** Citations of other articles (FORMAT.md section 7). The article itself is Q812001. */
class ReferencesTest {

    private static List<Reference> references(String body) {
        return extract(withHeader(body)).article().references();
    }

    @Test
    void referenceLineWithTitle() {
        assertThat(references("""
                For more information, see the following article in the Contoso Knowledge
                Base:

                   Q812151 WIDGET: How to Obtain and Install Widget Server 2.0 SP2
                """)).containsExactly(new Reference("Q812151",
                "WIDGET: How to Obtain and Install Widget Server 2.0 SP2", Form.REFERENCE_LINE));
    }

    @Test
    void referenceLinesWithWrappedTitleAndColonSeparator() {
        Block.ReferenceList refs = (Block.ReferenceList) ArticleTexts.onlyBlock("""
                   Q812152: WIDGET: Setup Fails with Error 0x1234 When the Spooler Is
                            Running
                   Q812153 - WIDGET: Spooler Error Messages
                """);

        assertThat(refs.references()).containsExactly(
                new Reference("Q812152", "WIDGET: Setup Fails with Error 0x1234 When the Spooler Is Running",
                        Form.REFERENCE_LINE),
                new Reference("Q812153", "WIDGET: Spooler Error Messages", Form.REFERENCE_LINE));
        assertThat(refs.text()).isEqualTo("""
                   Q812152: WIDGET: Setup Fails with Error 0x1234 When the Spooler Is
                            Running
                   Q812153 - WIDGET: Spooler Error Messages
                """.stripTrailing());
    }

    @Test
    void articleIdWithTitleLine() {
        assertThat(references("""
                For more information, see:

                   ARTICLE-ID: Q71499
                   TITLE     : WIDGET: Spooler Error Messages and What They Mean
                """)).containsExactly(new Reference("Q71499",
                "WIDGET: Spooler Error Messages and What They Mean", Form.ARTICLE_ID));
    }

    @Test
    void articleIdWithoutTitleLine() {
        assertThat(references("""
                   ARTICLE-ID: Q71499
                """)).containsExactly(new Reference("Q71499", "", Form.ARTICLE_ID));
    }

    @Test
    void proseMentions() {
        assertThat(references("""
                This problem was first described in article Q65125. To avoid it, see Q291914.
                """)).containsExactly(new Reference("Q65125", "", Form.MENTION),
                new Reference("Q291914", "", Form.MENTION));
    }

    @Test
    void listOfIdsInProse() {
        assertThat(references("""
                The same problem is described for earlier versions in Q211646, Q193756, and
                Q193755.
                """)).extracting(Reference::id).containsExactly("Q211646", "Q193756", "Q193755");
    }

    @Test
    void listOfIdsOnALineOfItsOwn() {
        assertThat(references("""
                For more information, see the following articles in the Contoso Knowledge
                Base:

                   Q211646, Q193756, Q193755
                """)).containsExactly(new Reference("Q211646", "", Form.MENTION),
                new Reference("Q193756", "", Form.MENTION), new Reference("Q193755", "", Form.MENTION));
    }

    @Test
    void ownIdIsNotACitation() {
        assertThat(references("""
                This article (Q812001) replaces article Q812000.

                   Q812001 WIDGET: This Very Article
                """)).containsExactly(new Reference("Q812000", "", Form.MENTION));
    }

    @Test
    void fileNamesAssignmentsAndPathsAreNotCitations() {
        assertThat(references("""
                Download the Q91679.TXT file and the Q812999.EXE self-extracting file. Set
                Q2200510=QMS-PS in Win.ini, and see \\\\SERVER\\Q812998 and /kb/Q812997 and
                Q812996-A and the three-digit Q123.
                """)).isEmpty();
    }

    @Test
    void sameIdTwiceIsCitedOnceWithTheTitleFromTheLineThatHasOne() {
        List<Reference> refs = references("""
                This problem is related to the one in Q812160 and Q812161.

                   Q812160 WIDGET: Queue Files Are Not Deleted After Printing

                See Q812160 and Q812161 again.
                """);

        assertThat(refs).extracting(Reference::id).containsExactly("Q812160", "Q812161");
        assertThat(refs.get(0).title()).isEqualTo("WIDGET: Queue Files Are Not Deleted After Printing");
        assertThat(refs.get(1).title()).isEmpty();
    }

    @Test
    void firstTitleWinsWhenTheIdIsListedTwiceWithTitles() {
        assertThat(references("""
                   Q812160 WIDGET: Queue Files Are Not Deleted After Printing

                   Q812160 WIDGET: Another Title for the Same Article
                """)).containsExactly(new Reference("Q812160",
                "WIDGET: Queue Files Are Not Deleted After Printing", Form.REFERENCE_LINE));
    }

    @Test
    void mentionsInListItemsAndPreformattedTextAreFound() {
        assertThat(references("""
                - Install the fix that is described in Q812170.
                - Restart the server.

                   C:\\> wspcfg /fix Q812172
                   C:\\> wspcfg /restart
                """)).extracting(Reference::id).containsExactly("Q812170", "Q812172");
    }

    @Test
    void citationsAreInOrderOfFirstAppearanceAcrossSections() {
        assertThat(references("""
                SYMPTOMS
                ========

                See Q812182.

                MORE INFORMATION
                ================

                   Q812181 WIDGET: First in This Section

                And Q812182 again, then Q812183.
                """)).extracting(Reference::id).containsExactly("Q812182", "Q812181", "Q812183");
    }
}
