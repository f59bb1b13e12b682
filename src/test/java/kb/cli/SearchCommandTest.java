package kb.cli;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kb.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb search} on odd input: a query is never an error, and never a stack trace (issue 17, item 8). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCommandTest {

    private Path index;

    private CliRun search(String... args) {
        List<String> all = new ArrayList<>(List.of("search", "--index", index.toString()));
        all.addAll(List.of(args));
        return kb(all.toArray(String[]::new));
    }

    @BeforeAll
    void build(@TempDir Path tmp) {
        index = tmp.resolve("index");
        CliRun run = kb("build", "--source", "content", "--dest", tmp.resolve("site").toString(), "--index", index.toString(),
                "--no-progress");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
    }

    private static String[] words(int n) {
        return IntStream.range(0, n).mapToObj(i -> (i % 2 == 0 ? "inventory" : "upgrade") + i).toArray(String[]::new);
    }

    @Test
    void aLongQuerySaysItWasShortened() {
        CliRun run = search(words(176));
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().findFirst())
                .hasValue("The query was shortened: only its first 32 of 176 words were searched.");
    }

    @Test
    void aLongQueryInJsonSaysWhatWasSearched() throws Exception {
        String[] args = new String[177];
        args[0] = "--json";
        System.arraycopy(words(176), 0, args, 1, 176);
        CliRun run = search(args);
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode shortened = new ObjectMapper().readTree(run.out()).get("shortened");
        assertThat(shortened.get("words").asInt()).isEqualTo(176);
        assertThat(shortened.get("searched").asText())
                .isEqualTo(IntStream.range(0, 32).mapToObj(i -> words(32)[i]).collect(Collectors.joining(" ")));
    }

    @Test
    void oddQueriesAreAnswered() {
        for (String query : List.of("\"", "(((", "*", "-", "-\"\"", "ab1.".repeat(2000), "x".repeat(20_000), "\u0001\u0002",
                "type:\"", "Q")) {
            CliRun run = search(query);
            assertThat(run.code()).as(query).isEqualTo(ExitCodes.OK);
            assertThat(run.err()).as(query).isEmpty();
        }
    }

    @Test
    void aDashedWordExcludesItInsteadOfBeingAnUnknownOption() {
        CliRun run = search("inventory", "-resynchronization");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("Resynchronization");
    }

    @Test
    void theLastPossiblePageIsEmptyNotACrash() {
        CliRun run = search("--page", Integer.toString(Integer.MAX_VALUE), "inventory");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("No results on page 2147483647: there are ").contains(" results for \"inventory\".");
    }

    @Test
    void badOptionsAreUsageErrorsWithoutATrace() {
        for (String[] args : List.of(new String[] {"--page", "0", "x"}, new String[] {"--limit", "1000", "x"},
                new String[] {"--sort", "foo", "x"}, new String[] {"--year", "abc", "x"})) {
            CliRun run = search(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("kb: error: ").doesNotContain("\tat ");
        }
    }
}
