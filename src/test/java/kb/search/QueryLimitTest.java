package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link QueryLimit}: which beginning of a long query is searched. */
class QueryLimitTest {

    /** A word's terms: its parts between dots ("a.b.c" is three). */
    private static final ToIntFunction<String> PARTS = w -> (int) w.chars().filter(c -> c == '.').count() + 1;

    private static String words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    }

    @Test
    void aQueryWithinTheLimitIsSearchedWhole() {
        QueryLimit.Cut cut = new QueryLimit(4, 10).cut("  one two  three ", PARTS);
        assertThat(cut.searched()).isEqualTo("one two  three");
        assertThat(cut.words()).isEqualTo(3);
        assertThat(cut.wordsSearched()).isEqualTo(3);
        assertThat(cut.shortened()).isFalse();
    }

    @Test
    void tooManyWordsAreCutAfterTheLastThatFits() {
        QueryLimit.Cut cut = QueryLimit.DEFAULT.cut(words(176), PARTS);
        assertThat(cut.searched()).isEqualTo(words(32));
        assertThat(cut.words()).isEqualTo(176);
        assertThat(cut.wordsSearched()).isEqualTo(32);
        assertThat(cut.shortened()).isTrue();
    }

    @Test
    void tooManyTermsAreCutAtAWord() {
        QueryLimit.Cut cut = new QueryLimit(32, 5).cut("a.b c.d e.f g", PARTS);
        assertThat(cut.searched()).isEqualTo("a.b c.d");
        assertThat(cut.terms()).isEqualTo(4);
        assertThat(cut.words()).isEqualTo(4);
        assertThat(cut.wordsSearched()).isEqualTo(2);
    }

    @Test
    void aFirstWordOfTooManyTermsIsCutWithinItself() {
        QueryLimit.Cut cut = new QueryLimit(32, 3).cut("a.b.c.d.e more", PARTS);
        assertThat(cut.searched()).isEqualTo("a.b.c");
        assertThat(cut.wordsSearched()).isEqualTo(1);
        assertThat(cut.words()).isEqualTo(2);
        assertThat(cut.shortened()).isTrue();
        assertThat(new SearchResults.Shortened(cut.searched(), cut.words(), cut.wordsSearched()).note())
                .isEqualTo("The query was shortened: only its first 1 of 2 words were searched.");
    }

    @Test
    void aSingleWordCutWithinItselfIsNotedInCharacters() {
        QueryLimit.Cut cut = new QueryLimit(32, 2).cut("a.b.c.d", PARTS);
        assertThat(cut.searched()).isEqualTo("a.b");
        assertThat(cut.shortened()).isTrue();
        assertThat(new SearchResults.Shortened(cut.searched(), cut.words(), cut.wordsSearched()).note())
                .isEqualTo("The query was shortened: only its first 3 characters were searched.");
    }

    @Test
    void emptyAndBlankQueriesAreNotShortened() {
        assertThat(QueryLimit.DEFAULT.cut("", PARTS).shortened()).isFalse();
        assertThat(QueryLimit.DEFAULT.cut(" \t\n", PARTS).searched()).isEmpty();
        assertThat(QueryLimit.DEFAULT.cut(" \t\n", PARTS).shortened()).isFalse();
    }

    @Test
    void halvingKeepsAtLeastOneWordAndTerm() {
        QueryLimit.Cut cut = QueryLimit.DEFAULT.cut(words(40), PARTS);
        assertThat(QueryLimit.DEFAULT.halved(cut)).isEqualTo(new QueryLimit(16, 16));
        assertThat(new QueryLimit(1, 1).halved(new QueryLimit(1, 1).cut("x", PARTS))).isEqualTo(new QueryLimit(1, 1));
    }
}
