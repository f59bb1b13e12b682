package kb.extract;

import static kb.extract.ArticleTexts.blocks;
import static kb.extract.ArticleTexts.onlyBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.model.Block;
import kb.model.Block.ListBlock;
import kb.model.Block.Paragraph;
import kb.model.Block.PreKind;
import kb.model.Block.Preformatted;
import kb.model.ListItem;
import kb.model.Reference;
import org.junit.jupiter.api.Test;

/** Block shapes inside sections (FORMAT.md sections 5 and 9). */
class BlocksTest {

    private static Preformatted pre(String text, PreKind kind) {
        return new Preformatted(text, kind);
    }

    private static ListItem item(String marker, String text, Block... children) {
        return new ListItem(marker, text, List.of(children));
    }

    // --- prose ------------------------------------------------------------------------------

    @Test
    void hardWrappedProseIsOneReflowedParagraph() {
        assertThat(onlyBlock("""
                After you install Service Pack 2 (SP2) for Contoso Widget Server, the Widget
                Spooler service may stop when a queue holds more than a few hundred jobs. The
                jobs in that queue are lost, and the spooler writes an event to the log.
                """)).isEqualTo(new Paragraph("After you install Service Pack 2 (SP2) for Contoso Widget Server, "
                + "the Widget Spooler service may stop when a queue holds more than a few hundred jobs. The jobs "
                + "in that queue are lost, and the spooler writes an event to the log."));
    }

    @Test
    void shortLinesBrokenOnPurposeAreKeptAsRaggedLines() {
        assertThat(onlyBlock("""
                Contoso Ltd.
                Attn: Widget Supplemental Disk
                One Contoso Way
                Redmond, WA 98052
                """)).isEqualTo(pre("""
                Contoso Ltd.
                Attn: Widget Supplemental Disk
                One Contoso Way
                Redmond, WA 98052""", PreKind.RAGGED));
    }

    @Test
    void indentedWrappedPassageIsAQuote() {
        assertThat(onlyBlock("""
                   Each job receives a spool file whose name is built from the queue number
                   and a sequence number that is never reused while the service is running,
                   so two jobs cannot share a file.
                """)).isEqualTo(new Block.Quote("Each job receives a spool file whose name is built from the "
                + "queue number and a sequence number that is never reused while the service is running, so two "
                + "jobs cannot share a file."));
    }

    @Test
    void labelLineIsAParagraph() {
        assertThat(blocks("""
                For example:

                Question:

                Response:
                """)).containsExactly(new Paragraph("For example:"), new Paragraph("Question:"),
                new Paragraph("Response:"));
    }

    @Test
    void shortSeparatorAndLabelLinesAreParagraphs() {
        assertThat(blocks("""
                Stop the service from Control Panel.

                -or-

                Stop the service from the Widget Administrator.

                To:
                """)).containsExactly(new Paragraph("Stop the service from Control Panel."), new Paragraph("-or-"),
                new Paragraph("Stop the service from the Widget Administrator."), new Paragraph("To:"));
    }

    // --- lists ------------------------------------------------------------------------------

    @Test
    void dashBulletsWithWrappedContinuations() {
        assertThat(onlyBlock("""
                - You changed the Widget.ini file and want every client to report the change
                  at once instead of over several cycles.
                - The site server rejected a job.
                """)).isEqualTo(new ListBlock(false, 1, "-", List.of(
                item("-", "You changed the Widget.ini file and want every client to report the change at once "
                        + "instead of over several cycles."),
                item("-", "The site server rejected a job."))));
    }

    @Test
    void bulletsSeparatedByBlankLinesAreOneList() {
        assertThat(onlyBlock("""
                - First item.

                - Second item that wraps onto a second line because it is long enough to
                  need one.

                - Third item.
                """)).isEqualTo(new ListBlock(false, 1, "-", List.of(item("-", "First item."),
                item("-", "Second item that wraps onto a second line because it is long enough to need one."),
                item("-", "Third item."))));
    }

