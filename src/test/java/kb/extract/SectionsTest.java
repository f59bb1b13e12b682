package kb.extract;

import static kb.extract.ArticleTexts.extract;
import static kb.extract.ArticleTexts.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import kb.diag.Diagnostics;
import kb.model.Article;
import kb.model.Block;
import kb.model.Block.PreKind;
import kb.model.Section;
import org.junit.jupiter.api.Test;

/** Underlined headings (FORMAT.md section 4): what is one, its level and its anchor. */
class SectionsTest {

    private static List<Section> sections(String body) {
        return extract(withHeader(body)).article().sections();
    }

    @Test
    void sectionsInOrderWithLevelsAndAnchors() {
        List<Section> sections = sections("""
                Text before the first heading.

                SYMPTOMS
                ========

                The spooler stops.

                MORE INFORMATION
                ================

                Steps to Reproduce Behavior
                ---------------------------

                1. Fill a queue.

                NOTES
                =====

                Note one.

                NOTES
                =====

                Note two.
                """);

        assertThat(sections).extracting(Section::heading, Section::level, Section::anchor).containsExactly(
                tuple("", 0, ""),
                tuple("SYMPTOMS", 1, "symptoms"),
                tuple("MORE INFORMATION", 1, "more-information"),
                tuple("Steps to Reproduce Behavior", 2, "steps-to-reproduce-behavior"),
                tuple("NOTES", 1, "notes"),
                tuple("NOTES", 1, "notes-1"));
        assertThat(sections.get(0).blocks()).containsExactly(new Block.Paragraph("Text before the first heading."));
        assertThat(sections.get(2).blocks()).isEmpty();
        assertThat(sections.get(5).blocks()).containsExactly(new Block.Paragraph("Note two."));
    }

    @Test
    void anchorsAvoidThePageTitlesId() {
        Article a = extract("Summary", withHeader("""
                SUMMARY
                =======

                Text.
                """), Map.of(), List.of(), new Diagnostics()).article();

        assertThat(a.sections()).extracting(Section::anchor).containsExactly("summary-1");
    }

    @Test
    void anchorsFollowKramdownForPunctuationAndDashes() {
        assertThat(sections("""
                Method 2: Use the Widget Administrator -- Advanced Tab
                ======================================================

                Text.

                Windows NT 4.0 & Windows 2000
                -----------------------------

                Text.
                """)).extracting(Section::anchor).containsExactly(
                "method-2-use-the-widget-administrator--advanced-tab", "windows-nt-40--windows-2000");
    }

    @Test
    void headingFollowedDirectlyByText() {
        List<Section> sections = sections("""
                CAUSE
                =====
                The spooler reuses a file name when a queue holds more than 512 jobs, and the
                second job overwrites the first.
                """);

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("CAUSE");
            assertThat(s.blocks()).containsExactly(new Block.Paragraph("The spooler reuses a file name when a "
                    + "queue holds more than 512 jobs, and the second job overwrites the first."));
        });
    }

    @Test
    void numberedHeadings() {
        List<Section> sections = sections("""
                1. OVERVIEW
                ===========

                Text.

                2. NOTES ON SETUP
                =================

                Text.

                2.1 Memory Managers
                -------------------

                Text.
                """);

        assertThat(sections).extracting(Section::heading, Section::level, Section::anchor).containsExactly(
                tuple("1. OVERVIEW", 1, "1-overview"),
                tuple("2. NOTES ON SETUP", 1, "2-notes-on-setup"),
                tuple("2.1 Memory Managers", 2, "21-memory-managers"));
        assertThat(sections).allSatisfy(s -> assertThat(s.blocks()).containsExactly(new Block.Paragraph("Text.")));
    }

    @Test
    void underlineMayDifferSlightlyInLength() {
        assertThat(sections("""
                SUMMARY
                ==========

                Text.

                Sample Code
                ------------

                Text.
                """)).extracting(Section::heading, Section::level)
                .containsExactly(tuple("SUMMARY", 1), tuple("Sample Code", 2));
    }

    @Test
    void headingWithOneSpaceIndentIsStillAHeading() {
        assertThat(sections("""
                 STATUS
                 ======

                Text.
                """)).extracting(Section::heading, Section::level).containsExactly(tuple("STATUS", 1));
    }

    @Test
    void lastLineOfAParagraphOverADashRuleIsNoHeading() {
        List<Section> sections = sections("""
                The installer writes the following lines to the log file, one line per
                component
                ---------

                Text.
                """);

        assertThat(sections).extracting(Section::heading).containsExactly("");
    }

    @Test
    void lineOverAMuchLongerDashRuleIsNoHeading() {
        List<Section> sections = sections("""
                Queue
                -----------------------------------------

                Text.
                """);

        assertThat(sections).extracting(Section::heading).containsExactly("");
    }

    @Test
    void indentedLineOverARuleIsNoHeading() {
        assertThat(sections("""
                   Column
                   ------
                   value
                """)).extracting(Section::heading).containsExactly("");
    }

    @Test
    void tableHeaderWithWideGapsOverADashRuleIsATableNotAHeading() {
        List<Section> sections = sections("""
                The fix has the following file attributes:

                Date      Time    Size     File name      Platform
                --------------------------------------------------
                02/14/01  03:10p  184,592  Wspool.exe     x86
                02/14/01  03:10p  61,200   Wspoolui.dll   x86
                """);

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEmpty();
            assertThat(s.blocks()).element(1).isEqualTo(new Block.Preformatted("""
                    Date      Time    Size     File name      Platform
                    --------------------------------------------------
                    02/14/01  03:10p  184,592  Wspool.exe     x86
                    02/14/01  03:10p  61,200   Wspoolui.dll   x86""", PreKind.TABLE));
        });
    }

    @Test
    void tableHeaderWithTwoSpaceGapsOverADashRuleIsNoHeading() {
        List<Section> sections = sections("""
                Date  Time  Size  File name  Platform
                -------------------------------------
                02/14/01  03:10p  184,592  Wspool.exe  x86
                """);

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEmpty();
            assertThat(s.blocks()).singleElement().isInstanceOf(Block.Preformatted.class)
                    .extracting(b -> ((Block.Preformatted) b).kind()).isEqualTo(PreKind.TABLE);
        });
    }

    @Test
    void diagramCellOverADashedLineIsADiagramNotAHeading() {
        List<Section> sections = sections("""
                +---------+
                |  Paid   |
                -----------
                """);

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEmpty();
            assertThat(s.blocks()).containsExactly(new Block.Preformatted("""
                    +---------+
                    |  Paid   |
                    -----------""", PreKind.DIAGRAM));
        });
    }

    @Test
    void ruleWithoutTextAboveIsNoHeading() {
        assertThat(sections("""
                Text.

                ==========

                More text.
                """)).extracting(Section::heading).containsExactly("");
    }

    @Test
    void headingAfterARuleLineWithoutABlankLineIsAHeading() {
        assertThat(sections("""
                ==========
                SUMMARY
                =======

                Text.
                """)).extracting(Section::heading).containsExactly("", "SUMMARY");
    }
}
