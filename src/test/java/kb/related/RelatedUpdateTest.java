package kb.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An update after edits gives exactly the lists a computation from scratch gives, while it
 * computes only the lists an edit can reach.
 */
class RelatedUpdateTest {

    private static final int ARTICLES = 600;
    private static final int WORDS = 12;

    /** Articles of words drawn from a skewed vocabulary: a few common words, many rare ones. */
    private static Map<String, String> texts(Random random, int vocabulary) {
        Map<String, String> texts = new TreeMap<>();
        for (int a = 0; a < ARTICLES; a++) {
            texts.put("Q" + (100000 + a), sentence(random, WORDS, vocabulary));
        }
        return texts;
    }

    private static String sentence(Random random, int words, int vocabulary) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            sb.append(word(random, vocabulary)).append(' ');
        }
        return sb.toString();
    }

    private static String word(Random random, int vocabulary) {
        // Squared: low numbers (common words) come up far more often than high ones.
        double u = random.nextDouble();
        int n = (int) (u * u * vocabulary);
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('b' + n % 20));
            n /= 20;
        } while (n > 0);
        return "w" + sb + "x";
    }

    /**
     * The articles of these texts, each with fixed citations of others (one in three cites two,
     * the rest one), a product code of four and an issue type of three: edits of the words then
     * move lists through the citations of the articles like them too.
     */
    private static Map<String, ArticleProfile> windows(Map<String, String> texts) {
        Map<String, ArticleProfile> windows = new LinkedHashMap<>();
        texts.forEach((id, text) -> windows.put(id, profile(id, TermWindow.of("", text))));
        return windows;
    }

    private static ArticleProfile profile(String id, TermWindow window) {
        int a = Integer.parseInt(id.substring(1)) - 100000;
        List<String> cites = a % 3 == 0
                ? List.of("Q" + (100000 + (a * 7 + 1) % ARTICLES), "Q" + (100000 + (a * 13 + 5) % ARTICLES))
                : List.of("Q" + (100000 + (a * 7 + 1) % ARTICLES));
        return new ArticleProfile(window, cites, List.of("p" + a % 4), List.of("k" + a % 3), List.of("t" + a % 5));
    }

    /** One word of a random article replaced by a random one (new, or already there); the article's ID. */
    private static String replaceAWord(Random random, Map<String, String> texts) {
        String id = "Q" + (100000 + random.nextInt(ARTICLES));
        String[] words = texts.get(id).split(" ");
        words[random.nextInt(words.length)] = word(random, 900);
        texts.put(id, String.join(" ", words) + " ");
        return id;
    }

    private static Map<String, List<String>> asMap(RelatedLists lists) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String id : lists.ids()) {
            map.put(id, lists.of(id));
        }
        return map;
    }

    /**
     * Edits {@code texts} with {@code edit} round after round, checks that each update equals a
     * computation from scratch, and answers how many updates computed only some lists. The
     * updates from what the last one kept in memory, whose word index is patched round after
     * round, are checked too.
     */
    private static int updates(Map<String, String> texts, int rounds, java.util.function.IntConsumer edit) {
        Map<String, ArticleProfile> before = windows(texts);
        RelatedFinder finder = new RelatedFinder(RelatedFinder.Tuning.DEFAULT);
        RelatedLists last = finder.lists(before, 5);
        RelatedFinder.Computed kept = RelatedFinder.computeKept(before, 5, () -> { });
        int partial = 0;
        for (int round = 0; round < rounds; round++) {
            edit.accept(round);
            Map<String, ArticleProfile> after = windows(texts);
            RelatedLists updated = finder.update(after, 5, before, last);
            RelatedLists scratch = new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(after, 5);
            assertThat(asMap(updated)).as("round %d", round).isEqualTo(asMap(scratch));
            kept = RelatedFinder.update(after, 5, kept, () -> { });
            assertThat(asMap(kept.lists())).as("round %d, from memory", round).isEqualTo(asMap(scratch));
            partial += finder.computed() < ARTICLES ? 1 : 0;
            before = after;
            last = updated;
        }
        return partial;
    }

    @Test
    void anEditThatKeepsTheLengthUpdatesOnlyWhatItReachesAndEqualsAComputationFromScratch() {
        Random random = new Random(7);
        // A small vocabulary: lists are close races, which a changed weight can reorder.
        Map<String, String> texts = texts(random, 900);
        int partial = updates(texts, 200, round -> {
            // One word of one article replaced by another, new or already there (its frequency
            // grows): the window keeps its length.
            String id = "Q" + (100000 + random.nextInt(ARTICLES));
            String[] words = texts.get(id).split(" ");
            words[random.nextInt(words.length)] = round % 2 == 0 ? word(random, 900) : words[random.nextInt(words.length)];
            texts.put(id, String.join(" ", words) + " ");
        });
        assertThat(partial).as("updates that computed only some lists").isGreaterThan(150);
    }

    @Test
    void anUpdateRunsItsCheckpointAsItGoes_whichStopsItByThrowing() {
        Random random = new Random(6);
        Map<String, String> texts = texts(random, 3000);
        Map<String, ArticleProfile> before = windows(texts);
        Map<String, List<String>> last = asMap(RelatedFinder.compute(before, 5));
        texts.put("Q100017", texts.get("Q100017") + "wzzzzzx ");
        Map<String, ArticleProfile> after = windows(texts);
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();

        RelatedLists updated = RelatedFinder.update(after, 5, before, last, checks::incrementAndGet);

        assertThat(asMap(updated)).isEqualTo(asMap(RelatedFinder.compute(after, 5)));
        assertThat(checks.get()).as("checkpoints in an update").isGreaterThanOrEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelatedFinder.update(after, 5, before, last, () -> {
            throw new IllegalStateException("stopped");
        })).hasMessage("stopped");
        // A throw at any of its checkpoints stops it, as the same kind of exception: those of the
        // word index, every 1,024 windows, and those of the signature tests, run in blocks on all
        // cores, included.
        for (int k = 1; k <= checks.get(); k++) {
            int stopAt = k;
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelatedFinder.update(after, 5, before, last, () -> {
                if (calls.incrementAndGet() == stopAt) {
                    throw new IllegalStateException("stopped at " + stopAt);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped at " + stopAt);
        }
        // A computation from scratch (metadata changed) checks too.
        checks.set(0);
        Map<String, ArticleProfile> moved = new java.util.HashMap<>(after);
        ArticleProfile p = after.get("Q100017");
        moved.put("Q100017", new ArticleProfile(p.window(), p.cites(), List.of("p9"), p.kinds(), p.titleTerms()));
        RelatedFinder.update(moved, 5, after, asMap(updated), checks::incrementAndGet);
        assertThat(checks.get()).as("checkpoints in a computation of every list, 64 at a time")
                .isGreaterThanOrEqualTo(after.size() / 64);
    }

    @Test
    void aCommonWordReplacedByANewOneRecomputesTheListsOfFewOfTheArticlesHoldingIt() {
        Random random = new Random(5);
        Map<String, String> texts = texts(random, 3000);
        Map<String, ArticleProfile> before = windows(texts);
        RelatedFinder finder = new RelatedFinder(RelatedFinder.Tuning.DEFAULT);
        RelatedLists last = finder.lists(before, 5);
        // The most common word of one article, replaced by a word no other article has: its
        // document frequency drops by one, and a new term appears.
        String id = "Q100017";
        String common = java.util.Arrays.stream(texts.get(id).split(" "))
                .max(java.util.Comparator.comparingLong(w -> texts.values().stream().filter(t -> t.contains(w + " ")).count()))
                .orElseThrow();
        long holding = texts.values().stream().filter(t -> t.contains(common + " ")).count();
        texts.put(id, texts.get(id).replace(common + " ", "wzzzzzx "));
        Map<String, ArticleProfile> after = windows(texts);

        RelatedLists updated = finder.update(after, 5, before, last);

        assertThat(asMap(updated)).isEqualTo(asMap(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(after, 5)));
        assertThat(holding).isGreaterThan(30);
        assertThat(finder.computed()).as("lists computed, of %d articles holding '%s'", holding, common)
                .isLessThan((int) holding / 4);
    }

    @Test
    void editsOfSeveralArticlesAtOnceAndOfTheLengthStillEqualAComputationFromScratch() {
        Random random = new Random(11);
        // A larger vocabulary: many terms in few windows, whose document frequencies an edit changes.
        Map<String, String> texts = texts(random, 3000);
        updates(texts, 15, round -> {
            for (int e = 0; e < 5; e++) {
                String id = "Q" + (100000 + random.nextInt(ARTICLES));
                // Every third round a longer text: the average length changes with it.
                texts.put(id, sentence(random, round % 3 == 0 ? WORDS + 3 : WORDS, 3000));
            }
        });
    }

    @Test
    void wordsThatComeAndGoInALongSession_stillEqualAComputationFromScratch() {
        Random random = new Random(13);
        Map<String, String> texts = texts(random, 900);
        int[] fresh = {0};
        // Each round five articles' words are all new ones, which the next round drops again: the
        // patched word index numbers ever more terms that no window holds, until it is built anew.
        int partial = updates(texts, 40, round -> {
            for (int e = 0; e < 5; e++) {
                String id = "Q" + (100000 + e * 97); // the same five: their last words die
                StringBuilder words = new StringBuilder();
                for (int w = 0; w < texts.get(id).split(" ").length; w++) {
                    StringBuilder word = new StringBuilder("fresh");
                    for (int n = fresh[0]++; n > 0 || word.length() == 5; n /= 20) {
                        word.append((char) ('b' + n % 20));
                    }
                    words.append(word).append("z ");
                }
                texts.put(id, words.toString());
            }
        });
        assertThat(partial).as("updates that computed only some lists").isGreaterThan(30);
    }

    @Test
    void windowsWhoseLengthsChangeWhileTheAverageStaysUpdateOnlyWhatTheyReach() {
        Random random = new Random(5);
        Map<String, String> texts = texts(random, 900);
        int partial = updates(texts, 60, round -> {
            // One article gains a word and another loses one: every weight of both changes, the
            // average length does not.
            String longer = "Q" + (100000 + random.nextInt(ARTICLES / 2));
            String shorter = "Q" + (100000 + ARTICLES / 2 + random.nextInt(ARTICLES / 2));
            texts.put(longer, texts.get(longer) + word(random, 900) + " ");
            String[] words = texts.get(shorter).split(" ");
            texts.put(shorter, String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)) + " ");
        });
        assertThat(partial).as("updates that computed only some lists").isGreaterThan(50);
    }

    @Test
    void nothingChangedComputesNothing_andAnotherSetOfArticlesComputesEverything() {
        Map<String, ArticleProfile> windows = windows(texts(new Random(3), 3000));
        RelatedFinder finder = new RelatedFinder(RelatedFinder.Tuning.DEFAULT);
        RelatedLists last = finder.lists(windows, 5);
        assertThat(finder.update(windows, 5, windows, last)).isSameAs(last);
        assertThat(finder.computed()).isZero();

        Map<String, ArticleProfile> fewer = new LinkedHashMap<>(windows);
        fewer.remove("Q100000");
        RelatedLists updated = finder.update(fewer, 5, windows, last);
        assertThat(finder.computed()).isEqualTo(ARTICLES - 1);
        assertThat(asMap(updated)).isEqualTo(asMap(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(fewer, 5)));
    }

    @Test
    void listsKeptWithoutTheirWordIndex_indexedAhead_updateAsAComputationFromScratch() {
        // A build in which no window changed keeps the lists it read without their word index
        // (the build daemon's warm-up); indexed ahead of the next edit, that edit patches it.
        Random random = new Random(11);
        Map<String, String> texts = texts(random, 900);
        Map<String, ArticleProfile> before = windows(texts);
        RelatedLists last = new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(before, 5);
        RelatedFinder.Computed unindexed = RelatedFinder.updateKept(windows(texts), 5, before, asMap(last), () -> { });
        RelatedFinder.Computed kept = unindexed.indexed(() -> { });
        assertThat(kept).isNotSameAs(unindexed);
        assertThat(kept.indexed(() -> { })).as("indexed once").isSameAs(kept);
        assertThat(asMap(kept.lists())).isEqualTo(asMap(last));
        for (int round = 0; round < 20; round++) {
            String id = replaceAWord(random, texts);
            Map<String, ArticleProfile> after = windows(texts);
            kept = RelatedFinder.update(after, 5, kept, () -> { });
            RelatedLists scratch = new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(after, 5);
            assertThat(asMap(kept.lists())).as("round %d", round).isEqualTo(asMap(scratch));
        }
    }

    @Test
    void onlyTheChangedArticlesGiven_theUpdateEqualsAComputationFromScratch_andAnUnknownIdIsRefused() {
        Random random = new Random(13);
        Map<String, String> texts = texts(random, 900);
        RelatedFinder.Computed kept = RelatedFinder.computeKept(windows(texts), 5, () -> { });
        for (int round = 0; round < 20; round++) {
            String id = replaceAWord(random, texts);
            Map<String, ArticleProfile> after = windows(texts);
            kept = RelatedFinder.updateSome(kept, Map.of(id, after.get(id)), 5, () -> { }).orElseThrow();
            RelatedLists scratch = new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(after, 5);
            assertThat(asMap(kept.lists())).as("round %d", round).isEqualTo(asMap(scratch));
            assertThat(kept.profile(id)).isSameAs(after.get(id));
        }
        assertThat(RelatedFinder.updateSome(kept, Map.of("Q999999", ArticleProfile.of(TermWindow.of("x", "y"))), 5,
                () -> { })).as("not one of the articles").isEmpty();
        assertThat(kept.profile("Q999999")).isNull();
    }

    @Test
    void aChangeOfCitationsOrMetadataComputesEverythingAndEqualsAComputationFromScratch() {
        Map<String, ArticleProfile> before = windows(texts(new Random(3), 3000));
        RelatedFinder finder = new RelatedFinder(RelatedFinder.Tuning.DEFAULT);
        RelatedLists last = finder.lists(before, 5);
        Map<String, ArticleProfile> after = new LinkedHashMap<>(before);
        ArticleProfile p = after.get("Q100010");
        after.put("Q100010", new ArticleProfile(p.window(), List.of("Q100020", "Q100030"), p.products(), p.kinds(), p.titleTerms()));
        RelatedLists updated = finder.update(after, 5, before, last);
        assertThat(finder.computed()).isEqualTo(ARTICLES);
        assertThat(asMap(updated)).isEqualTo(asMap(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(after, 5)));
        assertThat(asMap(updated)).isNotEqualTo(asMap(last));

        Map<String, ArticleProfile> product = new LinkedHashMap<>(before);
        product.put("Q100010", new ArticleProfile(p.window(), p.cites(), List.of("other"), p.kinds(), p.titleTerms()));
        assertThat(asMap(finder.update(product, 5, before, last)))
                .isEqualTo(asMap(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(product, 5)));
        assertThat(finder.computed()).isEqualTo(ARTICLES);

        Map<String, ArticleProfile> title = new LinkedHashMap<>(before);
        title.put("Q100010", new ArticleProfile(p.window(), p.cites(), p.products(), p.kinds(), List.of("t9")));
        assertThat(asMap(finder.update(title, 5, before, last)))
                .isEqualTo(asMap(new RelatedFinder(RelatedFinder.Tuning.DEFAULT).lists(title, 5)));
        assertThat(finder.computed()).isEqualTo(ARTICLES);
    }
}