    @Test
    void numberedStepsOneToTwelveWithContinuationsOneColumnLeftAndANote() {
        Block block = onlyBlock("""
                1. Log on to the server by using an account that has administrative rights
                  on the computer.

                2. Stop the Widget Spooler service.

                3. Copy Wspool.exe to the Widget\\Bin folder.

                  NOTE: If the copy fails, check the permissions on the Bin folder. The
                  account needs the Change permission on that folder.

                4. Start the Widget Spooler service.
                5. Open the Widget Administrator.
                6. Click the Queues tab.
                7. Click the first queue, and then click Properties.
                8. Click the Limits tab.
                9. In the Maximum jobs box, type a number that is lower than 512.
                10. Click OK, and then repeat steps 7 through 9 for the other queues on the
                  server.
                11. Close the Widget Administrator.
                12. Restart the server.
                """);

        assertThat(block).isEqualTo(new ListBlock(true, 1, "1.", List.of(
                item("1.", "Log on to the server by using an account that has administrative rights on the computer."),
                item("2.", "Stop the Widget Spooler service."),
                item("3.", "Copy Wspool.exe to the Widget\\Bin folder.",
                        new Paragraph("NOTE: If the copy fails, check the permissions on the Bin folder. The account "
                                + "needs the Change permission on that folder.")),
                item("4.", "Start the Widget Spooler service."),
                item("5.", "Open the Widget Administrator."),
                item("6.", "Click the Queues tab."),
                item("7.", "Click the first queue, and then click Properties."),
                item("8.", "Click the Limits tab."),
                item("9.", "In the Maximum jobs box, type a number that is lower than 512."),
                item("10.", "Click OK, and then repeat steps 7 through 9 for the other queues on the server."),
                item("11.", "Close the Widget Administrator."),
                item("12.", "Restart the server."))));
    }

    @Test
    void stepWithADisplayLineAtTheContinuationIndent() {
        ListBlock list = (ListBlock) onlyBlock("""
                1. Stop the service. To do this, type the following commands at a command
                  prompt:

                  net stop wspool
                  net stop wspoolmon

                2. Start it again.
                """);

        assertThat(list.items()).hasSize(2);
        assertThat(list.items().get(0).blocks()).containsExactly(pre("""
                  net stop wspool
                  net stop wspoolmon\
                """, PreKind.COMMAND));
    }

