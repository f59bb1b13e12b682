package kb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
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

    /** A body with one line of each shape: only the two sentences are prose. */
    private static final String SHAPES = String.join("\n",
            "SYMPTOMS",
            "========",
            "",
            "When you start the inventory agent on a client, it stops responding after a minute.",
            "",
            "FILE NAME     VERSION    SIZE",
            "---------------------------",
            "agent.exe     4.0.1      12,304",
            "",
            " - Microsoft Systems Management Server version 1.2 for Windows NT",
            "1. Click Start, point to Settings, and then click Control Panel now.",
            "   if (hr != S_OK) { return FALSE; } // the call failed here",
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SMS\\Client\\Inventory Agent",
            "Q151261 SMS: How to Obtain and Install the Latest Service Pack Now",
            "    The agent quotes this indented sentence of many words in full here.",
            "Additional query words: inventory agent hang stop responding client",
            "To work around this problem, restart the computer and run the agent again.");

    private static final List<BenchArticle> PROSE = prose();

    @Test
    void proseLinesAreTheBodysSentences() {
        assertThat(QuerySets.proseLines(SHAPES)).containsExactly(
                "When you start the inventory agent on a client, it stops responding after a minute.",
                "To work around this problem, restart the computer and run the agent again.");
    }

    @Test
    void aPassageIsFiveToTwelveConsecutiveWordsOfAProseLine() {
        List<BenchQuery> passages = new QuerySets(PROSE, 7).generate(Integer.MAX_VALUE).get(QueryKind.PASSAGE);
        // every article but the one without prose ("Agent Logs")
        assertThat(passages).hasSize(PROSE.size() - 1).extracting(BenchQuery::target).doesNotContain("Q200000");
        for (BenchQuery q : passages) {
            List<String> words = List.of(q.text().split(" "));
            assertThat(words).hasSizeBetween(5, 12);
            BenchArticle target = PROSE.stream().filter(a -> a.id().equals(q.target())).findFirst().orElseThrow();
            assertThat(QuerySets.proseLines(target.bodyText()))
                    .anyMatch(line -> Collections.indexOfSubList(List.of(line.split(" ")), words) >= 0);
        }
        assertThat(passages).extracting(q -> q.text().split(" ").length).contains(5, 12);
    }

    @Test
    void aRarePassageIsAPassageWhoseWordsStandTogetherInAtMostTenArticles() {
        QuerySets sets = new QuerySets(PROSE, 7);
        Map<QueryKind, List<BenchQuery>> all = sets.generate(Integer.MAX_VALUE);
        List<BenchQuery> rare = all.get(QueryKind.RARE_PASSAGE);
        List<BenchQuery> expected = all.get(QueryKind.PASSAGE).stream()
                .filter(q -> sets.articlesWithPassage(q.text(), 100) <= QuerySets.RARE_PASSAGE_ARTICLES)
                .map(q -> new BenchQuery(QueryKind.RARE_PASSAGE, q.text(), q.target())).toList();
        assertThat(rare).isEqualTo(expected);
        // the 12 articles sharing their only prose line make no rare passage; the 3 unique ones do
        assertThat(rare).extracting(BenchQuery::target).containsExactlyInAnyOrder("Q200013", "Q200014", "Q200015");
    }

    @Test
    void aPhraseIsCountedOverNormalizedWords() {
        PhraseCounter counter = new PhraseCounter(List.of("The Agent (SMS) stops.", "the agent sms\nstops", "agent sms the",
                "the agents sms stops"));
        assertThat(counter.countUpTo("the agent SMS stops", 10)).isEqualTo(2);
        assertThat(counter.countUpTo("agent sms", 10)).isEqualTo(3);
        assertThat(counter.countUpTo("agent sms", 2)).isEqualTo(2);
        assertThat(counter.countUpTo("no such words", 10)).isZero();
    }

    @Test
    void aTypoOfAnyShapeSlipsOneTitleWordAmongTheRarestOtherTitleWords() {
        List<BenchArticle> articles = new ArrayList<>(ARTICLES);
        articles.add(article("Q100008", "MPLAYER.INI Settings Ignored With Resolve_Netbios_Names_Last", ""));
        TitleWords rarity = new TitleWords(articles);
        List<BenchQuery> typos = new QuerySets(articles, 7).generate(Integer.MAX_VALUE).get(QueryKind.TYPO_ANY_SHAPE);
        assertThat(typos).extracting(BenchQuery::target).hasSize(8).contains("Q100006", "Q100008");
        for (BenchQuery q : typos) {
            List<String> words = TitleWords.words(title(q.target(), articles));
            List<String> typed = List.of(q.text().split(" "));
            assertThat(typed).hasSizeBetween(2, 3);
            List<String> slipped = typed.stream().filter(w -> !words.contains(w)).toList();
            assertThat(slipped).as(q.text()).hasSize(1);
            assertThat(words).as(q.text()).anyMatch(w -> !slips(w, slipped.get(0)).isEmpty());
            // The others are the rarest of the title's other words (rarest first, ties in title order).
            List<String> others = typed.stream().filter(words::contains).toList();
            List<String> rarest = new ArrayList<>(rarity.rarestFirst(title(q.target(), articles)));
            rarest.removeIf(w -> !slips(w, slipped.get(0)).isEmpty() && !others.contains(w));
            assertThat(others).as(q.text()).containsExactlyInAnyOrderElementsOf(rarest.subList(0, others.size()));
        }
    }

    @Test
    void aSlipTakesEveryShapeAtEveryLetterAndNeverLeavesTheWord() {
        Set<Typos.Slip> shapes = java.util.EnumSet.noneOf(Typos.Slip.class);
        Set<String> seen = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(7);
        for (String word : List.of("Inventory", "MPLAYER.INI", "Resolve_Netbios_Names_Last", "Win32")) {
            for (int n = 0; n < 300; n++) {
                String slip = Typos.slip(word, random);
                Set<Typos.Slip> fits = slips(word, slip);
                assertThat(fits).as("%s for %s", slip, word).isNotEmpty();
                shapes.addAll(fits);
                seen.add(slip);
            }
        }
        assertThat(shapes).containsExactlyInAnyOrder(Typos.Slip.values());
        // the first and second letters slip too, and inside identifiers and file names
        assertThat(seen).contains("nIventory", "Inventoy", "IInventory", "MPLAYER.IN", "MPLAYRE.INI");
        assertThat(seen).anyMatch(s -> s.startsWith("Resolve_") && s.endsWith("_Names_Last")
                && !s.contains("_Netbios_"));
    }

    @Test
    void idsComeInTheThreeFormsByTurns() {
        assertThat(List.of(QuerySets.idForm("Q319864", 0), QuerySets.idForm("Q319864", 1), QuerySets.idForm("Q319864", 2)))
                .containsExactly("Q319864", "319864", "KB319864");
    }

    /** The shapes by which {@code slip} differs from {@code word} by one slip (empty: none). */
    private static Set<Typos.Slip> slips(String word, String slip) {
        Set<Typos.Slip> out = java.util.EnumSet.noneOf(Typos.Slip.class);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            String head = word.substring(0, i);
            String tail = word.substring(i + 1);
            if ((head + tail).equals(slip)) {
                out.add(Typos.Slip.DROPPED);
            }
            if ((head + c + c + tail).equals(slip)) {
                out.add(Typos.Slip.DOUBLED);
            }
            for (char n : Typos.NEIGHBOURS.getOrDefault(Character.toLowerCase(c), "").toCharArray()) {
                char typed = Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
                if ((head + c + typed + tail).equals(slip)) {
                    out.add(Typos.Slip.INSERTED);
                }
                if ((head + typed + tail).equals(slip)) {
                    out.add(Typos.Slip.SUBSTITUTED);
                }
            }
            if (!tail.isEmpty() && Character.isLetter(tail.charAt(0))
                    && Character.toLowerCase(tail.charAt(0)) != Character.toLowerCase(c)
                    && (head + tail.charAt(0) + c + tail.substring(1)).equals(slip)) {
                out.add(Typos.Slip.SWAPPED);
            }
        }
        return out;
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
        return title(id, ARTICLES);
    }

    private static String title(String id, List<BenchArticle> articles) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().title();
    }

    /**
     * Articles for passages: 12 whose only prose line is the same, 3 with a prose line of their
     * own (and the shapes that are not prose), 1 without prose.
     */
    private static List<BenchArticle> prose() {
        List<BenchArticle> out = new ArrayList<>();
        out.add(article("Q200000", "Agent Logs", "Agent.log\n\nSee the log."));
        for (int i = 1; i <= 12; i++) {
            out.add(article(String.format("Q2000%02d", i), "Shared Article " + i,
                    "The information in this article applies to every client of the site server here.\n"));
        }
        out.add(article("Q200013", "Inventory Agent Stops", SHAPES));
        out.add(article("Q200014", "Printer Driver Crashes",
                "The printer driver crashes when you print a page with more than twelve fonts on it.\n"));
        out.add(article("Q200015", "Setup Cannot Copy",
                "Setup cannot copy the files because the destination folder is marked read-only by policy.\n"));
        return List.copyOf(out);
    }

    private static BenchArticle article(String id, String title, String body) {
        return new BenchArticle(id, title, id + ": " + title, title + "\n" + body, body);
    }
}
