package kb.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The word index of the related lists: built in two passes, each checking in every 1,024 windows. */
class WindowIndexTest {

    private static TermWindow[] windows(int n) {
        TermWindow[] windows = new TermWindow[n];
        for (int d = 0; d < n; d++) {
            windows[d] = TermWindow.of("article " + d, "inventory upgrade word" + (d % 50) + " site");
        }
        return windows;
    }

    @Test
    void buildingRunsTheCheckpointEvery1024WindowsInEachPass() {
        AtomicInteger checks = new AtomicInteger();

        WindowIndex index = WindowIndex.build(windows(3000), 1.2f, 0.75f, checks::incrementAndGet);

        assertThat(index.docs()).isEqualTo(3000);
        assertThat(checks.get()).as("at windows 0, 1,024 and 2,048 of each of the two passes").isEqualTo(6);
    }

    @Test
    void aCheckpointThatThrowsStopsTheBuild() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> WindowIndex.build(windows(3000), 1.2f, 0.75f, () -> {
            if (calls.incrementAndGet() == 5) {
                throw new IllegalStateException("stopped");
            }
        })).hasMessage("stopped");
        assertThat(calls.get()).isEqualTo(5);
    }

    /**
     * A patched index has, for every term, the postings of an index built from the same windows
     * (the same articles with the same weights), round after round of random edits that keep
     * the average length, add and drop words, and make words common or rare.
     */
    @Test
    void aPatchedIndexHasTheSamePostingsAsOneBuiltAnew() {
        java.util.Random random = new java.util.Random(16);
        String[] words = new String[120];
        for (int w = 0; w < words.length; w++) {
            words[w] = "term" + (char) ('a' + w % 26) + (char) ('a' + w / 26);
        }
        TermWindow[] windows = new TermWindow[400];
        int[] sizes = new int[windows.length];
        for (int d = 0; d < windows.length; d++) {
            sizes[d] = 20 + random.nextInt(20);
            windows[d] = window(random, words, d, sizes[d]);
        }
        WindowIndex index = WindowIndex.build(windows, 1.2f, 0.75f, () -> { });
        for (int round = 0; round < 60; round++) {
            TermWindow[] now = windows.clone();
            java.util.List<Integer> changed = new java.util.ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int d = random.nextInt(now.length);
                // Mostly as long as before (the average length holds: the postings are patched).
                now[d] = window(random, words, d, random.nextInt(8) == 0 ? 20 + random.nextInt(20) : sizes[d]);
                changed.add(d);
            }
            WindowIndex patched = index.patched(now, changed, 1.2f, 0.75f, () -> { });
            WindowIndex built = WindowIndex.build(now, 1.2f, 0.75f, () -> { });
            for (String word : words) {
                assertThat(postings(patched, word)).as("round " + round + ", " + word).isEqualTo(postings(built, word));
            }
            windows = now;
            index = patched;
        }
    }

    private static TermWindow window(java.util.Random random, String[] words, int d, int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            // Skewed: the first words are common, the last rare (held by one window or none).
            text.append(words[(int) (words.length * Math.pow(random.nextDouble(), 2.5))]).append(' ');
        }
        return TermWindow.of("article " + d, text.toString());
    }

    /** A term's postings as "doc:weight", its idfs first; empty when the index has no such term. */
    private static java.util.List<String> postings(WindowIndex index, String term) {
        int t = index.termId(term);
        java.util.List<String> list = new java.util.ArrayList<>();
        if (t < 0) {
            return list;
        }
        list.add("df " + index.df[t] + " idf " + index.idf[t] + " select " + index.selectIdf[t]);
        for (int p = index.offsets[t]; p < index.offsets[t + 1]; p++) {
            list.add(index.postingDocs[p] + ":" + index.postingWeights[p]);
        }
        return list;
    }
}
