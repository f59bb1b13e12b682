package kb.cli;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.CliRun;
import kb.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17's bad input, through the commands users run: what is reported, and what it costs. */
class BadInputCliTest {

    @TempDir
    Path tmp;

    private CliRun build(Path source, String... more) {
        String[] args = {"build", "--source", source.toString(), "--dest", tmp.resolve("site").toString(),
                "--index", tmp.resolve("index").toString(), "--no-progress"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return kb(all);
    }

    /** A site whose one page is UTF-8 with a stray 0xFF byte on line 6. */
    private Path siteWithAStrayByte() throws IOException {
        Path source = tmp.resolve("content");
        Files.createDirectories(source);
        Files.writeString(source.resolve("_config.yml"), "title: Stray Byte\n");
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes("---\nlayout: page\ntitle: Café Crème\n---\n\nCafé au lait, crème brûlée, naïve: 3 € ("
                .getBytes(StandardCharsets.UTF_8));
        page.write(0xFF);
        page.writeBytes(") and “more” after it.\n".getBytes(StandardCharsets.UTF_8));
        Files.write(source.resolve("cafe.md"), page.toByteArray());
        return source;
    }

    /** Item 9: one stray byte made kb read the whole file as Windows-1252 ("CafÃ©"), with a warning. */
    @Test
    void aStrayByteInUtf8CostsOneCharacterAndIsReportedWhereItIs() throws IOException {
        CliRun run = build(siteWithAStrayByte());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).containsOnlyOnce("cafe.md:6:41: warning: invalid UTF-8 (byte 0xFF) replaced by U+FFFD");
        assertThat(run.out()).contains(" 1 warnings, 0 errors");
        String page = TestSites.read(tmp.resolve("site/cafe.html"));
        assertThat(page).contains("Café Crème").contains("Café au lait, crème brûlée, naïve: 3 € (\uFFFD) and “more”")
                .doesNotContain("Ã");
    }

    @Test
    void strictMakesEveryWarningAnError() throws IOException {
        CliRun run = build(siteWithAStrayByte(), "--strict");

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("cafe.md:6:41: error: invalid UTF-8 (byte 0xFF) replaced by U+FFFD");
        assertThat(run.out()).contains(" 0 warnings, 1 errors");
    }

    /** Item 10: "11/11 OK, nothing lost" on a tree of 12 articles, one with a broken front matter. */
    @Test
    void verifySourceCountsAndFailsOnAnArticleItCouldNotRead() {
        Path source = TestSites.copy("verify-unreadable", tmp.resolve("content"));
        CliRun built = build(source);
        assertThat(built.code()).as("the build reports the broken article too").isEqualTo(ExitCodes.FAILED);

        CliRun run = kb("verify", "--source", source.toString(), "--site", tmp.resolve("site").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("sources read        2 / 3      (66.67%)")
                .contains("URLs present        2 / 3 ")
                .containsPattern("not read: \\S*kb/900/Q900302/README.md:3:8: error: invalid YAML")
                .endsWith("kb verify: FAILED\n")
                .doesNotContain("nothing lost");
        assertThat(run.err()).containsPattern("kb/900/Q900302/README.md:3:8: error: invalid YAML");
    }

    @Test
    void verifySourceJsonCountsTheUnreadSources() throws IOException {
        Path source = TestSites.copy("verify-unreadable", tmp.resolve("content"));
        build(source);

        CliRun run = kb("verify", "--source", source.toString(), "--site", tmp.resolve("site").toString(), "--json");

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("pagesChecked").asInt()).isEqualTo(3);
        assertThat(json.get("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void verifySourcePassesWhenEverySourceIsRead() throws IOException {
        Path source = TestSites.copy("verify-unreadable", tmp.resolve("content"));
        Path broken = source.resolve("kb/900/Q900302/README.md");
        Files.writeString(broken, Files.readString(broken).replace("Number 2\n", "Number 2\"\n"));
        assertThat(build(source).code()).isEqualTo(ExitCodes.OK);

        CliRun run = kb("verify", "--source", source.toString(), "--site", tmp.resolve("site").toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sources read        3 / 3 ").endsWith("kb verify: OK, nothing lost\n");
    }

    /** kb stats counted the diagnostics of a collector it then dropped: now they are printed too. */
    @Test
    void statsPrintsTheDiagnosticsItCounts() {
        Path source = TestSites.copy("verify-unreadable", tmp.resolve("content"));

        CliRun run = kb("stats", "--source", source.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).containsPattern("kb/900/Q900302/README.md:3:8: error: invalid YAML");
        assertThat(run.out()).contains("2 KB articles").containsPattern("errors by kind:\\n\\s+1  invalid YAML");
    }
}
