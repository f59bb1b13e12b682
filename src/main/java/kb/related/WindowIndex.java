package kb.related;

import java.util.Map;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * An inverted index over the term windows of all articles, in primitive arrays: for every term
 * that can tell articles apart, the articles whose window holds it, each with the BM25 weight of
 * the term in that window. Articles are numbered by their position in the array given (the
 * finder sorts them by ID). Immutable once built; read from several threads.
 */
final class WindowIndex {

    /** A term in fewer windows links nothing: only its own article has it. */
    static final int MIN_DOC_FREQ = 2;
    /** Terms in more than 1 window in 20 say little about an article... */
    static final int MAX_DOC_FREQ_SHARE = 20;
    /** ...but small sites keep the terms of up to this many windows. */
    static final int MAX_DOC_FREQ_FLOOR = 50;

    final TermWindow[] windows;
    /** For each article, the number of each of its window's terms, aligned with the window. */
    final int[][] termIds;
    /** For each term, its MoreLikeThis-style idf when it can tell articles apart, else 0. */
    final float[] selectIdf;
    /** For each term, its BM25 idf. */
    final float[] idf;
    /** For each term, how many windows hold it. */
    final int[] df;
    /** The postings of term {@code t} are {@code offsets[t]} to {@code offsets[t + 1]} (exclusive). */
    final int[] offsets;
    final int[] postingDocs;
    final float[] postingWeights;
    /** The terms' numbers, for a patched index to number its terms alike. */
    private final TermIds dictionary;
    /** The windows' length in tokens, all together. */
    private final long totalLength;

    private WindowIndex(TermWindow[] windows, int[][] termIds, float[] selectIdf, float[] idf, int[] df, int[] offsets,
            int[] postingDocs, float[] postingWeights, TermIds dictionary, long totalLength) {
        this.dictionary = dictionary;
        this.totalLength = totalLength;
        this.df = df;
        this.windows = windows;
        this.termIds = termIds;
        this.selectIdf = selectIdf;
        this.idf = idf;
        this.offsets = offsets;
        this.postingDocs = postingDocs;
        this.postingWeights = postingWeights;
    }

    /**
     * The index of these windows, with BM25 parameters {@code k1} and {@code b}, running
     * {@code checkpoint} every 1,024 windows of each of its two passes (it throws to stop).
     */
    static WindowIndex build(TermWindow[] windows, float k1, float b, Runnable checkpoint) {
        int docs = windows.length;
        TermIds dictionary = new TermIds(Math.max(1024, docs * 4));
        int[][] termIds = new int[docs][];
        Counts df = new Counts(new int[1024]);
        long totalLength = 0;
        for (int d = 0; d < docs; d++) {
            if ((d & RelatedFinder.CHECK_EVERY) == 0) {
                checkpoint.run();
            }
            termIds[d] = df.number(windows[d], dictionary);
            totalLength += windows[d].length();
        }
        return finish(windows, termIds, df.counts, dictionary, totalLength, k1, b, checkpoint);
    }

    /** How many windows hold each term, by number, counted as windows are numbered. */
    private static final class Counts {
        private int[] counts;

        Counts(int[] counts) {
            this.counts = counts;
        }

        /** The numbers of a window's terms ({@code numbers} numbers those new to it), each counted once more. */
        int[] number(TermWindow w, TermIds numbers) {
            int[] ids = new int[w.size()];
            for (int i = 0; i < ids.length; i++) {
                int t = numbers.add(w.term(i));
                if (t >= counts.length) {
                    counts = java.util.Arrays.copyOf(counts, counts.length * 2);
                }
                counts[t]++;
                ids[i] = t;
            }
            return ids;
        }

        /** Counts the terms of a window that no longer holds them once less. */
        void drop(int[] ids) {
            for (int t : ids) {
                counts[t]--;
            }
        }
    }

    /**
     * The index of {@code windows}, which are this index's windows but for those of the
     * {@code changed} articles: only those are numbered again; a term new to the index takes the
     * next number, and a term no window holds any more keeps its number with no posting (until
     * such terms are most of them: the index is then built anew). The
     * numbers are not those {@link #build} would give, but nothing read from the index depends
     * on them: each term's statistics and postings (ascending by article) are those of a build.
     */
    WindowIndex patched(TermWindow[] windows, List<Integer> changed, float k1, float b, Runnable checkpoint) {
        TermIds numbers = dictionary.copy();
        int[][] termIds = this.termIds.clone();
        Counts counts = new Counts(java.util.Arrays.copyOf(df, Math.max(1024, numbers.size() * 2)));
        long length = totalLength;
        for (int d : changed) {
            counts.drop(termIds[d]);
            length -= this.windows[d].length();
            termIds[d] = counts.number(windows[d], numbers);
            length += windows[d].length();
        }
        int live = 0;
        for (int t = 0; t < numbers.size(); t++) {
            live += counts.counts[t] > 0 ? 1 : 0;
        }
        if (numbers.size() > 2 * live) {
            // Most numbered terms are in no window any more (a long session's edits): built anew,
            // the dictionary and the arrays by term are as small as the windows need.
            return build(windows, k1, b, checkpoint);
        }
        return finishPatched(windows, termIds, counts.counts, numbers, length, changed, k1, b, checkpoint);
    }

