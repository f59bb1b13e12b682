package kb.importer;

import static kb.CliRun.kb;
import static kb.importer.TxtBytes.article;
import static kb.importer.TxtBytes.cp1252;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kb.CliRun;
import kb.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb import} run in-process: exit codes, diagnostics and the summary line. */
class ImportCliTest {

    @TempDir
    Path tmp;

    @Test
    void importsAndPrintsTheSummary() {
        TxtBytes.write(tmp.resolve("txt/Q900901.TXT"), cp1252(article("Q900901", "01-MAR-2001", "T", "Body.\n")));
        String into = tmp.resolve("content").toString();

        CliRun first = kb("import", tmp.resolve("txt").toString(), "--into", into);
        CliRun second = kb("import", tmp.resolve("txt").toString(), "--into", into);

        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).isEqualTo("kb import: 1 created, 0 updated, 0 unchanged, 0 conflicts, 0 warnings, 0 errors\n");
        assertThat(first.err()).isEmpty();
        assertThat(second.out()).isEqualTo("kb import: 0 created, 0 updated, 1 unchanged, 0 conflicts, 0 warnings, 0 errors\n");
        assertThat(tmp.resolve("content/kb/900/Q900901/README.md")).exists();
    }

    @Test
    void errorsAndConflictsExitWithFailed() throws Exception {
        TxtBytes.write(tmp.resolve("txt/BAD.TXT"), cp1252("no header at all\n"));
        TxtBytes.write(tmp.resolve("txt/Q900902.TXT"), cp1252(article("Q900902", "02-MAR-2001", "T", "Body.\n")));
        Path page = tmp.resolve("content/kb/900/Q900902/README.md");
        Files.createDirectories(page.getParent());
        Files.writeString(page, "hand-written\n");

        CliRun run = kb("import", tmp.resolve("txt").toString(), "--into", tmp.resolve("content").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).isEqualTo("kb import: 0 created, 0 updated, 0 unchanged, 1 conflicts, 0 warnings, 1 errors\n");
        assertThat(run.err()).contains("BAD.TXT:1:1: error: no 'DOCUMENT:' header line",
                "Q900902.TXT:1:1: error: conflict: page ");
        assertThat(Files.readString(page)).isEqualTo("hand-written\n");

        CliRun forced = kb("import", tmp.resolve("txt").toString(), "--into", tmp.resolve("content").toString(), "--force");

        assertThat(forced.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(forced.out()).isEqualTo("kb import: 0 created, 1 updated, 0 unchanged, 0 conflicts, 0 warnings, 1 errors\n");
    }

    @Test
    void warningsAloneExitOk() {
        TxtBytes.write(tmp.resolve("Q900903.TXT"), TxtBytes.crlf(article("Q900903", "03-MAR-2001", "T", "Body.\n"), 0x1A));

        CliRun run = kb("import", tmp.resolve("Q900903.TXT").toString(), "--into", tmp.resolve("content").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("warning: DOS end-of-file mark (0x1A) at the end of the file dropped");
        assertThat(run.out()).endsWith("1 created, 0 updated, 0 unchanged, 0 conflicts, 1 warnings, 0 errors\n");
    }

    @Test
    void missingInputOrNoInputIsAUsageError() {
        CliRun missing = kb("import", tmp.resolve("nowhere").toString(), "--into", tmp.resolve("content").toString());
        CliRun none = kb("import");

        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("kb: error: input ").contains("nowhere does not exist");
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("TXT_FILES_OR_DIRS");
    }
}
