package kb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;

/** YAML written to hurt: aliases that expand without end, nesting without end, control characters. */
class YamlLimitsTest {

    private final YamlLoader loader = new YamlLoader();
    private final Diagnostics diagnostics = new Diagnostics();

    /** The "billion laughs": {@code levels} anchors, each a list of {@code width} aliases of the one before. */
    static String laughs(int width, int levels) {
        StringBuilder sb = new StringBuilder("title: Laughs\nlol0: &a0 \"lol\"\n");
        for (int i = 1; i <= levels; i++) {
            sb.append("lol").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < width; k++) {
                sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    @Test
    void aliasesThatExpandToGigabytesAreAnErrorAtTheKeyThatPassesTheLimit() {
        // 48 aliases in 491 bytes: 3^16 * 3 = 129 million characters once written out. Before
        // the limit, the first thing that walked the values (the build state) ran out of memory.
        String yaml = laughs(3, 16);

        Optional<Map<String, Object>> result = assertTimeout(() -> loader.loadMapping(yaml, "laughs.md", 2, diagnostics));

        // isPresent(), not isEmpty(): a failure message would print the value, all of it.
        assertThat(result.isPresent()).isFalse();
        // lol11 stands for 3^11 * 3 = 531,441 "lol"s: the first key past 1 MiB written out.
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("laughs.md", 14, 1),
                "invalid YAML: aliases expand 'lol11' to more than 1,048,576 characters"));
    }

    @Test
    void aFewAliasesSharingDefaultsAreFine() {
        String yaml = """
                defaults: &d {layout: page, lang: en}
                one: *d
                two: *d
                list: [*d, *d, *d]
                """;

        Optional<Map<String, Object>> result = loader.loadMapping(yaml, "c.yml", 1, diagnostics);

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(result.orElseThrow()).containsEntry("two", Map.of("layout", "page", "lang", "en"));
    }

    @Test
    void aCollectionThatContainsItselfIsAnError() {
        // SnakeYAML builds it (a list that is its own item); anything that walks it never ends.
        String yaml = "title: x\nloop: &l [1, *l]\n";

        assertThat(loader.loadMapping(yaml, "loop.md", 2, diagnostics).isPresent()).isFalse();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("loop.md", 3, 1),
                "invalid YAML: 'loop' contains itself through an alias"));
    }

    @Test
    void nestingTenThousandLevelsDeepIsAnErrorNotAStackOverflow() {
        String yaml = "title: x\ndeep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        assertThat(assertTimeout(() -> loader.loadMapping(yaml, "deep.md", 2, diagnostics)).isPresent()).isFalse();
        // The 101st '[' (the mapping is the first level): column 7 + 99.
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("deep.md", 3, 106),
                "invalid YAML: lists and mappings nest more than 100 levels deep here"));
    }

    @Test
    void blockNestingTenThousandLevelsDeepIsAnError() {
        StringBuilder yaml = new StringBuilder("deep:\n");
        for (int i = 1; i <= 10_000; i++) {
            yaml.append(" ".repeat(i)).append("- \n");
        }

        assertThatCode(() -> loader.loadMapping(yaml.toString(), "block.md", 2, diagnostics)).doesNotThrowAnyException();
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("invalid YAML: lists and mappings nest more than 100 levels deep here");
            assertThat(d.at().line()).isEqualTo(102); // the 100th item (line 2 + 100) opens level 101
        });
    }

    @Test
    void aControlCharacterIsNamedAtItsColumn() {
        String yaml = "title: \"Bell\u0007 here\"\n";

        assertThat(loader.loadMapping(yaml, "bell.md", 2, diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("bell.md", 2, 13),
                "invalid YAML: control character U+0007 (BEL) is not allowed"));
    }

    @Test
    void aControlCharacterAfterWideCharactersIsStillAtItsColumn() {
        // SnakeYAML counts code points; the column counts UTF-16 units like every other column.
        String yaml = "emoji: \"\uD83D\uDE00\"\ntitle: \"a\u0007b\"\n";

        assertThat(loader.loadMapping(yaml, "bel.md", 2, diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("bel.md", 3, 10),
                "invalid YAML: control character U+0007 (BEL) is not allowed"));
    }

    @Test
    void aMappingIsStillRequired() {
        assertThat(loader.loadMapping("- a\n- b\n", "list.yml", 1, diagnostics)).isEmpty();
        assertThat(loader.loadMapping("# only a comment\n", "empty.yml", 1, diagnostics)).hasValue(Map.of());
        assertThat(loader.loadMapping("null\n", "null.yml", 1, diagnostics)).hasValue(Map.of());
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("list.yml", 1, 1),
                "YAML must be a mapping of keys to values, found a list"));
    }

    private static <T> T assertTimeout(java.util.function.Supplier<T> work) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), work::get);
    }
}
