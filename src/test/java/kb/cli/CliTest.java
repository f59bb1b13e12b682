package kb.cli;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.CliRun;
import kb.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The kb command run in-process: exit codes and output. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {

    private Path site;
    private Path index;

    @BeforeAll
    void buildShippedContent(@TempDir Path tmp) {
        site = tmp.resolve("site");
        index = tmp.resolve("index");
        CliRun run = kb("build", "--source", "content", "--dest", site.toString(), "--index", index.toString(), "--no-progress");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).matches("(?s)kb build: \\d+ pages, \\d+ generated, \\d+ files copied, 0 broken links, \\d+ citations of articles not in the site, 0 warnings, 0 errors in [0-9.]+ s.*\\n");
    }

    @Test
    void buildWritesTheSeedArticleWithItsTitle() {
        String page = TestSites.read(site.resolve("kb/319/Q319864/index.html"));
        assertThat(page).contains("<title>Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization | kb Sample KnowledgeBase</title>");
        assertThat(index.resolve("segments_1")).exists();
    }

    @Test
    void searchRanksTheSeedArticleFirst() {
        CliRun run = kb("search", "--index", index.toString(), "inventory resynchronization");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines().findFirst()).hasValue(
                "  1. Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
        assertThat(run.out()).contains("     /kb/319/Q319864/");
    }

    @Test
    void searchJsonIsMachineReadable() throws Exception {
        CliRun run = kb("search", "--index", index.toString(), "--json", "--limit", "2", "inventory", "resynchronization");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("query").asText()).isEqualTo("inventory resynchronization");
        assertThat(json.get("hits")).hasSize(2);
        assertThat(json.get("hits").get(0).get("url").asText()).isEqualTo("/kb/319/Q319864/");
        assertThat(json.get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void searchWithBadSyntaxStillAnswers() {
        CliRun run = kb("search", "--index", index.toString(), "inventory AND (");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("/kb/319/Q319864/");
    }

    @Test
    void searchWithoutAnIndexIsAClearError(@TempDir Path empty) {
        CliRun run = kb("search", "--index", empty.resolve("none").toString(), "x");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("kb: error: no index at").contains("run 'kb build' first");
    }

    @Test
    void buildWithErrorsExitsNonZeroAndPrintsFileLine(@TempDir Path tmp) {
        Path source = TestSites.copy("invalid-front-matter", tmp.resolve("src"));
        CliRun run = kb("build", "--source", source.toString(), "--dest", tmp.resolve("s").toString(),
                "--index", tmp.resolve("i").toString(), "--no-progress");
        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("bad.md:3:8: error: invalid YAML");
        assertThat(run.out()).contains("1 pages").contains("2 errors");
    }

    @Test
    void verifyPassesAgainstItselfAndFailsWhenTextIsMissing(@TempDir Path tmp) throws Exception {
        CliRun same = kb("verify", "--site", site.toString(), "--reference", site.toString());
        assertThat(same.code()).as(same.out()).isEqualTo(ExitCodes.OK);
        assertThat(same.out()).contains("kb verify: OK, nothing lost");

        Path reference = tmp.resolve("ref/kb/319/Q319864");
        Files.createDirectories(reference);
        Files.writeString(reference.resolve("index.html"), """
                <html><head><title>Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization | Old</title></head>
                <body><section id="main_content"><pre>Note: zebra crossings were lost</pre>
                <p>Old disclaimer</p></section></body></html>""");
        CliRun differs = kb("verify", "--site", site.toString(), "--reference", tmp.resolve("ref").toString(),
                "--ignore", "#main_content > p", "--json");
        assertThat(differs.code()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = new ObjectMapper().readTree(differs.out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("titleMismatchCount").asInt()).isEqualTo(1);
        assertThat(json.get("textMismatchCount").asInt()).isEqualTo(1);
        assertThat(json.at("/details/textMismatches/0/expected").asText()).startsWith("Note zebra crossings were lost");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = kb("build", "--nonsense");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--nonsense'");
    }
}
