package kb.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Related lists from term windows: like articles first, unlike ones cut, the same whatever the order. */
class RelatedFinderTest {

    private static Map<String, TermWindow> articles() {
        Map<String, TermWindow> w = new LinkedHashMap<>();
        w.put("Q1001", TermWindow.of("SMS inventory resynchronization after SP4 upgrade",
                "Hardware inventory does not resynchronize after the SMS SP4 upgrade. The inventory agent keeps the old MIF files."));
        w.put("Q1002", TermWindow.of("How to force SMS inventory resynchronization",
                "To force a hardware inventory resynchronization on SMS clients, delete the inventory MIF history of the agent."));
        w.put("Q1003", TermWindow.of("Outlook Web Access cannot save a message",
                "Right-clicking a message in Outlook Web Access does not offer Save. Use the message toolbar instead."));
        w.put("Q1004", TermWindow.of("Printer driver stops spooling",
                "The spooler service stops when the printer driver is removed while jobs wait in the queue."));
        w.put("Q1005", TermWindow.of("Outlook Web Access attachments",
                "Outlook Web Access opens attachments in a new window; the message stays open."));
        for (int i = 0; i < 40; i++) {
            // Filler articles, so that document frequencies mean something.
            w.put("Q2" + String.format("%03d", i), TermWindow.of("Filler topic " + i,
                    "General text about setup number " + i + " with common words and nothing else in particular."));
        }
        return w;
    }

    /** Articles known by their words only. */
    static Map<String, ArticleProfile> profiles(Map<String, TermWindow> windows) {
        Map<String, ArticleProfile> profiles = new LinkedHashMap<>();
        windows.forEach((id, w) -> profiles.put(id, ArticleProfile.of(w)));
        return profiles;
    }

    @Test
    void likeArticlesComeFirstAndNeverTheArticleItself() {
        RelatedLists lists = RelatedFinder.compute(profiles(articles()), 5);
        assertThat(lists.of("Q1001")).startsWith("Q1002").doesNotContain("Q1001", "Q1004");
        assertThat(lists.of("Q1003")).startsWith("Q1005").doesNotContain("Q1003", "Q1001");
        assertThat(lists.of("Q1004")).doesNotContain("Q1001", "Q1003", "Q1004");
    }

    @Test
    void theListsDependOnlyOnTheArticlesNotOnTheirOrder() {
        RelatedLists expected = RelatedFinder.compute(profiles(articles()), 5);
        List<Map.Entry<String, TermWindow>> entries = new ArrayList<>(articles().entrySet());
        for (int seed = 1; seed <= 5; seed++) {
            Collections.shuffle(entries, new Random(seed));
            Map<String, TermWindow> shuffled = new LinkedHashMap<>();
            entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
            assertThat(RelatedFinder.compute(profiles(shuffled), 5)).isEqualTo(expected);
        }
    }

    @Test
    void emptyAndTinyInputsGiveEmptyLists() {
        assertThat(RelatedFinder.compute(Map.of(), 5).size()).isZero();
        RelatedLists one = RelatedFinder.compute(Map.of("Q1", ArticleProfile.of(TermWindow.of("", ""))), 5);
        assertThat(one.of("Q1")).isEmpty();
    }

    @Test
    void aCandidateFarBelowTheBestIsNotListedEvenAboveTheShareOfSelf() {
        String[] ids = {"Q1", "Q2", "Q3", "Q4"};
        RelatedFinder.Candidates c = new RelatedFinder.Candidates(new int[] {1, 2, 3}, new float[] {2.0f, 0.5f, 0.35f});

        // 0.35 reaches 30% of the article's own score, not a fifth of the best's 2.0.
        assertThat(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).cut(c, ids)).containsExactly("Q2", "Q3");
        assertThat(new RelatedFinder(RelatedFinder.Tuning.DEFAULT.withMinShareOfBest(0)).cut(c, ids))
                .containsExactly("Q2", "Q3", "Q4");
        RelatedFinder.Candidates weak = new RelatedFinder.Candidates(new int[] {1, 2}, new float[] {0.6f, 0.29f});
        assertThat(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).cut(weak, ids)).containsExactly("Q2");
    }
}