    /**
     * {@link #finish} for {@link #patched}: the postings of the terms no changed window holds,
     * before or after the change, are this index's (the weights of the other windows are as they
     * were while the average length is), copied as they are; only the changed windows' terms get
     * theirs made again, this index's with the changed windows' taken out and put in anew. On the
     * archive, making all of them took 70 ms of each edit's build. A term that the change makes
     * one to pick signatures by has postings in windows that did not change: then, or when the
     * average length moves, everything is made anew.
     */
    private WindowIndex finishPatched(TermWindow[] windows, int[][] termIds, int[] df, TermIds dictionary,
            long totalLength, List<Integer> changed, float k1, float b, Runnable checkpoint) {
        int docs = windows.length;
        int terms = dictionary.size();
        int before = selectIdf.length;
        float averageLength = averageLength(totalLength, docs);
        if (docs != this.windows.length || averageLength != averageLength(this.totalLength, docs)) {
            return finish(windows, termIds, df, dictionary, totalLength, k1, b, checkpoint);
        }
        int[] changedDocs = changed.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        boolean[] touched = new boolean[terms];
        for (int d : changedDocs) {
            for (int t : this.termIds[d]) {
                touched[t] = true;
            }
            for (int t : termIds[d]) {
                touched[t] = true;
            }
        }
        TermStatistics stats = TermStatistics.of(df, terms, docs);
        float[] selectIdf = stats.selectIdf();
        int[] offsets = stats.offsets();
        for (int t = 0; t < terms; t++) {
            if (touched[t] && selectIdf[t] > 0 && (t >= before || this.selectIdf[t] <= 0)) {
                return finish(windows, termIds, df, dictionary, totalLength, k1, b, checkpoint);
            }
        }
        checkpoint.run();
        // The changed windows' postings, by term: each window's in doc order, so each term's too.
        Map<Integer, List<Posting>> fresh = new HashMap<>();
        for (int d : changedDocs) {
            TermWindow w = windows[d];
            float norm = k1 * (1 - b + b * w.length() / averageLength);
            int[] ids = termIds[d];
            for (int i = 0; i < ids.length; i++) {
                if (selectIdf[ids[i]] > 0) {
                    fresh.computeIfAbsent(ids[i], k -> new ArrayList<>()).add(new Posting(d, w.freq(i) / (w.freq(i) + norm)));
                }
            }
        }
        int[] postingDocs = new int[offsets[terms]];
        float[] postingWeights = new float[offsets[terms]];
        int t = 0;
        while (t < terms) {
            if (!touched[t] && t >= before) {
                t++; // numbered since, yet in no changed window: in none, without postings
                continue;
            }
            if (!touched[t]) {
                int start = t;
                while (t < terms && t < before && !touched[t]) {
                    t++;
                }
                int from = this.offsets[start];
                System.arraycopy(this.postingDocs, from, postingDocs, offsets[start], this.offsets[t] - from);
                System.arraycopy(this.postingWeights, from, postingWeights, offsets[start], this.offsets[t] - from);
                continue;
            }
            if (selectIdf[t] > 0) {
                int p = offsets[t];
                List<Posting> in = fresh.getOrDefault(t, List.of());
                int next = 0;
                for (int i = this.offsets[t]; i < this.offsets[t + 1]; i++) {
                    int d = this.postingDocs[i];
                    while (next < in.size() && in.get(next).doc() < d) {
                        postingDocs[p] = in.get(next).doc();
                        postingWeights[p++] = in.get(next++).weight();
                    }
                    if (java.util.Arrays.binarySearch(changedDocs, d) < 0) {
                        postingDocs[p] = d;
                        postingWeights[p++] = this.postingWeights[i];
                    }
                }
                while (next < in.size()) {
                    postingDocs[p] = in.get(next).doc();
                    postingWeights[p++] = in.get(next++).weight();
                }
                if (p != offsets[t + 1]) {
                    throw new IllegalStateException("term " + t + ": " + (p - offsets[t]) + " postings for a df of " + df[t]);
                }
            }
            t++;
        }
        return new WindowIndex(windows, termIds, selectIdf, stats.idf(), java.util.Arrays.copyOf(df, terms), offsets,
                postingDocs, postingWeights, dictionary, totalLength);
    }

