package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@link RankingWeights} weight pinned: a ranking that holds with {@link RankingWeights#DEFAULT}
 * and not with that weight zero. Most cases are small indexes of articles written for the weight
 * (ID {@code Q8001nn} for the article at position {@code nn}, then a few unrelated ones); a few
 * use the search fixture ({@link FixtureIndex}).
 */
class RankingWeightsTest {

    @TempDir
    Path dir;

    /** An article of a case's index; what it does not say is empty. */
    record Doc(String title, String body, String sections, String appliesTo, String queryWords, String messages) {

        static Doc of(String title, String body) {
            return new Doc(title, body, "", "", "", "");
        }

        Doc sections(String s) {
            return new Doc(title, body, s, appliesTo, queryWords, messages);
        }

        Doc appliesTo(String s) {
            return new Doc(title, body, sections, s, queryWords, messages);
        }

        Doc queryWords(String s) {
            return new Doc(title, body, sections, appliesTo, s, messages);
        }

        Doc messages(String s) {
            return new Doc(title, body, sections, appliesTo, queryWords, s);
        }
    }

    /**
     * A weight's case: the query, the IDs it ranks first, in order, with the default weights, and
     * the articles (none: the search fixture).
     */
    record Case(String query, List<String> first, List<Doc> docs) {

        static Case of(String query, List<String> first, Doc... docs) {
            return new Case(query, first, List.of(docs));
        }
    }

    /** IDs by position in a case's index. */
    private static final String A = "Q800100";
    private static final String B = "Q800101";
    private static final String C = "Q800102";
    private static final String D = "Q800103";

    /**
     * A pasted message (six words, one in another form, so not word for word) side by side in one
     * text beats a title with all its words close
     * together but not side by side: by {@code 4 + 6} times the phrase's score; by 4 times it, no.
     */
    private static final Case PASTED = Case.of("zebra widget gadget sprocket flange doohickey", List.of(B),
            Doc.of("Zebra Widget Gadget Alpha Bravo Sprocket Flange Doohickey", "The zebra failed. The widget failed. "
                    + "The gadget failed. The sprocket failed. The flange failed. The doohickey failed."),
            Doc.of("Ribbon Setup", "The error zebras widget gadget sprocket flange doohickey appears."));

    private static final Map<String, Case> CASES = Map.ofEntries(
            // A word in a field beats the same word once in a long text; without the field's
            // weight the field counts nothing.
            Map.entry("title", Case.of("zebra", List.of(B),
                    Doc.of("Label Printer Setup", "Load the zebra ribbon before the labels, then print a test page."),
                    Doc.of("Zebra Printer Setup", "Install the driver first."))),
            Map.entry("queryWords", Case.of("zebra", List.of(B),
                    Doc.of("Label Printer Setup", "Load the zebra ribbon before the labels, then print a test page."),
                    Doc.of("Label Setup", "Install the driver first.").queryWords("zebra"))),
            Map.entry("sections", Case.of("zebra", List.of(B),
                    Doc.of("Label Printer Setup", "Load the zebra ribbon before the labels, then print a test page."),
                    Doc.of("Label Setup", "Install the driver first.").sections("Zebra"))),
            Map.entry("appliesTo", Case.of("zebra", List.of(B),
                    Doc.of("Label Printer Setup", "Load the zebra ribbon before the labels, then print a test page."),
                    Doc.of("Label Setup", "Install the driver first.").appliesTo("Zebra"))),
            Map.entry("body", Case.of("zebra", List.of(B),
                    Doc.of("Label Printer Setup", "Install the driver first.")
                            .appliesTo("Zebra Label Printer 2800 Series with the Network Option and Cutter"),
                    Doc.of("Label Setup", "Zebra labels jam."))),
            // Fuzzy: a title word near the word typed beats the near word in another text.
            Map.entry("nearUnknownTitle", Case.of("zebar", List.of(B),
                    Doc.of("Label Setup", "Zebra zebra labels."),
                    Doc.of("Zebra Label Setup", "Install the driver first."))),
            Map.entry("nearRareTitle", Case.of("zebar", List.of(B),
                    Doc.of("Label Setup", "The zebar misprint stands in this long text about installing the label "
                            + "printer driver from the disk that came with the printer."),
                    Doc.of("Zebra Label Setup", "Install the driver first."))),
            Map.entry("nearCommonTitle", Case.of("zebar", List.of(D),
                    Doc.of("Label Setup", "The zebar misprint stands in this long text about installing the label "
                            + "printer driver from the disk that came with the printer."),
                    Doc.of("Ribbon Setup", "The zebar misprint stands in this long text about loading the ribbon "
                            + "of the printer before the labels, then printing a test page."),
                    Doc.of("Cutter Setup", "The zebar misprint stands in this long text about the cutter of the "
                            + "label printer, which must be cleaned every month."),
                    Doc.of("Zebra Label Setup", "Install the driver first."))),
            Map.entry("nearUnknownText", Case.of("zebar widget", List.of(A),
                    Doc.of("Label Setup", "Zebra labels."),
                    Doc.of("Ribbon Setup", "The widget stands in this long text about loading the ribbon of the "
                            + "printer before the labels, then printing a test page."))),
            // A quoted phrase in the title and the text beats it in the same title alone.
            Map.entry("tieBreaker", Case.of("\"zebra labels\"", List.of(B),
                    Doc.of("Zebra Labels", "Printing on plain paper."),
                    Doc.of("Zebra Labels", "Zebra labels jam in the printer."))),
            // Every word beats two of three repeated (Q730107 and Q730108).
            Map.entry("allWords", new Case("calendar delegate reminder", List.of("Q730107", "Q730108"), List.of())),
            Map.entry("allInTitle", Case.of("zebra using", List.of(B),
                    Doc.of("Zebra", "Using the printer."),
                    Doc.of("Zebras Fed Daily Are Used", "Install the driver first."))),
            // The same title stems, those typed as typed: "Using", not "Used" (TitleSignalsTest). In
            // a query of five words a common word is not also matched as a slip of a title word. Not
            // in title order, which would make it a passage of one title.
            Map.entry("asWrittenInTitle", Case.of("Using Visual C Setup Projects", List.of(B, A),
                    Doc.of("Extensions Used Visual C++ Projects Setup", "Extensions Used Visual C++ Projects Setup"),
                    Doc.of("Rebuilds Using Visual C++ Projects Setup", "Rebuilds Using Visual C++ Projects Setup"),
                    Doc.of("Modem Setup", "Using the modem."),
                    Doc.of("Dialer Setup", "Using the dialer."))),
            // The same title words, those typed side by side.
            Map.entry("togetherInTitle", Case.of("zebra widget", List.of(B),
                    Doc.of("Zebra Care Guide Index Widget", "Install the driver first."),
                    Doc.of("Zebra Widget Care Guide Index", "Install the driver first."))),
            Map.entry("togetherInText", PASTED),
            Map.entry("togetherPerWord", PASTED),
            // A typed query's words side by side in the text: Q730113 quotes "error 10054".
            Map.entry("typedTogether", new Case("error:10054", List.of("Q730113"), List.of())),
            // The same text, one quoting the words as a line of its own.
            Map.entry("shortMessage", Case.of("zebra widget", List.of(B),
                    Doc.of("Label Setup", "The zebra widget failed."),
                    Doc.of("Label Setup", "The zebra widget failed.").messages("zebra widget"))),
            // The same words, near each other in one text and far apart in the other.
            Map.entry("nearby", Case.of("zebra widget", List.of(B),
                    Doc.of("Label Setup", "zebra alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo "
                            + "lima mike november widget"),
                    Doc.of("Label Setup", "zebra alpha bravo charlie delta widget echo foxtrot golf hotel india juliet kilo "
                            + "lima mike november"))),
            // A pasted passage of small words around one word: the text holding it word for word
            // beats a text saying "note" more often.
            Map.entry("passage", Case.of("is a note on the", List.of(B),
                    Doc.of("Label Setup", "Note the label. A note: the label notes what is on it; note it."),
                    Doc.of("Ribbon Setup", "This is a note on the ribbon."))),
            Map.entry("id", Case.of("zebra Q800101", List.of(B),
                    Doc.of("Zebra Labels", "Zebra labels jam."),
                    Doc.of("Printer Setup", "Install the driver first."))));

    /** Unrelated articles after a case's own, so that its words are rare as in a real index. */
    private static final List<Doc> OTHERS = IntStream.range(0, 8)
            .mapToObj(i -> Doc.of("Modem Dial Tone " + i, "The modem waits for a dial tone before it dials number " + i + ".")
                    .sections("Symptoms\nCause").appliesTo("Modem Kit " + i).queryWords("modem dial " + i)
                    .messages("No dial tone " + i))
            .toList();

    static List<String> weights() {
        return RankingWeights.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weights")
    void eachWeightDecidesARanking(String weight) {
        Case c = CASES.get(weight);
        Path index = write(c.docs());
        List<SearchHit> ranked = hits(index, RankingWeights.DEFAULT, c.query());
        assertThat(ids(ranked)).as("default weights: %s", ranked).startsWith(c.first().toArray(String[]::new));
        List<SearchHit> zero = hits(index, RankingWeights.DEFAULT.with(weight, 0f), c.query());
        List<String> top = ids(zero).subList(0, Math.min(zero.size(), c.first().size()));
        assertThat(top).as("%s = 0: %s", weight, zero).isNotEqualTo(c.first());
    }

    @Test
    void everyWeightHasACaseAndANameThatWithKnows() {
        List<String> components = Arrays.stream(RankingWeights.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();
        assertThat(RankingWeights.NAMES).isEqualTo(components);
        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(components);
        float[] values = RankingWeights.DEFAULT.values();
        for (int i = 0; i < components.size(); i++) {
            float[] changed = RankingWeights.DEFAULT.with(components.get(i), 42f).values();
            values[i] = 42f;
            assertThat(changed).as(components.get(i)).containsExactly(values);
            values = RankingWeights.DEFAULT.values();
        }
    }

    @Test
    void togetherIsFourPlusOnePerWordExactly() {
        for (int n = 0; n < 1000; n++) {
            assertThat(RankingWeights.DEFAULT.together(n)).isEqualTo(4f + n);
        }
    }

    private Path write(List<Doc> docs) {
        if (docs.isEmpty()) {
            Path index = dir.resolve("fixture");
            FixtureIndex.write(index);
            return index;
        }
        Path index = dir.resolve("index");
        List<Doc> all = new ArrayList<>(docs);
        all.addAll(OTHERS);
        writeArticles(index, all);
        return index;
    }

    /** An index of these articles, {@code Q800100} the first, {@code Q800101} the second, … */
    static void writeArticles(Path index, List<Doc> all) {
        IndexDocuments documents = new IndexDocuments();
        try (SearchIndexer indexer = new SearchIndexer(index)) {
            for (int i = 0; i < all.size(); i++) {
                Doc d = all.get(i);
                String id = "Q" + (800_100 + i);
                indexer.add(documents.document(new IndexDocument(IndexDocuments.ARTICLE, id, "/kb/" + id + "/", d.title(),
                        d.body(), d.sections(), d.messages(), d.appliesTo(), d.queryWords(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), "{}")));
            }
        }
    }

    private static List<SearchHit> hits(Path index, RankingWeights weights, String query) {
        try (SearchService search = new SearchService(index, QueryLimit.DEFAULT, weights)) {
            return search.search(SearchRequest.of(query, 20)).hits();
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }
}
