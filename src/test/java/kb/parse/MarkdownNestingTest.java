package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MarkdownNestingTest {

    private static OptionalInt tooDeep(String text, int max) {
        return MarkdownNesting.tooDeep(text, max);
    }

    /** A list of {@code levels} items, each nested in the one before by {@code step} more spaces. */
    static String indentedList(int levels, int step) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            sb.append(" ".repeat(i * step)).append("- item ").append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void ordinaryPagesAreWellWithinTheLimit() {
        String page = """
                # Title

                Some text with a - dash and a > sign.

                - one
                  - two
                    1. three
                       > quoted
                       > - in a list
                - back

                ---
                * * *

                    - indented code, not a list
                """;

        assertThat(tooDeep(page, 5)).isEmpty();
        assertThat(tooDeep(page, 4)).as("five levels: -, -, 1., >, -").isPresent();
    }

    @Test
    void aNestedListIsFoundAtTheItemPastTheLimit() {
        String list = indentedList(10, 2);

        // The 5th item (line 5, 8 spaces in) opens level 5.
        assertThat(tooDeep(list, 4)).hasValue(list.indexOf("- item 4"));
        assertThat(tooDeep(list, 10)).isEmpty();
    }

    @Test
    void markersOnOneLineAndBlockQuotesCountEachLevel() {
        assertThat(tooDeep("- - - x\n", 2)).hasValue(4);
        assertThat(tooDeep("> > > x\n", 2)).hasValue(4);
        assertThat(tooDeep("- - - x\n", 3)).isEmpty();
        assertThat(tooDeep("- - -\n", 1)).as("a thematic break, not a list").isEmpty();
    }

    @Test
    void itemsAtTheSameIndentationAreSiblings() {
        assertThat(tooDeep("- a\n- b\n- c\n\n- d\n", 1)).isEmpty();
        assertThat(tooDeep("1. a\n2. b\n   - c\n", 1)).hasValue(13);
    }

    @Test
    void aTenThousandLevelListIsMeasuredAtOnce() {
        // Flexmark took more than 600 s on it (the time grows with the cube of the depth).
        String list = indentedList(10_000, 2);

        OptionalInt at = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> tooDeep(list, MarkdownNesting.MAX_DEPTH));

        assertThat(at).hasValue(list.indexOf("- item 64\n"));
    }
}
