package kb.related;

import java.util.Arrays;

/**
 * Scores one article's candidates at a time (see {@link RelatedFinder} for the signals); keeps
 * score tables the size of the site, so one per thread. Every citation it reads is read through
 * {@link CitationGraph}'s questions on behalf of the article being scored, without that
 * article's own links.
 */
final class ArticleScorer {

    /**
     * How many of the best articles by words are candidates (with those the citations bring), at
     * least: {@link RelatedFinder.Tuning#neighbours} when more.
     */
    static final int POOL = 40;
    /** How many score buckets choose the pool. */
    private static final int BUCKETS = 1024;

    private final Site site;
    private final WindowIndex index;
    private final RelatedFinder.Tuning tuning;
    private final int limit;
    /** The most the metadata can add to a candidate's score. */
    private final float maxGain;
    private final float[] scores;
    private final int[] touched;
    private final float[] vouched;
    private final int[] vouchedDocs;
    private final boolean[] seen;
    private final int[] signature;
    private final float[] signatureWeights;
    private final int[] pool;
    private final int[] buckets = new int[BUCKETS];
    private final long[] ranked;

    ArticleScorer(Site site, RelatedFinder.Tuning tuning, int limit) {
        this.site = site;
        this.index = site.index;
        this.tuning = tuning;
        this.limit = limit;
        this.maxGain = tuning.productWeight() + tuning.kindWeight() + tuning.titleWeight();
        int docs = index.docs();
        this.scores = new float[docs];
        this.touched = new int[docs];
        this.vouched = new float[docs];
        this.vouchedDocs = new int[docs];
        this.seen = new boolean[docs];
        this.signature = new int[tuning.signatureTerms()];
        this.signatureWeights = new float[tuning.signatureTerms()];
        this.pool = new int[Math.max(POOL, tuning.neighbours())];
        this.ranked = new long[docs];
    }

    /**
     * The best {@code limit} candidates of article {@code doc} with their scores, before the
     * cut-off, leaving out only candidates that cannot reach {@link RelatedFinder.Tuning#minShareOfSelf}.
     */
    RelatedFinder.Candidates candidates(int doc) {
        int terms = signature(index, doc, signature, signatureWeights);
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
        int pooled = pool(doc, count);
        int[] best = new int[limit];
        float[] bestScores = new float[limit];
        int found = 0;
        if (self > 0f && limit > 0) {
            float share = 1f / self;
            int vouchers = vouch(doc, pooled, share);
            for (int i = 0; i < pooled; i++) {
                found = consider(doc, pool[i], share, best, bestScores, found);
            }
            for (int i = 0; i < vouchers; i++) {
                found = consider(doc, vouchedDocs[i], share, best, bestScores, found);
            }
            for (int i = 0; i < vouchers; i++) {
                vouched[vouchedDocs[i]] = 0f;
                seen[vouchedDocs[i]] = false;
            }
            for (int i = 0; i < pooled; i++) {
                seen[pool[i]] = false;
            }
        }
        for (int i = 0; i < count; i++) {
            scores[touched[i]] = 0f;
        }
        return new RelatedFinder.Candidates(Arrays.copyOf(best, found), Arrays.copyOf(bestScores, found));
    }

