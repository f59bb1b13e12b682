package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query is never an error (issue 17, item 8): long queries are searched by their beginning and
 * say so, odd ones are searched as words. 176 words used to pass Lucene's clause limit.
 */
class HostileQueryTest {

    @TempDir
    static Path index;

    private static SearchService search;

    @BeforeAll
    static void writeIndex() {
        FixtureIndex.write(index);
        search = new SearchService(index);
    }

    @AfterAll
    static void close() {
        search.close();
    }

    private static String repeat(String word, int n) {
        return IntStream.range(0, n).mapToObj(i -> word.replace("#", Integer.toString(i))).collect(Collectors.joining(" "));
    }

    @Test
    void aQueryOf176WordsIsSearchedByItsFirst32() {
        String query = repeat("inventory# printer#", 88);
        SearchResults r = search.search(SearchRequest.of(query, 10));
        assertThat(r.query()).isEqualTo(query);
        assertThat(r.shortened()).isNotNull();
        assertThat(r.shortened().words()).isEqualTo(176);
        assertThat(r.shortened().wordsSearched()).isEqualTo(32);
        assertThat(r.shortened().searched()).isEqualTo(repeat("inventory# printer#", 16));
        assertThat(r.shortened().note()).isEqualTo("The query was shortened: only its first 32 of 176 words were searched.");
    }

    @Test
    void aPastedMessageFindsWhatItsBeginningFinds() {
        String message = "Inventory resynchronization does not occur after the upgrade to service pack four";
        String pasted = message + " " + repeat("filler#", 100);
        SearchResults whole = search.search(SearchRequest.of(message, 5));
        SearchResults cut = search.search(SearchRequest.of(pasted, 5));
        assertThat(cut.hits()).extracting(SearchHit::id).first().isEqualTo(whole.hits().get(0).id());
    }

    @Test
    void aQueryWithinTheLimitIsNotShortened() {
        assertThat(search.search(SearchRequest.of(repeat("word#", 32), 10)).shortened()).isNull();
        assertThat(search.search(SearchRequest.of("inventory", 10)).shortened()).isNull();
    }

    static String[] hostile() {
        return new String[] {
            repeat("word#", 1000), repeat("-x#", 2000), repeat("-x", 2000), "\"" + repeat("x", 3000) + "\"",
            "ab1.".repeat(1700), "ab1_".repeat(1700), "a".repeat(8000), "q" + "1".repeat(5000), "co" + "*".repeat(3000),
            repeat("product:x#", 700), repeat("type:\"a b#\"", 300), repeat("HKEY_LOCAL_MACHINE\\Software\\Microsoft#", 40),
            "", " ", "*", "**", "a*", "-", "--", "\"", "\"\"", "-\"\"", "(((", ")", "[", "{", "AND", "OR NOT", "~", "a~2",
            "*:*", "product:", "type:\"", "-type:", "year:abc", "year:99999999999999", "\u0000", "\u0001\u0002\u007f",
            "\ud800", "x\udfff", "\uffff\ufffe", "\u202e", "%FF", "\\", "\"unbalanced phrase", "a \"b c", "Q", "KB", "Q0",
            "kb/", "kb/0", "999999999999999999999", "Q99999999999",
        };
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void oddQueriesAreAnswered(String query) {
        SearchResults r = search.search(SearchRequest.of(query, 10));
        assertThat(r.total()).isGreaterThanOrEqualTo(0);
        assertThat(r.query()).isEqualTo(query);
    }

    @Test
    void aQueryPastLucenesClauseLimitWithinTheLimitIsHalvedUntilItFits() {
        // With no practical limit, 176 words make more clauses than Lucene allows: half of them
        // are searched, then a quarter... until they fit.
        try (SearchService unlimited = new SearchService(index, new QueryLimit(10_000, 10_000))) {
            SearchResults r = unlimited.search(SearchRequest.of(repeat("inventory# printer#", 88), 10));
            assertThat(r.shortened()).isNotNull();
            assertThat(r.shortened().wordsSearched()).isLessThan(176).isGreaterThan(10);
        }
    }

    @Test
    void theLastPossiblePageIsAnEmptyPageNotAnOverflow() {
        SearchResults r = search.search(new SearchRequest("inventory", Optional.empty(), Optional.empty(), Optional.empty(),
                SearchRequest.Sort.RELEVANCE, Integer.MAX_VALUE, 10));
        assertThat(r.hits()).isEmpty();
        assertThat(r.total()).isEqualTo(3);
    }
}
