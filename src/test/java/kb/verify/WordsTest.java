package kb.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsAreRunsOfLettersAndDigits() {
        assertThat(Words.of("Don\u2019t stop... 3.5-inch")).containsExactly("Don", "t", "stop", "3", "5", "inch");
    }

    @Test
    void typographyAndWhitespaceDoNotMatter() {
        assertThat(Words.of("Don't stop\u2026 3.5\u2013inch"))
                .isEqualTo(Words.of("Don\u2019t   stop...\n 3.5-inch"));
    }

    @Test
    void lettersBeyondAsciiAndSupplementaryCharactersAreWordCharacters() {
        assertThat(Words.of("caf\u00e9 \u00fcber_all \uD835\uDC00b")).containsExactly("caf\u00e9", "\u00fcber", "all", "\uD835\uDC00b");
    }

    @Test
    void emptyAndPunctuationOnlyTextsHaveNoWords() {
        assertThat(Words.of("")).isEmpty();
        assertThat(Words.of(" -- ... | ")).isEmpty();
    }

    @Test
    void wordAtTheEndIsKept() {
        assertThat(Words.of("a b")).containsExactly("a", "b");
    }

    @Test
    void allExpectedWordsFoundInOrderWithOthersBetween() {
        int[] upTo = {0};

        int bad = Words.firstUnmatched(List.of("a", "b", "c"), List.of("x", "a", "y", "b", "c", "z"), upTo);

        assertThat(bad).isEqualTo(-1);
        assertThat(upTo[0]).isEqualTo(5);
    }

    @Test
    void wordsOutOfOrderAreUnmatched() {
        int[] upTo = {0};

        int bad = Words.firstUnmatched(List.of("a", "c", "b"), List.of("a", "b", "c"), upTo);

        assertThat(bad).isEqualTo(2);
        assertThat(upTo[0]).isEqualTo(3);
    }

    @Test
    void missingWordIsReportedWithThePositionAfterTheLastMatch() {
        int[] upTo = {0};

        int bad = Words.firstUnmatched(List.of("one", "two", "three", "four"),
                List.of("one", "two", "four"), upTo);

        assertThat(bad).isEqualTo(2);
        assertThat(upTo[0]).isEqualTo(2);
    }

    @Test
    void firstWordMissingLeavesMatchedUpToUntouched() {
        int[] upTo = {0};

        int bad = Words.firstUnmatched(List.of("z"), List.of("a", "b"), upTo);

        assertThat(bad).isZero();
        assertThat(upTo[0]).isZero();
    }

    @Test
    void repeatedWordsNeedRepeatedMatches() {
        int[] upTo = {0};

        int bad = Words.firstUnmatched(List.of("a", "a"), List.of("a", "b"), upTo);

        assertThat(bad).isEqualTo(1);
        assertThat(upTo[0]).isEqualTo(1);
    }

    @Test
    void matchingIsCaseSensitive() {
        int[] upTo = {0};

        assertThat(Words.firstUnmatched(List.of("A"), List.of("a"), upTo)).isZero();
    }

    @Test
    void emptyExpectedAlwaysMatches() {
        int[] upTo = {0};

        assertThat(Words.firstUnmatched(List.of(), List.of(), upTo)).isEqualTo(-1);
        assertThat(upTo[0]).isZero();
    }

    @Test
    void emptyActualMatchesNothing() {
        int[] upTo = {0};

        assertThat(Words.firstUnmatched(List.of("a"), List.of(), upTo)).isZero();
    }
}