    /**
     * Puts the best {@link #pool} articles by words (not {@code doc}) into {@link #pool}, best
     * first (ties to the smaller number), and answers how many. Rather than rank every article
     * that shares a term, it counts them into score buckets, finds the lowest bucket the best
     * ones reach, and sorts only the articles from there up: a bucket follows the score, so none
     * left out can rank above one kept.
     */
    private int pool(int doc, int count) {
        float self = scores[doc];
        if (self <= 0f) {
            return 0;
        }
        // Shares of the article's own score from 0 to 2 spread over the buckets, more in the last.
        float scale = BUCKETS / 2f / self;
        Arrays.fill(buckets, 0);
        for (int i = 0; i < count; i++) {
            int d = touched[i];
            if (d != doc) {
                buckets[bucket(scores[d], scale)]++;
            }
        }
        int lowest = BUCKETS - 1;
        for (int reached = buckets[lowest]; lowest > 0 && reached < pool.length; ) {
            reached += buckets[--lowest];
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int d = touched[i];
            if (d != doc && bucket(scores[d], scale) >= lowest) {
                // Positive floats order as their bits: ascending keys are best first, then smaller numbers.
                ranked[n++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(scores[d])) << 32) | d;
            }
        }
        Arrays.sort(ranked, 0, n);
        int size = Math.min(n, pool.length);
        for (int i = 0; i < size; i++) {
            pool[i] = (int) ranked[i];
        }
        return size;
    }

    private static int bucket(float score, float scale) {
        return Math.min(BUCKETS - 1, (int) (score * scale));
    }

    /**
     * The articles linked to the best {@link RelatedFinder.Tuning#neighbours} by words each gain
     * that neighbour's share of the word score, divided by the square root of its links (not
     * counting {@code doc}'s), into {@link #vouched}; answers how many are in {@link #vouchedDocs}.
     * Neither {@code doc} nor its links take part: a neighbour's link to {@code doc} is skipped
     * and not counted, and {@code doc}'s own links are never read.
     */
    private int vouch(int doc, int pooled, float share) {
        CitationGraph graph = site.graph;
        int n = 0;
        for (int i = 0; i < Math.min(pooled, tuning.neighbours()); i++) {
            int s = pool[i];
            int degree = graph.degreeWithout(s, doc);
            if (degree == 0 || tuning.linkWeight() == 0f) {
                continue;
            }
            float weight = (float) (tuning.linkWeight() * scores[s] * share / Math.sqrt(degree));
            for (int c : graph.links(s)) {
                if (c == doc) {
                    continue;
                }
                if (vouched[c] == 0f) {
                    vouchedDocs[n++] = c;
                }
                vouched[c] += weight;
            }
        }
        return n;
    }

    /**
     * Adds candidate {@code c} to the best list if it ranks there; answers the list's size. A
     * candidate that cannot reach {@link RelatedFinder.Tuning#minShareOfSelf}, or the last of a
     * full list, even with every metadata gain is not scored further: most of those the
     * citations bring.
     */
    private int consider(int doc, int c, float share, int[] best, float[] bestScores, int found) {
        if (seen[c]) {
            return found;
        }
        seen[c] = true;
        float score = scores[c] * share + vouched[c];
        float reach = score + maxGain;
        if (reach < tuning.minShareOfSelf() || (found == best.length && reach < bestScores[found - 1])) {
            return found;
        }
        if (site.shareProduct(doc, c)) {
            score += tuning.productWeight();
        }
        if (site.shareKind(doc, c)) {
            score += tuning.kindWeight();
        }
        if (tuning.titleWeight() != 0f) {
            reach = score + tuning.titleWeight();
            if (reach < tuning.minShareOfSelf() || (found == best.length && reach < bestScores[found - 1])) {
                return found;
            }
            score += tuning.titleWeight() * site.titleShare(doc, c);
        }
        return insert(best, bestScores, found, c, score);
    }

    /** Inserts {@code d} into a best-first array of {@code size} if it ranks; answers the new size. */
    private static int insert(int[] docs, float[] docScores, int size, int d, float score) {
        int capacity = docs.length;
        if (capacity == 0 || (size == capacity && !better(score, d, docScores[size - 1], docs[size - 1]))) {
            return size;
        }
        int at = Math.min(size, capacity - 1);
        while (at > 0 && better(score, d, docScores[at - 1], docs[at - 1])) {
            docs[at] = docs[at - 1];
            docScores[at] = docScores[at - 1];
            at--;
        }
        docs[at] = d;
        docScores[at] = score;
        return Math.min(capacity, size + 1);
    }

    /** Ranks: higher score first, then the smaller number (the smaller ID). */
    private static boolean better(float score, int doc, float otherScore, int otherDoc) {
        return score > otherScore || (score == otherScore && doc < otherDoc);
    }

    /**
     * Puts the article's best terms by tf·idf into {@code signature} (their weights into
     * {@code weights}), best first (ties to the smaller term), and answers how many there are.
     */
    static int signature(WindowIndex index, int doc, int[] signature, float[] weights) {
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
