package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterParserTest {

    private static final String FILE = "content/kb/319/Q319864/README.md";

    private final FrontMatterParser parser = new FrontMatterParser();
    private final Diagnostics diagnostics = new Diagnostics();

    @ParameterizedTest
    @ValueSource(strings = {"---\n", "---\r\n", "---  \r\n", "---\t\n", "---\ntitle: x\n---\n"})
    void recognisesFrontMatter(String start) {
        assertThat(FrontMatterParser.hasFrontMatter(start)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--", "---", "----\n", "--- x\n", " ---\n", "# Title\n", "---  "})
    void rejectsWhatIsNotFrontMatter(String start) {
        assertThat(FrontMatterParser.hasFrontMatter(start)).isFalse();
    }

    @Test
    void splitsFrontMatterAndBody() {
        String text = """
                ---
                layout: page
                title: "T"
                ---

                ## T
                """;

        Optional<SourceText> split = parser.split(text, FILE, diagnostics);

        assertThat(split).contains(new SourceText("layout: page\ntitle: \"T\"\n", 2, "\n## T\n", 5));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void threeDotsCloseTheFrontMatterToo() {
        Optional<SourceText> split = parser.split("---\ntitle: T\n...\nbody\n", FILE, diagnostics);

        assertThat(split).contains(new SourceText("title: T\n", 2, "body\n", 4));
    }

    @Test
    void closingLineMayHaveTrailingSpacesAndCarriageReturns() {
        Optional<SourceText> split = parser.split("---\r\ntitle: T\r\n---  \r\nbody\r\n", FILE, diagnostics);

        assertThat(split).contains(new SourceText("title: T\r\n", 2, "body\r\n", 4));
    }

    @Test
    void emptyFrontMatter() {
        Optional<SourceText> split = parser.split("---\n---\nbody", FILE, diagnostics);

        assertThat(split).contains(new SourceText("", 2, "body", 3));
    }

    @Test
    void closingLineAtTheEndOfTheTextWithoutNewline() {
        Optional<SourceText> split = parser.split("---\ntitle: T\n---", FILE, diagnostics);

        assertThat(split).contains(new SourceText("title: T\n", 2, "", 4));
    }

    @Test
    void longerDashLinesDoNotClose() {
        Optional<SourceText> split = parser.split("---\na: 1\n----\n---\nbody", FILE, diagnostics);

        assertThat(split).contains(new SourceText("a: 1\n----\n", 2, "body", 5));
    }

    @Test
    void unclosedFrontMatterIsAnErrorAtLineOne() {
        Optional<SourceText> split = parser.split("---\ntitle: T\n\nbody\n", FILE, diagnostics);

        assertThat(split).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition(FILE, 1, 1),
                "front matter starts with '---' but is never closed by a '---' line"));
    }

    @Test
    void parsesTheYaml() {
        SourceText text = parser.split("""
                ---
                layout: page
                title: "Q1: A &amp; B"
                permalink: /kb/1/Q1/
                tags: [a, b]
                ---
                body
                """, FILE, diagnostics).orElseThrow();

        Optional<FrontMatter> fm = parser.parse(text, FILE, diagnostics);

        assertThat(fm).isPresent();
        assertThat(fm.get().values()).containsExactly(
                Map.entry("layout", "page"),
                Map.entry("title", "Q1: A &amp; B"),
                Map.entry("permalink", "/kb/1/Q1/"),
                Map.entry("tags", List.of("a", "b")));
        assertThat(fm.get().layout()).contains("page");
        assertThat(fm.get().title()).contains("Q1: A &amp; B");
        assertThat(fm.get().permalink()).contains("/kb/1/Q1/");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void yamlErrorIsReportedAtItsLineInTheFile() {
        String page = """
                ---
                layout: page
                title: bad: x
                ---
                body
                """;
        SourceText text = parser.split(page, FILE, diagnostics).orElseThrow();

        Optional<FrontMatter> fm = parser.parse(text, FILE, diagnostics);

        assertThat(fm).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition(FILE, 3, 11),
                "invalid YAML: mapping values are not allowed here"));
    }

    @Test
    void unterminatedStringIsReportedInsideTheFrontMatter() {
        String page = """
                ---
                layout: page
                title: "unterminated
                ---
                body
                """;
        SourceText text = parser.split(page, FILE, diagnostics).orElseThrow();

        Optional<FrontMatter> fm = parser.parse(text, FILE, diagnostics);

        assertThat(fm).isEmpty();
        assertThat(diagnostics.errorCount()).isEqualTo(1);
        Diagnostic error = diagnostics.sorted().get(0);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.message()).isEqualTo("invalid YAML: while scanning a quoted scalar: found unexpected end of stream");
        // The front matter spans lines 2-3: the error points at the opening quote on line 3.
        assertThat(error.at()).isEqualTo(new SourcePosition(FILE, 3, 8));
    }

    @Test
    void typoOfAKnownKeyIsAWarningAtTheKey() {
        String page = """
                ---
                title: T
                permlink: /x/
                ---
                """;
        SourceText text = parser.split(page, FILE, diagnostics).orElseThrow();

        Optional<FrontMatter> fm = parser.parse(text, FILE, diagnostics);

        assertThat(fm).isPresent();
        assertThat(fm.get().permalink()).isEmpty();
        assertThat(fm.get().values()).containsEntry("permlink", "/x/");
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(new SourcePosition(FILE, 3, 1),
                "unknown front matter key 'permlink'; did you mean 'permalink'?"));
    }

    @Test
    void typoOnTheFirstLineIsReportedAtLineTwo() {
        SourceText text = parser.split("---\nlayuot: page\n---\n", FILE, diagnostics).orElseThrow();

        parser.parse(text, FILE, diagnostics);

        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(new SourcePosition(FILE, 2, 1),
                "unknown front matter key 'layuot'; did you mean 'layout'?"));
    }

    @Test
    void unrelatedAndShortKeysAreNotTypos() {
        SourceText text = parser.split("""
                ---
                title: T
                tag: a
                support_email: x@example.com
                redirect_from: /old/
                ---
                """, FILE, diagnostics).orElseThrow();

        Optional<FrontMatter> fm = parser.parse(text, FILE, diagnostics);

        assertThat(fm).isPresent();
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void emptyFrontMatterParsesToNoValues() {
        SourceText text = parser.split("---\n---\nbody", FILE, diagnostics).orElseThrow();

        Optional<FrontMatter> fm = parser.parse(text, FILE, diagnostics);

        assertThat(fm).contains(new FrontMatter(Map.of()));
        assertThat(fm.get().layout()).isEmpty();
        assertThat(fm.get().title()).isEmpty();
        assertThat(fm.get().published()).isTrue();
        assertThat(fm.get().renderWithLiquid()).isTrue();
    }

    @Test
    void editDistance() {
        assertThat(FrontMatterParser.editDistance("permalink", "permlink")).isEqualTo(1);
        assertThat(FrontMatterParser.editDistance("layout", "layuot")).as("a swap counts once").isEqualTo(1);
        assertThat(FrontMatterParser.editDistance("", "abc")).isEqualTo(3);
        assertThat(FrontMatterParser.editDistance("title", "title")).isZero();
        assertThat(FrontMatterParser.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}
