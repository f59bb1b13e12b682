package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.model.Block;
import org.junit.jupiter.api.Test;

/** Lines of article text: TABs expanded to 8-column stops, CR and trailing spaces cut, numbered. */
class TextLinesTest {

    @Test
    void tabsExpandToEightColumnStops() {
        assertThat(TextLines.expandTabs("\tx")).isEqualTo("        x");
        assertThat(TextLines.expandTabs("ab\tc")).isEqualTo("ab      c");
        assertThat(TextLines.expandTabs("1234567\tx")).isEqualTo("1234567 x");
        assertThat(TextLines.expandTabs("12345678\ty")).isEqualTo("12345678        y");
        assertThat(TextLines.expandTabs("\t\tz")).isEqualTo("                z");
        assertThat(TextLines.expandTabs("no tabs")).isEqualTo("no tabs");
    }

    @Test
    void linesAreNumberedFromTheFirstLineWithoutCarriageReturnsOrTrailingSpaces() {
        List<Line> lines = TextLines.split("one  \r\n\ttwo\r\n\n", 7);

        assertThat(lines).containsExactly(new Line("one", 7), new Line("        two", 8), new Line("", 9),
                new Line("", 10));
    }

    @Test
    void lineShape() {
        Line line = new Line("   - item text", 3);

        assertThat(line.indent()).isEqualTo(3);
        assertThat(line.content()).isEqualTo("- item text");
        assertThat(line.length()).isEqualTo(14);
        assertThat(line.isBlank()).isFalse();
        assertThat(new Line("    ", 4).isBlank()).isTrue();
    }

    @Test
    void tabsInTheBodyAreExpandedBeforeColumnsAreCompared() {
        Block block = ArticleTexts.onlyBlock("""
                \t#define QUEUE_MAX\t512
                \t#define QUEUE_MIN\t1
                """);

        assertThat(block).isEqualTo(new Block.Preformatted(
                "        #define QUEUE_MAX       512\n        #define QUEUE_MIN       1", Block.PreKind.CODE));
    }
}
