package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void controlCharactersAreWrittenAsTheirCodeWithAWarningPerLine() {
        String text = "ok line\nbell \u0007 and del \u007F here\ttab kept\r\nC1 \u0092 quote\n";

        String out = ControlCharacters.replace(text, "page.md", 4, diagnostics);

        assertThat(out).isEqualTo("ok line\nbell <07> and del <7F> here\ttab kept\r\nC1 <92> quote\n");
        assertThat(diagnostics.sorted()).containsExactly(
                Diagnostic.warning(new SourcePosition("page.md", 5, 6), "control character U+0007 (BEL) replaced by '<07>'"),
                Diagnostic.warning(new SourcePosition("page.md", 6, 4),
                        "control character U+0092 (PRIVATE USE TWO) replaced by '<92>'"));
    }

    @Test
    void textWithoutControlCharactersIsReturnedAsItIs() {
        String text = "plain text\twith tabs\nand lines\r\n";

        assertThat(ControlCharacters.replace(text, "page.md", 1, diagnostics)).isSameAs(text);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void aFileFullOfThemGetsTenWarningsAndOneForTheRest() {
        String text = "\u0001\n".repeat(25);

        String out = ControlCharacters.replace(text, "binary.md", 1, diagnostics);

        assertThat(out).isEqualTo("<01>\n".repeat(25));
        assertThat(diagnostics.warningCount()).isEqualTo(11);
        assertThat(diagnostics.sorted().get(10)).isEqualTo(Diagnostic.warning(new SourcePosition("binary.md", 11, 1),
                "control characters on 15 more lines from here replaced by <XX>"));
    }
}
