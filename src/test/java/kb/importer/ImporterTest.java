package kb.importer;

import static kb.importer.TxtBytes.article;
import static kb.importer.TxtBytes.cp1252;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L);

    @TempDir
    Path tmp;

    private final Importer importer = new Importer();
    private Diagnostics diagnostics = new Diagnostics();

    private Path content() {
        return tmp.resolve("content");
    }

    private Path page(String path) {
        return content().resolve(path);
    }

    private Path txt(String name, String text) {
        return TxtBytes.write(tmp.resolve("txt").resolve(name), cp1252(text));
    }

    private ImportResult run(boolean force, Path... inputs) {
        diagnostics = new Diagnostics();
        return importer.run(new ImportOptions(List.of(inputs), content(), force), diagnostics);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Issue 17 item 9: a TXT file saved as UTF-8 with one stray byte was read as CP-1252 ("CafÃ©"). */
    @Test
    void utf8TextFileIsImportedAsUtf8AndItsStrayByteReported() throws IOException {
        String text = article("Q900803", "03-JAN-2000", "Caf\u00e9 Cr\u00e8me", "Na\u00efve \u2013 one stray byte: ~.\n")
                .replace("\n", "\r\n");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int tilde = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('~');
        bytes[tilde] = (byte) 0xFF;
        Path file = TxtBytes.write(tmp.resolve("txt/Q900803.TXT"), bytes);

        ImportResult result = run(false, file);

        String page = read(page("kb/900/Q900803/README.md"));
        assertThat(page).contains("title: \"Q900803: Caf\u00e9 Cr\u00e8me\"").contains("\tNa\u00efve \u2013 one stray byte: \uFFFD.\n")
                .doesNotContain("\u00c3");
        assertThat(result.warnings()).isEqualTo(1);
        assertThat(messages()).singleElement().asString()
                .endsWith("Q900803.TXT:9:25: warning: invalid UTF-8 (byte 0xFF) replaced by U+FFFD");
    }

    @Test
    void importsAFolderOfTextFilesInPathOrder() throws IOException {
        txt("900/Q900802.TXT", article("Q900802", "02-JAN-2000", "Second", "Two.\n"));
        txt("900/Q900801.txt", article("Q900801", "01-JAN-2000", "First", "One.\n"));
        txt("900/notes.md", "not a text file to import");

        ImportResult result = run(false, tmp.resolve("txt"));

        assertThat(result).isEqualTo(new ImportResult(2, 0, 0, 0, 0, 0));
        assertThat(result.summary()).isEqualTo("2 created, 0 updated, 0 unchanged, 0 conflicts, 0 warnings, 0 errors");
        assertThat(read(page("kb/900/Q900801/README.md"))).contains("\tOne.\n");
        assertThat(read(page("kb/900/Q900802/README.md"))).contains("\tTwo.\n");
        assertThat(new InputFiles().expand(List.of(tmp.resolve("txt"))))
                .extracting(p -> p.getFileName().toString()).containsExactly("Q900801.txt", "Q900802.TXT");
    }

    @Test
    void fileWithTwoArticlesGivesTwoPages() throws IOException {
        Path file = txt("MULTI.TXT", article("Q10022", "01-JAN-2000", "First", "One.\n") + "\n"
                + article("Q900803", "03-JAN-2000", "Second", "Two.\n"));

        ImportResult result = run(false, file);

        assertThat(result.created()).isEqualTo(2);
        assertThat(read(page("kb/010/Q10022/README.md"))).contains("title: \"Q10022: First\"", "\tOne.\n")
                .doesNotContain("Two.");
        assertThat(read(page("kb/900/Q900803/README.md"))).contains("title: \"Q900803: Second\"", "\tTwo.\n")
                .doesNotContain("One.");
    }

    @Test
    void rerunOnUnchangedInputWritesNothing() throws IOException {
        Path file = txt("Q900804.TXT", article("Q900804", "04-JAN-2000", "Title", "Body.\n"));
        run(false, file);
        Path page = page("kb/900/Q900804/README.md");
        byte[] before = Files.readAllBytes(page);
        Files.setLastModifiedTime(page, LONG_AGO);

        ImportResult again = run(false, file);

        assertThat(again).isEqualTo(new ImportResult(0, 0, 1, 0, 0, 0));
        assertThat(Files.readAllBytes(page)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(LONG_AGO);
        try (Stream<Path> files = Files.list(page.getParent())) {
            assertThat(files).as("no temporary files left").containsExactly(page);
        }
    }

    @Test
    void changedInputUpdatesAPageImportedBefore() throws IOException {
        Path file = txt("Q900805.TXT", article("Q900805", "05-JAN-2000", "Title", "Old body.\n"));
        run(false, file);
        txt("Q900805.TXT", article("Q900805", "06-JAN-2000", "Title", "New body.\n"));

        ImportResult result = run(false, file);

        assertThat(result).isEqualTo(new ImportResult(0, 1, 0, 0, 0, 0));
        assertThat(read(page("kb/900/Q900805/README.md"))).contains("\tNew body.\n", "last_modified: 2000-01-06")
                .doesNotContain("Old body.");
    }

    @Test
    void handEditedPageIsAConflictAndForceOverwritesIt() throws IOException {
        Path file = txt("Q900806.TXT", article("Q900806", "06-JAN-2000", "Title", "Body.\n"));
        run(false, file);
        Path page = page("kb/900/Q900806/README.md");
        String edited = read(page).replace("\tBody.\n", "\tBody, with a fix by hand.\n");
        Files.writeString(page, edited, StandardCharsets.UTF_8);
        txt("Q900806.TXT", article("Q900806", "07-JAN-2000", "Title", "Body, new edition.\n"));

        ImportResult result = run(false, file);

        assertThat(result).isEqualTo(new ImportResult(0, 0, 0, 1, 0, 0));
        assertThat(result.failed()).isTrue();
        assertThat(read(page)).isEqualTo(edited);
        assertThat(messages()).containsExactly(Display.of(file) + ":1:1: error: conflict: page "
                + Display.of(page) + " was edited after kb import wrote it; not overwritten with Q900806 from "
                + Display.of(file) + " (use --force to overwrite)");

        ImportResult forced = run(true, file);

        assertThat(forced).isEqualTo(new ImportResult(0, 1, 0, 0, 0, 0));
        assertThat(read(page)).contains("\tBody, new edition.\n");
        assertThat(ImportDigest.check(read(page))).isEqualTo(ImportDigest.Status.MATCHES);
    }

    @Test
    void pageNotWrittenByImportIsAConflict() throws IOException {
        Path page = page("kb/900/Q900807/README.md");
        Files.createDirectories(page.getParent());
        Files.writeString(page, "---\nlayout: page\ntitle: \"Q900807: Written by hand\"\n---\n\nHand-made.\n");
        Path file = txt("Q900807.TXT", article("Q900807", "07-JAN-2000", "Title", "Body.\n"));

        ImportResult result = run(false, file);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(read(page)).contains("Hand-made.");
        assertThat(messages()).singleElement().asString().contains("error: conflict: page " + Display.of(page)
                + " was not written by kb import; not overwritten with Q900807 from " + Display.of(file));
    }

    @Test
    void sameIdTwiceWithDifferentTextIsAConflictAndTheFirstIsKept() throws IOException {
        Path first = txt("a/Q900808.TXT", article("Q900808", "08-JAN-2000", "Title", "First text.\n"));
        Path second = txt("b/Q900808.TXT", article("Q900808", "08-JAN-2000", "Title", "Second text.\n"));

        ImportResult result = run(false, first, second);

        assertThat(result).isEqualTo(new ImportResult(1, 0, 0, 1, 0, 0));
        assertThat(read(page("kb/900/Q900808/README.md"))).contains("First text.").doesNotContain("Second text.");
        assertThat(messages()).containsExactly(Display.of(second) + ":1:1: error: conflict: Q900808 is also in "
                + Display.of(first) + ":1 with different text; kept that one, this one not imported");
    }

    @Test
    void sameIdTwiceWithTheSameTextIsFine() {
        String text = article("Q900809", "09-JAN-2000", "Title", "Same text.\n");
        Path first = txt("a/Q900809.TXT", text);
        Path second = txt("b/Q900809.TXT", text);

        ImportResult result = run(false, first, second);

        assertThat(result).isEqualTo(new ImportResult(1, 0, 1, 0, 0, 0));
        assertThat(result.failed()).isFalse();
    }

    @Test
    void malformedFileIsAnErrorAndTheOthersAreImported() {
        Path good = txt("Q900810.TXT", article("Q900810", "10-JAN-2000", "Good", "Body.\n"));
        Path bad = txt("Q900811.TXT", article("Q900811", "11-JAN-2000", "Bad", "Body.\n")
                .replace("\n======================================================================\n", "\n-----\n"));

        ImportResult result = run(false, tmp.resolve("txt"));

        assertThat(result).isEqualTo(new ImportResult(1, 0, 0, 0, 0, 1));
        assertThat(Files.exists(page("kb/900/Q900810/README.md"))).isTrue();
        assertThat(Files.exists(page("kb/900/Q900811/README.md"))).isFalse();
        assertThat(messages()).containsExactly(Display.of(bad) + ":8:1: error: no '=====' rule after the header"
                + " of Q900811 (the header must end with a blank line and a line of '='); article skipped");
        assertThat(good).exists();
    }

    @Test
    void controlCharacterIsAWarningWithItsPositionAndWrittenAsHex() throws IOException {
        Path file = TxtBytes.write(tmp.resolve("txt/Q900812.TXT"), TxtBytes.crlf(
                TxtBytes.header("Q900812", "12-JAN-2000", "Title"), "Line one.\n  Esc", 0x1B, "[0m here.\n",
                TxtBytes.NOTICE));

        ImportResult result = run(false, file);

        assertThat(result).isEqualTo(new ImportResult(1, 0, 0, 0, 1, 0));
        assertThat(messages()).containsExactly(Display.of(file) + ":10:6: warning: control character 0x1B written as <1B>");
        assertThat(read(page("kb/900/Q900812/README.md"))).contains("\tLine one.\n\t Esc<1B>[0m here.\n");
    }

    @Test
    void missingInputIsAUsageError() {
        assertThatThrownBy(() -> run(false, tmp.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
    }
}