    /**
     * Each term's idfs, by number, and where its postings begin (a term picked for signatures has
     * one per window holding it, any other none), for terms held by {@code df} windows each.
     */
    private record TermStatistics(float[] selectIdf, float[] idf, int[] offsets) {

        static TermStatistics of(int[] df, int terms, int docs) {
            float[] selectIdf = new float[terms];
            float[] idf = new float[terms];
            int[] offsets = new int[terms + 1];
            for (int t = 0; t < terms; t++) {
                selectIdf[t] = WindowIndex.selectIdf(df[t], docs);
                idf[t] = WindowIndex.idf(df[t], docs);
                offsets[t + 1] = offsets[t] + (selectIdf[t] > 0 ? df[t] : 0);
            }
            return new TermStatistics(selectIdf, idf, offsets);
        }
    }

    /** A changed window's posting of a term: the window's article and the term's weight there. */
    private record Posting(int doc, float weight) {
    }

    /** The index of windows whose terms are numbered, with each term's document frequency counted. */
    private static WindowIndex finish(TermWindow[] windows, int[][] termIds, int[] df, TermIds dictionary,
            long totalLength, float k1, float b, Runnable checkpoint) {
        int docs = windows.length;
        int terms = dictionary.size();
        TermStatistics stats = TermStatistics.of(df, terms, docs);
        float[] selectIdf = stats.selectIdf();
        float[] idf = stats.idf();
        int[] offsets = stats.offsets();
        int[] postingDocs = new int[offsets[terms]];
        float[] postingWeights = new float[offsets[terms]];
        int[] next = java.util.Arrays.copyOf(offsets, terms);
        float averageLength = averageLength(totalLength, docs);
        for (int d = 0; d < docs; d++) {
            if ((d & RelatedFinder.CHECK_EVERY) == 0) {
                checkpoint.run();
            }
            TermWindow w = windows[d];
            int[] ids = termIds[d];
            float norm = k1 * (1 - b + b * w.length() / averageLength);
            for (int i = 0; i < ids.length; i++) {
                int t = ids[i];
                if (selectIdf[t] > 0) {
                    int p = next[t]++;
                    postingDocs[p] = d;
                    postingWeights[p] = w.freq(i) / (w.freq(i) + norm);
                }
            }
        }
        return new WindowIndex(windows, termIds, selectIdf, idf, java.util.Arrays.copyOf(df, terms), offsets,
                postingDocs, postingWeights, dictionary, totalLength);
    }

    /** The BM25 idf of a term held by {@code df} of {@code docs} windows, which scores weigh it by. */
    private static float idf(int df, int docs) {
        return (float) Math.log(1.0 + (docs - df + 0.5) / (df + 0.5));
    }

    /**
     * The idf a term held by {@code df} of {@code docs} windows is picked for signatures by:
     * Lucene's ClassicSimilarity idf, which MoreLikeThis picks its query terms by, when the term
     * can tell articles apart (held by at least {@link #MIN_DOC_FREQ} windows and at most a
     * {@link #MAX_DOC_FREQ_SHARE}th of them, or {@link #MAX_DOC_FREQ_FLOOR}), else 0.
     */
    static float selectIdf(int df, int docs) {
        int maxDocFreq = Math.max(MAX_DOC_FREQ_FLOOR, docs / MAX_DOC_FREQ_SHARE);
        boolean useful = df >= MIN_DOC_FREQ && df <= maxDocFreq;
        return useful ? (float) (Math.log((docs + 1.0) / (df + 1.0)) + 1.0) : 0f;
    }

    /**
     * The average window length in the BM25 weights of windows of {@code totalLength} tokens in
     * all, rounded to a whole token: an edit that adds or drops a word then leaves it, and with it
     * every other window's weights, as they were (see {@link RelatedFinder#update}); unrounded,
     * one token in 15 million moves the float about every other edit.
     */
    static float averageLength(long totalLength, int docs) {
        return docs == 0 ? 1f : Math.max(1f, Math.round((double) totalLength / docs));
    }

    /** The number of {@code term} in this index, or -1 when no window held it. */
    int termId(String term) {
        return dictionary.get(term);
    }

    /** How many articles. */
    int docs() {
        return windows.length;
    }
}
