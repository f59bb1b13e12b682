package kb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The search benchmarks' query generation, on a handful of made-up articles. */
class QuerySetsTest {

    private static final List<BenchArticle> ARTICLES = List.of(
            article("Q100001", "SMS: Inventory Agent Skips Resynchronization After Upgrade",
                    "The client logs the following error message:\n\n    Inventory file is corrupt\n"),
            article("Q100002", "Inventory Agent Fails on Windows Clients", ""),
            article("Q100003", "Windows Clients Cannot Run the Inventory Agent", ""),
            article("Q100004", "PRB: Printer Driver Crashes on Windows", "An error message:\nnot indented\n"),
            article("Q100005", "Setup Cannot Copy Printer Files", ""),
            article("Q100006", "Agent Logs", ""),
            article("Q100007", "Configuring Remote Control for Windows Clients", ""));

    @Test
    void allMakesAQueryOfEachKindFromEveryArticleThatHasOne() {
        Map<QueryKind, List<BenchQuery>> sets = new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE);

        // "Agent Logs" has two title words: no known-item or vague query.
        assertThat(targets(sets, QueryKind.KNOWN_ITEM)).hasSize(6).doesNotContain("Q100006");
        assertThat(targets(sets, QueryKind.VAGUE)).hasSize(6).doesNotContain("Q100006");
        assertThat(targets(sets, QueryKind.ID)).hasSize(7);
        // Only the message indented under its "error message:" line counts.
        assertThat(sets.get(QueryKind.ERROR_MESSAGE)).extracting(BenchQuery::text, BenchQuery::target)
                .containsExactly(tuple("Inventory file is corrupt", "Q100001"));
    }

    @Test
    void aNumberTakesTheFirstArticlesOfTheSameOrder() {
        Map<QueryKind, List<BenchQuery>> all = new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE);
        Map<QueryKind, List<BenchQuery>> two = new QuerySets(ARTICLES, 7).generate(2);

        for (QueryKind kind : QueryKind.values()) {
            List<BenchQuery> whole = all.get(kind);
            assertThat(two.get(kind)).containsExactlyElementsOf(whole.subList(0, Math.min(2, whole.size())));
        }
    }

    @Test
    void theSameSeedMakesTheSameQueries() {
        assertThat(new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE))
                .isEqualTo(new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE));
        assertThat(new QuerySets(ARTICLES, 8).generate(Integer.MAX_VALUE).get(QueryKind.VAGUE))
                .isNotEqualTo(new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE).get(QueryKind.VAGUE));
    }

    @Test
    void aKnownItemQueryIsTheTitlesRarestWordsInTitleOrder() {
        TitleWords words = new TitleWords(ARTICLES);
        for (BenchQuery q : new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE).get(QueryKind.KNOWN_ITEM)) {
            String title = title(q.target());
            List<String> picked = List.of(q.text().split(" "));
            assertThat(picked).hasSizeBetween(3, 5);
            List<String> rarest = words.rarestFirst(title);
            assertThat(Set.copyOf(picked)).isEqualTo(Set.copyOf(rarest.subList(0, Math.min(picked.size(), rarest.size()))));
            assertThat(picked).isEqualTo(TitleWords.inTitleOrder(title, picked));
            assertThat(q.text()).doesNotContain("SMS").doesNotContain("PRB");
        }
    }

    @Test
    void aTypoQueryMisspellsTheRarerOfTheTwoRarestWordsByOneSlip() {
        TitleWords words = new TitleWords(ARTICLES);
        List<BenchQuery> typos = new QuerySets(ARTICLES, 7).generate(Integer.MAX_VALUE).get(QueryKind.TYPO);
        assertThat(typos).isNotEmpty();
        for (BenchQuery q : typos) {
            List<String> rarest = words.rarestFirst(title(q.target()));
            List<String> typed = List.of(q.text().split(" "));
            assertThat(typed).hasSize(2).contains(rarest.get(1));
            String slip = typed.get(typed.get(0).equals(rarest.get(1)) ? 1 : 0);
            assertThat(isOneSlip(rarest.get(0), slip)).as("%s for %s", slip, rarest.get(0)).isTrue();
        }
    }

    @Test
    void idsComeInTheThreeFormsByTurns() {
        assertThat(List.of(QuerySets.idForm("Q319864", 0), QuerySets.idForm("Q319864", 1), QuerySets.idForm("Q319864", 2)))
                .containsExactly("Q319864", "319864", "KB319864");
    }

    /** One letter dropped, or two adjacent letters swapped. */
    private static boolean isOneSlip(String word, String slip) {
        for (int i = 0; i < word.length(); i++) {
            if ((word.substring(0, i) + word.substring(i + 1)).equals(slip)) {
                return true;
            }
        }
        for (int i = 0; i + 1 < word.length(); i++) {
            String swapped = word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            if (!swapped.equals(word) && swapped.equals(slip)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> targets(Map<QueryKind, List<BenchQuery>> sets, QueryKind kind) {
        return sets.get(kind).stream().map(BenchQuery::target).collect(Collectors.toCollection(ArrayList::new));
    }

    private static String title(String id) {
        return ARTICLES.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().title();
    }

    private static BenchArticle article(String id, String title, String body) {
        return new BenchArticle(id, title, id + ": " + title, title + "\n" + body, body);
    }
}
