package kb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    private final YamlLoader loader = new YamlLoader();
    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void loadsMappingInSourceOrder() {
        String yaml = """
                title: "Hello"
                count: 3
                tags: [a, b]
                nested:
                  key: value
                """;

        Optional<Map<String, Object>> result = loader.loadMapping(yaml, "page.md", 2, diagnostics);

        assertThat(result).isPresent();
        assertThat(result.get()).containsExactly(
                Map.entry("title", "Hello"),
                Map.entry("count", 3),
                Map.entry("tags", List.of("a", "b")),
                Map.entry("nested", Map.of("key", "value")));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void duplicateKeysAreAcceptedAndTheLastOneWins() {
        Optional<Map<String, Object>> result =
                loader.loadMapping("a: 1\na: 2\n", "page.md", 2, diagnostics);

        assertThat(result).contains(Map.of("a", 2));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void numericKeysBecomeStrings() {
        Optional<Map<String, Object>> result =
                loader.loadMapping("404: missing\n", "page.md", 2, diagnostics);

        assertThat(result).contains(Map.of("404", "missing"));
    }

    @Test
    void emptyOrBlankTextIsAnEmptyMapping() {
        assertThat(loader.loadMapping("", "page.md", 2, diagnostics)).contains(Map.of());
        assertThat(loader.loadMapping("  \n\n", "page.md", 2, diagnostics)).contains(Map.of());
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void onlyACommentIsAnEmptyMapping() {
        assertThat(loader.loadMapping("# nothing here\n", "page.md", 2, diagnostics)).contains(Map.of());
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void listIsAnErrorAtTheFirstLine() {
        Optional<Map<String, Object>> result =
                loader.loadMapping("- a\n- b\n", "page.md", 2, diagnostics);

        assertThat(result).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(
                new SourcePosition("page.md", 2, 1),
                "YAML must be a mapping of keys to values, found a list"));
    }

    @Test
    void singleValueIsAnError() {
        Optional<Map<String, Object>> result =
                loader.loadMapping("hello\n", "_config.yml", 1, diagnostics);

        assertThat(result).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(
                new SourcePosition("_config.yml", 1, 1),
                "YAML must be a mapping of keys to values, found a single value 'hello'"));
    }

    @Test
    void syntaxErrorPointsIntoTheEnclosingFile() {
        // The YAML starts at line 2 of the file; its second line, file line 3, is broken at the
        // second colon (column 7).
        String yaml = """
                title: ok
                bad: x: y
                """;

        Optional<Map<String, Object>> result = loader.loadMapping(yaml, "page.md", 2, diagnostics);

        assertThat(result).isEmpty();
        assertThat(diagnostics.errorCount()).isEqualTo(1);
        Diagnostic error = diagnostics.sorted().get(0);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.at()).isEqualTo(new SourcePosition("page.md", 3, 7));
        assertThat(error.message()).isEqualTo("invalid YAML: mapping values are not allowed here");
    }

    @Test
    void syntaxErrorLineHonoursFirstLineOne() {
        String yaml = """
                title: ok
                bad: x: y
                """;

        loader.loadMapping(yaml, "_config.yml", 1, diagnostics);

        assertThat(diagnostics.sorted()).extracting(Diagnostic::at)
                .containsExactly(new SourcePosition("_config.yml", 2, 7));
    }
}
