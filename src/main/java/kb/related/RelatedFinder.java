package kb.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Finds the related articles of every article at once, in memory, from their term windows: the
 * way MoreLikeThis did one article at a time against the search index, without the index. Each
 * article's signature is its {@link Tuning#signatureTerms} terms of highest tf·idf; every article
 * whose window holds some of them scores the sum of their BM25 weights in its window, and those
 * scoring a share of the article's own score ({@link Tuning#minShareOfSelf}) are listed.
 *
 * <p>The lists depend only on the set of (ID, window) pairs: articles are numbered in ID order,
 * each list is computed alone with its sums in a fixed order, and ties go to the smaller ID, so
 * equal inputs give equal lists whatever the map's order or the threads' timing.
 */
public final class RelatedFinder {

    /**
     * The finder's constants, together so that a benchmark can vary them.
     *
     * @param signatureTerms how many terms of an article are looked for in the others
     * @param minShareOfSelf the share of an article's own score a candidate must reach
     * @param k1             BM25 term-frequency saturation
     * @param b              BM25 length normalisation
     */
    record Tuning(int signatureTerms, double minShareOfSelf, float k1, float b) {

        Tuning {
            if (signatureTerms < 1) {
                throw new IllegalArgumentException("signatureTerms " + signatureTerms);
            }
        }

        /** As measured on the dev corpus (see {@code RelatedListsBenchmark}). */
        static final Tuning DEFAULT = new Tuning(12, 0.30, 1.2f, 0.75f);
    }

    /**
     * An article's best candidates before the cut-off, with their scores.
     *
     * @param related candidate article numbers, best first
     * @param scores  their scores, aligned
     * @param self    the article's own score for its signature
     */
    record Candidates(int[] related, float[] scores, float self) {
    }

    private final Tuning tuning;

    RelatedFinder(Tuning tuning) {
        this.tuning = tuning;
    }

    /**
     * The related list of every article, up to {@code limit} IDs each.
     *
     * @param windows the term window of every article, by article ID
     */
    public static RelatedLists compute(Map<String, TermWindow> windows, int limit) {
        return new RelatedFinder(Tuning.DEFAULT).lists(windows, limit);
    }

    RelatedLists lists(Map<String, TermWindow> windows, int limit) {
        String[] ids = windows.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        TermWindow[] ordered = new TermWindow[ids.length];
        for (int d = 0; d < ids.length; d++) {
            ordered[d] = Objects.requireNonNull(windows.get(ids[d]), ids[d]);
        }
        Candidates[] all = candidates(WindowIndex.build(ordered, tuning.k1(), tuning.b()), limit);
        List<List<String>> lists = new ArrayList<>(ids.length);
        for (Candidates c : all) {
            double floor = tuning.minShareOfSelf() * c.self();
            List<String> list = new ArrayList<>(c.related().length);
            for (int i = 0; i < c.related().length && c.scores()[i] >= floor; i++) {
                list.add(ids[c.related()[i]]);
            }
            lists.add(List.copyOf(list));
        }
        return RelatedLists.sorted(ids, List.copyOf(lists));
    }

    /** The best {@code limit} candidates of every article, before the cut-off, in both cores' time. */
    Candidates[] candidates(WindowIndex index, int limit) {
        int docs = index.docs();
        Candidates[] out = new Candidates[docs];
        AtomicInteger next = new AtomicInteger();
        int workers = ForkJoinPool.getCommonPoolParallelism() + 1;
        // Each worker takes small batches of articles and keeps its own score table.
        IntStream.range(0, workers).parallel().forEach(w -> {
            Scorer scorer = new Scorer(index, limit);
            for (int start; (start = next.getAndAdd(BATCH)) < docs; ) {
                for (int d = start; d < Math.min(docs, start + BATCH); d++) {
                    out[d] = scorer.candidates(d);
                }
            }
        });
        return out;
    }

    private static final int BATCH = 64;

    /** Scores one article's candidates at a time; one per thread. */
    private final class Scorer {
        private final WindowIndex index;
        private final int limit;
        private final float[] scores;
        private final int[] touched;
        private final int[] signature;
        private final float[] signatureWeights;

        Scorer(WindowIndex index, int limit) {
            this.index = index;
            this.limit = limit;
            this.scores = new float[index.docs()];
            this.touched = new int[index.docs()];
            this.signature = new int[tuning.signatureTerms()];
            this.signatureWeights = new float[tuning.signatureTerms()];
        }

        Candidates candidates(int doc) {
            int terms = signature(doc);
            int count = 0;
            for (int s = 0; s < terms; s++) {
                int t = signature[s];
                float weight = index.idf[t];
                for (int p = index.offsets[t], end = index.offsets[t + 1]; p < end; p++) {
                    int d = index.postingDocs[p];
                    if (scores[d] == 0f) {
                        touched[count++] = d;
                    }
                    scores[d] += weight * index.postingWeights[p];
                }
            }
            float self = scores[doc];
            int[] best = new int[limit];
            float[] bestScores = new float[limit];
            int found = 0;
            for (int i = 0; i < count; i++) {
                int d = touched[i];
                float score = scores[d];
                scores[d] = 0f;
                if (d == doc || limit == 0) {
                    continue;
                }
                if (found < limit || better(score, d, bestScores[found - 1], best[found - 1])) {
                    int at = Math.min(found, limit - 1);
                    while (at > 0 && better(score, d, bestScores[at - 1], best[at - 1])) {
                        best[at] = best[at - 1];
                        bestScores[at] = bestScores[at - 1];
                        at--;
                    }
                    best[at] = d;
                    bestScores[at] = score;
                    found = Math.min(limit, found + 1);
                }
            }
            return new Candidates(Arrays.copyOf(best, found), Arrays.copyOf(bestScores, found), self);
        }

        /** Ranks: higher score first, then the smaller number (the smaller ID). */
        private static boolean better(float score, int doc, float otherScore, int otherDoc) {
            return score > otherScore || (score == otherScore && doc < otherDoc);
        }

        /**
         * Puts the article's best terms by tf·idf into {@link #signature}, best first (ties to the
         * smaller term), and answers how many there are.
         */
        private int signature(int doc) {
            TermWindow window = index.windows[doc];
            int[] ids = index.termIds[doc];
            int size = 0;
            for (int i = 0; i < ids.length; i++) {
                float idf = index.selectIdf[ids[i]];
                if (idf == 0f) {
                    continue;
                }
                float weight = window.freq(i) * idf;
                // Terms come in ascending order, so an equal weight stays behind the earlier term.
                if (size < signature.length || weight > signatureWeights[size - 1]) {
                    int at = Math.min(size, signature.length - 1);
                    while (at > 0 && weight > signatureWeights[at - 1]) {
                        signature[at] = signature[at - 1];
                        signatureWeights[at] = signatureWeights[at - 1];
                        at--;
                    }
                    signature[at] = ids[i];
                    signatureWeights[at] = weight;
                    size = Math.min(signature.length, size + 1);
                }
            }
            return size;
        }
    }
}