    @Test
    void listThatStartsAtFiveKeepsItsNumbers() {
        List<Block> blocks = blocks("""
                1. Stop the service.
                2. Copy the files.

                Wait until the copy is complete before you continue.

                5. Start the service.
                6. Check the log.
                """);

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0)).isEqualTo(new ListBlock(true, 1, "1.",
                List.of(item("1.", "Stop the service."), item("2.", "Copy the files."))));
        assertThat(blocks.get(2)).isEqualTo(new ListBlock(true, 5, "1.",
                List.of(item("5.", "Start the service."), item("6.", "Check the log."))));
    }

    @Test
    void nestedDashListAtColumnThreeUnderAnItem() {
        assertThat(onlyBlock("""
                - Change the Spool Folder setting on the Advanced tab of the spooler
                  properties.
                   - The folder must already exist.
                   - The service account needs Change permission on it.
                - Run the Wspcfg.exe tool with the /spool switch.
                """)).isEqualTo(new ListBlock(false, 1, "-", List.of(
                item("-", "Change the Spool Folder setting on the Advanced tab of the spooler properties.",
                        new ListBlock(false, 1, "-", List.of(item("-", "The folder must already exist."),
                                item("-", "The service account needs Change permission on it.")))),
                item("-", "Run the Wspcfg.exe tool with the /spool switch."))));
    }

    @Test
    void otherMarkers() {
        assertThat(blocks("""
                * Run the removal tool.
                * Delete the folder.

                a. Stop the service.
                b. Delete the files.

                o Stop it.
                o Start it.

                (1) First.
                (2) Second.
                """)).containsExactly(
                new ListBlock(false, 1, "*", List.of(item("*", "Run the removal tool."), item("*", "Delete the folder."))),
                new ListBlock(true, 1, "a.", List.of(item("a.", "Stop the service."), item("b.", "Delete the files."))),
                new ListBlock(false, 1, "o", List.of(item("o", "Stop it."), item("o", "Start it."))),
                new ListBlock(true, 1, "(1)", List.of(item("(1)", "First."), item("(2)", "Second."))));
    }

    @Test
    void lowerCaseWordAfterALetterIsNoListMarker() {
        assertThat(ListMarker.of(new Line("a. lower case", 1))).isEmpty();
        assertThat(ListMarker.of(new Line("e.g. text", 1))).isEmpty();
        assertThat(ListMarker.of(new Line("b. Upper", 1))).hasValueSatisfying(m -> {
            assertThat(m.family()).isEqualTo("a.");
            assertThat(m.number()).isEqualTo(2);
            assertThat(m.textColumn()).isEqualTo(3);
        });
        assertThat(ListMarker.of(new Line("  10.  Step ten", 1))).hasValueSatisfying(m -> {
            assertThat(m.marker()).isEqualTo("10.");
            assertThat(m.indent()).isEqualTo(2);
            assertThat(m.textColumn()).isEqualTo(7);
            assertThat(m.text()).isEqualTo("Step ten");
        });
    }

    // --- preformatted -------------------------------------------------------------------------

    @Test
    void cSampleWithBlankLinesIsOneCodeBlockExactlyAsWritten() {
        String code = """
                   /* Compile options needed: /W3 */

                   #include <stdio.h>

                   int main(void)
                   {
                       int i;


                       for (i = 0; i < 10 && ready(); i++) {
                           submit("QUEUE1", "test  job");
                       }
                       return 0;
                   }\
                """;
        List<Block> blocks = blocks("""
                Sample Code
                -----------

                """ + code + "\n");

        assertThat(blocks).containsExactly(pre(code, PreKind.CODE));
    }

    @Test
    void msplCodeAtTheLeftMarginIsCode() {
        String code = """
                #include <stdio.h>
                #include <conio.h>

                main()
                {
                    int c;

                    c = getch();
                    printf("You pressed %c\\n", c);
                }""";

        assertThat(blocks("Use getch(), as in the following example:\n\n" + code + "\n")).containsExactly(
                new Paragraph("Use getch(), as in the following example:"), pre(code, PreKind.CODE));
    }

    @Test
    void alignedTableUnderADashRuleHeader() {
        String table = """
                   Date      Time    Size     File name      Platform
                   ----------------------------------------------------
                   02/14/01  03:10p  184,592  Wspool.exe     x86
                   02/14/01  03:10p  61,200   Wspoolui.dll   x86\
                """;

        assertThat(onlyBlock(table + "\n")).isEqualTo(pre(table, PreKind.TABLE));
    }

    @Test
    void alignedTableWithTwoSpaceColumnsIsATable() {
        String table = """
                   Queues  Jobs  Limit
                   ------  ----  -----
                   QUEUE1  1200  5120
                   QUEUE2  9000  4096\
                """;

        assertThat(onlyBlock(table + "\n")).isEqualTo(pre(table, PreKind.TABLE));
    }

    @Test
    void asciiDiagram() {
        String diagram = """
                   +------------+     +-------------+
                   |  New job   |---->|  Spool file |
                   +------------+     +-------------+
                         |
                   |  Paid   |
                   -----------\
                """;

        assertThat(onlyBlock(diagram + "\n")).isEqualTo(pre(diagram, PreKind.DIAGRAM));
    }

    @Test
    void commandLines() {
        String commands = """
                   C:\\> net stop wspool
                   C:\\> net start wspool\
                """;

        assertThat(onlyBlock(commands + "\n")).isEqualTo(pre(commands, PreKind.COMMAND));
    }

    @Test
    void singlePromptLineIsACommand() {
        assertThat(onlyBlock("   C:\\> net stop wspool\n")).isEqualTo(pre("   C:\\> net stop wspool", PreKind.COMMAND));
        assertThat(onlyBlock("C:\\> net stop wspool\n")).isEqualTo(pre("C:\\> net stop wspool", PreKind.COMMAND));
    }

    @Test
    void registryPathAndValue() {
        String registry = """
                   HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Widget\\Spooler\\Parameters
                   MaxJobsPerQueue : REG_DWORD : 0x1F4\
                """;

        assertThat(onlyBlock(registry + "\n")).isEqualTo(pre(registry, PreKind.REGISTRY));
        assertThat(onlyBlock("   HKEY_CURRENT_USER\\Software\\Contoso\\Widget\n"))
                .isEqualTo(pre("   HKEY_CURRENT_USER\\Software\\Contoso\\Widget", PreKind.REGISTRY));
    }

    @Test
    void singleIndentedErrorMessageIsADisplayLine() {
        assertThat(blocks("""
                The following error message appears:

                   Widget Spooler: the spool file for queue QUEUE1 cannot be opened.
                """)).containsExactly(new Paragraph("The following error message appears:"),
                pre("   Widget Spooler: the spool file for queue QUEUE1 cannot be opened.", PreKind.DISPLAY));
    }

    @Test
    void displayLineAfterAColonWithoutABlankLineIsSplitOff() {
        assertThat(blocks("""
                The following error message appears:
                   Widget Spooler: the spool file cannot be opened.
                """)).containsExactly(new Paragraph("The following error message appears:"),
                pre("   Widget Spooler: the spool file cannot be opened.", PreKind.DISPLAY));
    }

    @Test
    void referenceLinesAreAReferenceList() {
        String lines = """
                   Q812151 WIDGET: How to Obtain and Install Widget Server 2.0 SP2
                   Q812152 WIDGET: Setup Fails When the Spooler Is Running\
                """;

        assertThat(onlyBlock(lines + "\n")).isEqualTo(new Block.ReferenceList(lines, List.of(
                new Reference("Q812151", "WIDGET: How to Obtain and Install Widget Server 2.0 SP2",
                        Reference.Form.REFERENCE_LINE),
                new Reference("Q812152", "WIDGET: Setup Fails When the Spooler Is Running",
                        Reference.Form.REFERENCE_LINE))));
    }

    @Test
    void urlOnItsOwnLineIsKeptAsALine() {
        assertThat(onlyBlock("   http://support.contoso.com/widget/spooler.htm\n"))
                .isEqualTo(pre("   http://support.contoso.com/widget/spooler.htm", PreKind.DISPLAY));
    }

    @Test
    void adjacentPreformattedBlocksAreJoinedWithTheirBlankLines() {
        assertThat(blocks("""
                   [Spooler]
                   MaxJobs=400


                   [Queues]
                   QUEUE1=LPT1
                """)).containsExactly(pre("""
                   [Spooler]
                   MaxJobs=400


                   [Queues]
                   QUEUE1=LPT1\
                """, PreKind.CODE));
    }

    @Test
    void listingCutIntoGroupsByBlankLinesIsOneBlockWithItsBlankLines() {
        // The CONFIG.SYS menu listing of Q900620: the first group alone looks like ragged lines.
        List<Block> blocks = blocks("""
                The following CONFIG.SYS file offers two choices:

                  [MENU]
                  MENUITEM=NET, Start with network drivers
                  MENUDEFAULT=NET, 10

                  [COMMON]
                  DEVICE=C:\\DOS\\HIMEM.SYS
                  FILES=40

                  [GAMES]
                  DEVICE=C:\\DOS\\EMM386.EXE RAM 2048
                """);

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(1)).isInstanceOf(Preformatted.class);
        assertThat(blocks.get(1).text()).isEqualTo("""
                  [MENU]
                  MENUITEM=NET, Start with network drivers
                  MENUDEFAULT=NET, 10

                  [COMMON]
                  DEVICE=C:\\DOS\\HIMEM.SYS
                  FILES=40

                  [GAMES]
                  DEVICE=C:\\DOS\\EMM386.EXE RAM 2048\
                """);
    }

    @Test
    void batchFileWithLabelsAndALastOneLineGroupIsOneBlock() {
        List<Block> blocks = blocks("""
                  @ECHO OFF
                  PATH C:\\DOS;C:\\NET
                  GOTO %CONFIG%

                  :NET
                  C:\\NET\\NET START
                  GOTO END

                  :END
                """);

        assertThat(blocks).hasSize(1);
        assertThat(((Preformatted) blocks.get(0)).kind()).as("not the last group's one-line display").isEqualTo(PreKind.RAGGED);
        assertThat(blocks.get(0).text()).contains("GOTO %CONFIG%\n\n  :NET").endsWith("GOTO END\n\n  :END");
    }

    @Test
    void aListingUnderAStepIsOneBlockToo() {
        ListBlock list = (ListBlock) onlyBlock("""
                1. Add these lines to the AUTOEXEC.BAT file:

                     :NET
                     C:\\NET\\NET START
                     GOTO END

                     :END
                     ECHO Done

                2. Restart the computer.
                """);

        assertThat(list.items()).hasSize(2);
        assertThat(list.items().get(0).blocks()).hasSize(1);
        assertThat(list.items().get(0).blocks().get(0).text()).endsWith("GOTO END\n\n     :END\n     ECHO Done");
    }

    @Test
    void raggedGroupsAtDifferentIndentationsStayApart() {
        List<Block> blocks = BlockParser.mergePreformatted(List.of(
                pre("  Start\n  Programs", PreKind.RAGGED),
                pre("      Accessories\n      Notepad", PreKind.RAGGED)), List.of(0, 1));

        assertThat(blocks).hasSize(2);
    }

    @Test
    void raggedLinesAtTheMarginStayApart() {
        // Two addresses: lines of prose, each its own block.
        assertThat(blocks("""
                Contoso Ltd.
                One Contoso Way
                Redmond, WA 98052

                Fabrikam, Inc.
                Two Fabrikam Road
                Seattle, WA 98101
                """)).hasSize(2);
    }

    @Test
    void listTextAndBlockTextsKeepEveryWord() {
        ListBlock list = (ListBlock) onlyBlock("""
                1. Stop the service.

                  NOTE: Wait for it.
                """);

        assertThat(list.text()).isEqualTo("1. Stop the service.\nNOTE: Wait for it.\n");
    }
}
