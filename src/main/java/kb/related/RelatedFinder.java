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
    /** How many lists the last {@link #update} computed (the rest it took from the last build). */
    private int computed;

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

    /**
     * The related list of every article, as {@link #compute} gives it, reusing the lists of the
     * last build for every article no change can reach: an edit costs the articles that share
     * its terms, not the whole site. Equal to {@code compute(windows, limit)} whatever the
     * change; when the set of articles or the average length of the windows changes (every weight
     * then changes), or nothing is known of the last build, everything is computed.
     *
     * @param windows     the term window of every article, by article ID
     * @param lastWindows the windows the last build computed its lists from
     * @param lastLists   the lists it computed, by article ID, with the same {@code limit}
     */
    public static RelatedLists update(Map<String, TermWindow> windows, int limit, Map<String, TermWindow> lastWindows,
            Map<String, List<String>> lastLists) {
        return new RelatedFinder(Tuning.DEFAULT).update(windows, limit, lastWindows, RelatedLists.of(lastLists));
    }

    RelatedLists update(Map<String, TermWindow> windows, int limit, Map<String, TermWindow> lastWindows,
            RelatedLists last) {
        String[] ids = windows.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        if (!windows.keySet().equals(lastWindows.keySet()) || !last.ids().equals(List.of(ids))) {
            return lists(windows, limit);
        }
        TermWindow[] ordered = new TermWindow[ids.length];
        List<Integer> changed = new ArrayList<>();
        long length = 0;
        long lastLength = 0;
        for (int d = 0; d < ids.length; d++) {
            ordered[d] = windows.get(ids[d]);
            TermWindow before = lastWindows.get(ids[d]);
            if (!ordered[d].equals(before)) {
                changed.add(d);
            }
            length += ordered[d].length();
            lastLength += before.length();
        }
        computed = 0;
        if (changed.isEmpty()) {
            return last;
        }
        // The average length is in every weight: when it changes, every list is computed. It is a
        // whole number of tokens, which a token more or less in millions seldom changes.
        if (Float.compare(WindowIndex.averageLength(length, ids.length), WindowIndex.averageLength(lastLength, ids.length)) != 0) {
            return lists(windows, limit);
        }
        WindowIndex index = WindowIndex.build(ordered, tuning.k1(), tuning.b());
        boolean[] affected = affected(index, changed, ids, lastWindows);
        List<List<String>> lists = new ArrayList<>(ids.length);
        Scorer scorer = new Scorer(index, limit);
        for (int d = 0; d < ids.length; d++) {
            lists.add(affected[d] ? cut(scorer.candidates(d), ids) : last.of(ids[d]));
            computed += affected[d] ? 1 : 0;
        }
        return RelatedLists.sorted(ids, List.copyOf(lists));
    }

    /**
     * The articles whose list a change of the {@code changed} windows can alter. An article's
     * list follows from its signature (its terms' frequencies and document frequencies) and, for
     * each signature term, the weights of the windows holding it. So it can change when its own
     * window changed, when its window holds a term whose document frequency changed (a term in
     * one version of a changed window only), or when its signature holds a term of a changed
     * window whose weight there changed (its frequency did, or the window's length). No other
     * article's inputs differ from the last build's.
     */
    private boolean[] affected(WindowIndex index, List<Integer> changed, String[] ids,
            Map<String, TermWindow> lastWindows) {
        int docs = index.docs();
        boolean[] affected = new boolean[docs];
        java.util.Set<String> touched = new java.util.HashSet<>();
        java.util.Set<String> recounted = new java.util.HashSet<>();
        for (int d : changed) {
            affected[d] = true;
            TermWindow now = index.windows[d];
            TermWindow before = lastWindows.get(ids[d]);
            Map<String, Integer> old = new java.util.HashMap<>();
            for (int i = 0; i < before.size(); i++) {
                old.put(before.term(i), before.freq(i));
            }
            // With the window's length unchanged, a term's weight there changes with its frequency.
            boolean sameLength = now.length() == before.length();
            for (int i = 0; i < now.size(); i++) {
                Integer was = old.remove(now.term(i));
                if (was == null) {
                    recounted.add(now.term(i));
                }
                if (was == null || was != now.freq(i) || !sameLength) {
                    touched.add(now.term(i));
                }
            }
            recounted.addAll(old.keySet()); // in the old window only
            touched.addAll(old.keySet());
        }
        // Each term's part in the change, looked up once per term rather than once per window.
        byte[] part = new byte[index.idf.length];
        for (int d = 0; d < docs; d++) {
            int[] termIds = index.termIds[d];
            for (int i = 0; i < termIds.length; i++) {
                int t = termIds[i];
                if (part[t] == UNSEEN) {
                    String term = index.windows[d].term(i);
                    part[t] = recounted.contains(term) ? RECOUNTED : touched.contains(term) ? TOUCHED : UNTOUCHED;
                }
            }
        }
        int[] signature = new int[tuning.signatureTerms()];
        float[] weights = new float[tuning.signatureTerms()];
        for (int d = 0; d < docs; d++) {
            for (int i = 0; i < index.termIds[d].length && !affected[d]; i++) {
                affected[d] = part[index.termIds[d][i]] == RECOUNTED;
            }
            if (affected[d]) {
                continue;
            }
            int size = signature(index, d, signature, weights);
            for (int s = 0; s < size && !affected[d]; s++) {
                affected[d] = part[signature[s]] != UNTOUCHED;
            }
        }
        return affected;
    }

    private static final byte UNSEEN = 0;
    private static final byte UNTOUCHED = 1;
    /** Its weight in a changed window changed. */
    private static final byte TOUCHED = 2;
    /** In one version of a changed window only: its document frequency changed. */
    private static final byte RECOUNTED = 3;

    /** The candidates that reach the share of the article's own score, as IDs. */
    private List<String> cut(Candidates c, String[] ids) {
        double floor = tuning.minShareOfSelf() * c.self();
        List<String> list = new ArrayList<>(c.related().length);
        for (int i = 0; i < c.related().length && c.scores()[i] >= floor; i++) {
            list.add(ids[c.related()[i]]);
        }
        return List.copyOf(list);
    }

    /** How many lists the last {@link #update} computed rather than took from the last build. */
    int computed() {
        return computed;
    }

    RelatedLists lists(Map<String, TermWindow> windows, int limit) {
        computed = windows.size();
        String[] ids = windows.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        TermWindow[] ordered = new TermWindow[ids.length];
        for (int d = 0; d < ids.length; d++) {
            ordered[d] = Objects.requireNonNull(windows.get(ids[d]), ids[d]);
        }
        Candidates[] all = candidates(WindowIndex.build(ordered, tuning.k1(), tuning.b()), limit);
        List<List<String>> lists = new ArrayList<>(ids.length);
        for (Candidates c : all) {
            lists.add(cut(c, ids));
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
            return RelatedFinder.signature(index, doc, signature, signatureWeights);
        }
    }

    /**
     * Puts the article's best terms by tf·idf into {@code signature} (their weights into
     * {@code weights}), best first (ties to the smaller term), and answers how many there are.
     */
    private static int signature(WindowIndex index, int doc, int[] signature, float[] weights) {
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
            if (size < signature.length || weight > weights[size - 1]) {
                int at = Math.min(size, signature.length - 1);
                while (at > 0 && weight > weights[at - 1]) {
                    signature[at] = signature[at - 1];
                    weights[at] = weights[at - 1];
                    at--;
                }
                signature[at] = ids[i];
                weights[at] = weight;
                size = Math.min(signature.length, size + 1);
            }
        }
        return size;
    }
}
