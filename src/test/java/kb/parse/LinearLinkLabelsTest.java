package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class LinearLinkLabelsTest {

    /** Flexmark's own expression, which the linear search must agree with. */
    private static final Pattern FLEXMARK = new Parsing(new MutableDataSet()).LINK_LABEL;

    private static int flexmark(String text) {
        Matcher m = FLEXMARK.matcher(text);
        return m.lookingAt() ? m.end() : 0;
    }

    @Test
    void findsTheMatchFlexmarksExpressionFinds() {
        Random random = new Random(17);
        String alphabet = "ab\\\\\\[]]!*\n";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder("[");
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertThat(LinearLinkLabels.length(s, 0)).as(s).isEqualTo(flexmark(s));
        }
    }

    @Test
    void examples() {
        assertThat(LinearLinkLabels.length("[label] rest", 0)).isEqualTo(7);
        assertThat(LinearLinkLabels.length("[a\\]b] rest", 0)).isEqualTo(6);
        assertThat(LinearLinkLabels.length("[\\\\]]", 0)).isEqualTo(4);
        assertThat(LinearLinkLabels.length("[a [b]", 0)).isZero();
        assertThat(LinearLinkLabels.length("no label", 0)).isZero();
        assertThat(LinearLinkLabels.length("x[y]", 1)).isEqualTo(3);
    }

    @Test
    void theLimitOfNineHundredNinetyNinePartsIsKept() {
        String within = "[" + "a".repeat(999) + "]";
        String past = "[" + "a".repeat(1000) + "]";
        assertThat(LinearLinkLabels.length(within, 0)).isEqualTo(flexmark(within)).isEqualTo(1001);
        assertThat(LinearLinkLabels.length(past, 0)).isEqualTo(flexmark(past)).isZero();
        String escapes = "[" + "\\\\".repeat(600) + "]";
        assertThat(LinearLinkLabels.length(escapes, 0)).isEqualTo(1202);
    }

    /** Found by MarkdownStageFuzzTest: 120 backslashes after a '[' ran for ever in Flexmark's expression. */
    @Test
    void aRunOfBackslashesWithoutAClosingBracketIsQuick() {
        MarkdownRenderer markdown = new MarkdownRenderer();
        String page = "[" + "\\".repeat(2_000) + "\u001b*\n\nmore [a][" + "\\".repeat(2_000) + "\n";
        String html = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> markdown.render(page));
        assertThat(html).contains("more [a][");
    }

    /** Labels one after the other in a long paragraph each cost their own length, not the paragraph's. */
    @Test
    void aParagraphOfManyLabelsIsQuick() {
        MarkdownRenderer markdown = new MarkdownRenderer();
        String page = "[a]".repeat(200_000) + "\n";
        String html = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> markdown.render(page));
        assertThat(html).startsWith("<p>[a][a]");
    }
}
