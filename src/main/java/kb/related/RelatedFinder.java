package kb.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Finds the related articles of every article at once, in memory, from what the KB knows of
 * them ({@link ArticleProfile}): their words, the citations between other articles, their
 * product codes, issue types and title words.
 *
 * <ol>
 * <li><b>Words.</b> Each article's signature is its {@link Tuning#signatureTerms} terms of
 * highest tf·idf; every article whose window holds some of them scores the sum of their BM25
 * weights in its window, as a share of the article's own score (the way MoreLikeThis did one
 * article at a time against the search index, without the index). The best
 * {@link ArticleScorer#POOL} (or {@link Tuning#neighbours}, when more) are candidates.</li>
 * <li><b>Citations of the articles like it.</b> Its {@link Tuning#neighbours} best articles by
 * words vouch for the articles they cite or are cited by: each adds its share, divided by the
 * square root of how many links it has, to each of them ({@link Tuning#linkWeight}); those are
 * candidates too. Articles like this one cite the same service-pack article, the same overview;
 * the overview that cites articles like this one likely covers it too.</li>
 * <li><b>Metadata.</b> A candidate that shares a product code with the article gains
 * {@link Tuning#productWeight}, one that shares an issue type {@link Tuning#kindWeight}, and one
 * whose title holds the article's title words up to {@link Tuning#titleWeight} (by the words'
 * idf among all titles).</li>
 * </ol>
 * Candidates scoring at least {@link Tuning#minShareOfSelf}, and at least
 * {@link Tuning#minShareOfBest} of the best one's score, are listed, best first: fewer than the
 * limit when fewer are good.
 *
 * <p><b>An article's own citation links never reach its own list.</b> Its window holds no cited
 * ID or title ({@link TermWindow#of(kb.model.Article)}), so no two articles look alike because
 * they cite the same one, and no citing article looks like the article it cites by quoting its
 * title. Every question the list asks of the citations ({@link CitationGraph}) is answered
 * without the article's links: only the links of <em>other</em> articles vouch, a link of a
 * neighbour to the article is skipped, and a neighbour's links are counted without it. So
 * adding or removing a citation in article A, or a citation of A elsewhere, leaves A's list as
 * it was (other lists may change; {@code OwnLinksHiddenTest}): the lists can be measured
 * against the citations, as {@code bench/related-quality.sh} does on the built pages.
 *
 * <p>The lists depend only on the set of (ID, profile) pairs: articles are numbered in ID order,
 * each list is computed alone with its sums in a fixed order, and ties go to the smaller ID, so
 * equal inputs give equal lists whatever the map's order or the threads' timing.
 */
public final class RelatedFinder {

    /**
     * The finder's constants, together so that a benchmark can vary them.
     *
     * @param signatureTerms how many terms of an article are looked for in the others
     * @param minShareOfSelf the score (a share of the article's own word score) a candidate must reach
     * @param minShareOfBest the share of the best candidate's score a candidate must reach too
     * @param k1             BM25 term-frequency saturation
     * @param b              BM25 length normalisation
     * @param neighbours     how many of the best articles by words vouch with their citations
     * @param linkWeight     the weight of a vouching article's share
     * @param productWeight  the gain of a candidate that shares a product code
     * @param kindWeight     the gain of a candidate that shares an issue type
     * @param titleWeight    the gain of a candidate whose title holds all of the article's title
     *                       words (by idf among titles; a share of that for some)
     */
    record Tuning(int signatureTerms, double minShareOfSelf, double minShareOfBest, float k1, float b, int neighbours,
            float linkWeight, float productWeight, float kindWeight, float titleWeight) {

        Tuning {
            if (signatureTerms < 1 || neighbours < 0) {
                throw new IllegalArgumentException("signatureTerms " + signatureTerms + ", neighbours " + neighbours);
            }
        }

        /** As measured on the dev corpus (see {@code RelatedTuningBenchmark}). */
        static final Tuning DEFAULT = new Tuning(16, 0.30, 0.2, 1.2f, 0.75f, 100, 1.0f, 0.10f, 0.02f, 0.2f);

        /** Words only: the finder before citations and metadata counted. */
        static final Tuning WORDS = new Tuning(12, 0.30, 0, 1.2f, 0.75f, 0, 0f, 0f, 0f, 0f);

        /** This tuning with {@code weight} for the citations of the best {@code neighbours} by words. */
        Tuning withCitations(int neighbours, float weight) {
            return new Tuning(signatureTerms, minShareOfSelf, minShareOfBest, k1, b,
                    neighbours, weight, productWeight, kindWeight, titleWeight);
        }

        /** This tuning with {@code weight} for a shared product code. */
        Tuning withProductWeight(float weight) {
            return new Tuning(signatureTerms, minShareOfSelf, minShareOfBest, k1, b,
                    neighbours, linkWeight, weight, kindWeight, titleWeight);
        }

        /** This tuning with {@code weight} for a shared issue type. */
        Tuning withKindWeight(float weight) {
            return new Tuning(signatureTerms, minShareOfSelf, minShareOfBest, k1, b,
                    neighbours, linkWeight, productWeight, weight, titleWeight);
        }

        /** This tuning with {@code share} for {@link #minShareOfBest}. */
        Tuning withMinShareOfBest(double share) {
            return new Tuning(signatureTerms, minShareOfSelf, share, k1, b,
                    neighbours, linkWeight, productWeight, kindWeight, titleWeight);
        }

        /** This tuning with {@code weight} for the title words. */
        Tuning withTitleWeight(float weight) {
            return new Tuning(signatureTerms, minShareOfSelf, minShareOfBest, k1, b,
                    neighbours, linkWeight, productWeight, kindWeight, weight);
        }
    }

    /**
     * An article's best candidates before the cut-off, with their scores (those that cannot
     * reach {@link Tuning#minShareOfSelf} may be left out).
     *
     * @param related candidate article numbers, best first
     * @param scores  their scores, aligned
     */
    record Candidates(int[] related, float[] scores) {
    }

    private final Tuning tuning;
    private final Runnable checkpoint;
    /** How many lists the last {@link #update} computed (the rest it took from the last build). */
    private int computed;

    RelatedFinder(Tuning tuning) {
        this(tuning, () -> { });
    }

    /** A finder that runs {@code checkpoint} now and then as it works (it throws to stop it). */
    RelatedFinder(Tuning tuning, Runnable checkpoint) {
        this.tuning = tuning;
        this.checkpoint = checkpoint;
    }

    /**
     * The related list of every article, up to {@code limit} IDs each.
     *
     * @param articles what is known of every article, by article ID
     */
    public static RelatedLists compute(Map<String, ArticleProfile> articles, int limit) {
        return new RelatedFinder(Tuning.DEFAULT).lists(articles, limit);
    }

    /**
     * The related list of every article, as {@link #compute} gives it, reusing the lists of the
     * last build for every article no change can reach: an edit of words costs the articles that
     * share its terms, not the whole site. Equal to {@code compute(articles, limit)} whatever the
     * change; when the set of articles, any article's citations or metadata, or the average
     * length of the windows changes (every list may then change), or nothing is known of the
     * last build, everything is computed.
     *
     * @param articles   what is known of every article, by article ID
     * @param last       what the last build computed its lists from
     * @param lastLists  the lists it computed, by article ID, with the same {@code limit}
     * @param checkpoint run now and then (every few hundred articles): a build that is
     *                   interrupted throws there
     */
    public static RelatedLists update(Map<String, ArticleProfile> articles, int limit, Map<String, ArticleProfile> last,
            Map<String, List<String>> lastLists, Runnable checkpoint) {
        return updateKept(articles, limit, last, lastLists, checkpoint).lists;
    }

    /**
     * The lists {@link #update(Map, int, Map, Map, Runnable)} gives, with what the next update
     * starts from.
     */
    public static Computed updateKept(Map<String, ArticleProfile> articles, int limit, Map<String, ArticleProfile> last,
            Map<String, List<String>> lastLists, Runnable checkpoint) {
        return new RelatedFinder(Tuning.DEFAULT, checkpoint).updated(articles, limit, last, RelatedLists.of(lastLists));
    }

    /**
     * The lists of every article as {@link #update(Map, int, Map, Map, Runnable)} gives them,
     * from what an earlier computation kept in memory ({@code last}, of the same {@code limit}):
     * its word index is patched for the changed windows rather than built again.
     */
    public static Computed update(Map<String, ArticleProfile> articles, int limit, Computed last, Runnable checkpoint) {
        RelatedFinder finder = new RelatedFinder(Tuning.DEFAULT, checkpoint);
        String[] ids = sortedIds(articles);
        if (last.limit != limit || !Arrays.equals(ids, last.ids)) {
            return finder.all(ids, ordered(ids, articles), limit);
        }
        return finder.update(ids, ordered(ids, articles), limit, last.profiles, last.lists, last.site);
    }

    /**
     * The lists of every article as {@link #update(Map, int, Computed, Runnable)} gives them,
     * for the articles {@code last} was computed from with those of {@code changed} (by ID)
     * replaced: no map of every article to make, nor their IDs to sort.
     *
     * @return the lists, or empty when an ID of {@code changed} is not one of {@code last}'s
     */
    public static java.util.Optional<Computed> updateSome(Computed last, Map<String, ArticleProfile> changed, int limit,
            Runnable checkpoint) {
        if (last.limit != limit) {
            return java.util.Optional.empty();
        }
        ArticleProfile[] ordered = last.profiles.clone();
        for (Map.Entry<String, ArticleProfile> e : changed.entrySet()) {
            int at = Arrays.binarySearch(last.ids, e.getKey());
            if (at < 0) {
                return java.util.Optional.empty();
            }
            ordered[at] = e.getValue();
        }
        RelatedFinder finder = new RelatedFinder(Tuning.DEFAULT, checkpoint);
        return java.util.Optional.of(finder.update(last.ids, ordered, limit, last.profiles, last.lists, last.site));
    }

    /** The lists of every article as {@link #compute} gives them, with what the next update starts from. */
    public static Computed computeKept(Map<String, ArticleProfile> articles, int limit, Runnable checkpoint) {
        String[] ids = sortedIds(articles);
        return new RelatedFinder(Tuning.DEFAULT, checkpoint).all(ids, ordered(ids, articles), limit);
    }

    /**
     * Related lists with what they were computed from (the articles, and the word index of
     * their windows), kept in memory by a process that builds again ({@code kb serve --watch},
     * the build daemon) for its next update to start from. Immutable.
     */
    public static final class Computed {
        private final String[] ids;
        private final ArticleProfile[] profiles;
        /** The word index and the rest the lists were computed from; null when not built. */
        private final Site site;
        private final RelatedLists lists;
        private final int limit;

        private Computed(String[] ids, ArticleProfile[] profiles, Site site, RelatedLists lists, int limit) {
            this.ids = ids;
            this.profiles = profiles;
            this.site = site;
            this.lists = lists;
            this.limit = limit;
        }

        /** The lists. */
        public RelatedLists lists() {
            return lists;
        }

        /** What the lists of the article {@code id} were computed from; null when it is not among them. */
        public ArticleProfile profile(String id) {
            int at = Arrays.binarySearch(ids, id);
            return at < 0 ? null : profiles[at];
        }

        /**
         * These lists with their word index, built when they were kept without it (an update
         * in which no window changed keeps none it did not have): the next update that changes
         * a window patches it rather than builds it (half a second on the archive).
         */
        public Computed indexed(Runnable checkpoint) {
            return site != null ? this
                    : new Computed(ids, profiles, Site.of(ids, profiles, Tuning.DEFAULT, checkpoint), lists, limit);
        }
    }

    private static String[] sortedIds(Map<String, ArticleProfile> articles) {
        String[] ids = articles.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        return ids;
    }

    private static ArticleProfile[] ordered(String[] ids, Map<String, ArticleProfile> articles) {
        ArticleProfile[] ordered = new ArticleProfile[ids.length];
        for (int d = 0; d < ids.length; d++) {
            ordered[d] = Objects.requireNonNull(articles.get(ids[d]), ids[d]);
        }
        return ordered;
    }

    RelatedLists update(Map<String, ArticleProfile> articles, int limit, Map<String, ArticleProfile> lastArticles,
            RelatedLists last) {
        return updated(articles, limit, lastArticles, last).lists;
    }

    private Computed updated(Map<String, ArticleProfile> articles, int limit, Map<String, ArticleProfile> lastArticles,
            RelatedLists last) {
        String[] ids = sortedIds(articles);
        if (!articles.keySet().equals(lastArticles.keySet()) || !last.ids().equals(List.of(ids))) {
            return all(ids, ordered(ids, articles), limit);
        }
        return update(ids, ordered(ids, articles), limit, ordered(ids, lastArticles), last, null);
    }

    /**
     * The update of the lists {@code last} of the articles {@code before} (aligned with
     * {@code ids}, as {@code ordered} is) to {@code ordered}; {@code lastSite}, when not null, is
     * what {@code last} was computed from, to patch rather than build the word index.
     */
    private Computed update(String[] ids, ArticleProfile[] ordered, int limit, ArticleProfile[] before,
            RelatedLists last, Site lastSite) {
        List<Integer> changed = new ArrayList<>();
        long length = 0;
        long lastLength = 0;
        for (int d = 0; d < ids.length; d++) {
            ArticleProfile now = ordered[d];
            ArticleProfile was = before[d];
            // Citations and metadata reach other articles' lists in ways not worth tracing.
            if (now != was && (!now.cites().equals(was.cites()) || !now.products().equals(was.products())
                    || !now.kinds().equals(was.kinds()) || !now.titleTerms().equals(was.titleTerms()))) {
                return all(ids, ordered, limit);
            }
            if (now.window() != was.window() && !now.window().equals(was.window())) {
                changed.add(d);
            }
            length += now.window().length();
            lastLength += was.window().length();
        }
        computed = 0;
        if (changed.isEmpty()) {
            return new Computed(ids, ordered, lastSite, last, limit);
        }
        // The average length is in every weight: when it changes, every list is computed. It is a
        // whole number of tokens, which a token more or less in millions seldom changes.
        if (Float.compare(WindowIndex.averageLength(length, ids.length), WindowIndex.averageLength(lastLength, ids.length)) != 0) {
            return all(ids, ordered, limit);
        }
        checkpoint.run();
        Site site = lastSite != null ? lastSite.withWindows(changed, ordered, tuning, checkpoint)
                : Site.of(ids, ordered, tuning, checkpoint);
        checkpoint.run();
        // A list follows from the article's word scores against every other article, and from
        // citations and metadata, which are unchanged: only the word scores can have changed.
        boolean[] affected = affected(site.index, changed, before);
        Candidates[] fresh = candidates(site, limit, affected);
        List<List<String>> lists = new ArrayList<>(ids.length);
        for (int d = 0; d < ids.length; d++) {
            lists.add(affected[d] ? cut(fresh[d], ids) : last.at(d)); // last has these ids, in this order
            computed += affected[d] ? 1 : 0;
        }
        return new Computed(ids, ordered, site, RelatedLists.sorted(ids, List.copyOf(lists)), limit);
    }

    /**
     * The articles whose word scores a change of the {@code changed} windows can alter. An
     * article's scores follow from its signature (its best terms by frequency and document
     * frequency) and, for each signature term, its idf and the weights of the windows holding
     * it. So they can change when its own window changed, or when its signature, now or before
     * the change, holds a term of a changed window whose weight there changed (its frequency
     * did, or the window's length) or whose document frequency changed (a term in one version of
     * a changed window only). The signature before the change is the one now unless a term whose
     * document frequency changed, weighed as it was, would have been in it. No other article's
     * inputs differ from the last build's: an article that merely holds a common word an edit
     * added or removed somewhere keeps its list.
     */
    private boolean[] affected(WindowIndex index, List<Integer> changed, ArticleProfile[] lastArticles) {
        int docs = index.docs();
        boolean[] affected = new boolean[docs];
        Set<String> touched = new HashSet<>();
        Set<String> recounted = new HashSet<>();
        // How many more windows hold each recounted term than before the change.
        Map<String, Integer> gained = new HashMap<>();
        for (int d : changed) {
            affected[d] = true;
            TermWindow now = index.windows[d];
            TermWindow before = lastArticles[d].window();
            Map<String, Integer> old = new HashMap<>();
            for (int i = 0; i < before.size(); i++) {
                old.put(before.term(i), before.freq(i));
            }
            // With the window's length unchanged, a term's weight there changes with its frequency.
            boolean sameLength = now.length() == before.length();
            for (int i = 0; i < now.size(); i++) {
                Integer was = old.remove(now.term(i));
                if (was == null) {
                    recounted.add(now.term(i));
                    gained.merge(now.term(i), 1, Integer::sum);
                }
                if (was == null || was != now.freq(i) || !sameLength) {
                    touched.add(now.term(i));
                }
            }
            recounted.addAll(old.keySet()); // in the old window only
            touched.addAll(old.keySet());
            old.keySet().forEach(term -> gained.merge(term, -1, Integer::sum));
        }
        // Each term's part in the change, by number: only the changed windows' terms are looked
        // up; for a recounted term, the idf it was picked for signatures by before the change.
        byte[] part = new byte[index.idf.length];
        java.util.Arrays.fill(part, UNTOUCHED);
        float[] selectIdfBefore = new float[index.idf.length];
        for (String term : touched) {
            int t = index.termId(term);
            if (t >= 0) {
                part[t] = TOUCHED;
            }
        }
        for (String term : recounted) {
            int t = index.termId(term); // absent: no window holds it now
            if (t >= 0) {
                part[t] = RECOUNTED;
                selectIdfBefore[t] = WindowIndex.selectIdf(index.df[t] - gained.getOrDefault(term, 0), docs);
            }
        }
        // Every article's signature, in blocks on all cores (each article's test is its own).
        int block = CHECK_EVERY + 1;
        java.util.stream.IntStream.range(0, (docs + block - 1) / block).parallel().forEach(b -> {
            checkpoint.run();
            int[] signature = new int[tuning.signatureTerms()];
            float[] weights = new float[tuning.signatureTerms()];
            for (int d = b * block, end = Math.min(docs, d + block); d < end; d++) {
                if (affected[d]) {
                    continue;
                }
                int size = ArticleScorer.signature(index, d, signature, weights);
                for (int s = 0; s < size && !affected[d]; s++) {
                    affected[d] = part[signature[s]] != UNTOUCHED;
                }
                // No term of the signature changed. A recounted term outside it weighed differently
                // before; only if that weight reached the signature's last (ties counted) was the
                // signature another one.
                int[] termIds = index.termIds[d];
                for (int i = 0; i < termIds.length && !affected[d]; i++) {
                    if (part[termIds[i]] == RECOUNTED) {
                        float before = index.windows[d].freq(i) * selectIdfBefore[termIds[i]];
                        affected[d] = before > 0 && (size < signature.length || before >= weights[size - 1]);
                    }
                }
            }
        });
        return affected;
    }

    private static final byte UNTOUCHED = 1;
    /** Its weight in a changed window changed. */
    private static final byte TOUCHED = 2;
    /** In one version of a changed window only: its document frequency changed. */
    private static final byte RECOUNTED = 3;

    /** The candidates that reach {@link Tuning#minShareOfSelf} and {@link Tuning#minShareOfBest}, as IDs. */
    List<String> cut(Candidates c, String[] ids) {
        List<String> list = new ArrayList<>(c.related().length);
        double floor = c.related().length == 0 ? 0 : Math.max(tuning.minShareOfSelf(), tuning.minShareOfBest() * c.scores()[0]);
        for (int i = 0; i < c.related().length && c.scores()[i] >= floor; i++) {
            list.add(ids[c.related()[i]]);
        }
        return List.copyOf(list);
    }

    /** How many lists the last {@link #update} computed rather than took from the last build. */
    int computed() {
        return computed;
    }

    RelatedLists lists(Map<String, ArticleProfile> articles, int limit) {
        String[] ids = sortedIds(articles);
        return all(ids, ordered(ids, articles), limit).lists;
    }

    /** Every list computed. */
    private Computed all(String[] ids, ArticleProfile[] ordered, int limit) {
        computed = ids.length;
        Site site = Site.of(ids, ordered, tuning, checkpoint);
        Candidates[] all = candidates(site, limit);
        List<List<String>> lists = new ArrayList<>(ids.length);
        for (Candidates c : all) {
            lists.add(cut(c, ids));
        }
        return new Computed(ids, ordered, site, RelatedLists.sorted(ids, List.copyOf(lists)), limit);
    }

    /** The best {@code limit} candidates of every article, before the cut-off, in both cores' time. */
    Candidates[] candidates(Site site, int limit) {
        boolean[] all = new boolean[site.index.docs()];
        Arrays.fill(all, true);
        return candidates(site, limit, all);
    }

    /** The best {@code limit} candidates of the {@code wanted} articles (null for the others). */
    private Candidates[] candidates(Site site, int limit, boolean[] wanted) {
        int docs = site.index.docs();
        Candidates[] out = new Candidates[docs];
        AtomicInteger next = new AtomicInteger();
        int workers = ForkJoinPool.getCommonPoolParallelism() + 1;
        // Each worker takes small batches of articles and keeps its own score tables.
        IntStream.range(0, workers).parallel().forEach(w -> {
            ArticleScorer scorer = new ArticleScorer(site, tuning, limit);
            for (int start; (start = next.getAndAdd(BATCH)) < docs; ) {
                checkpoint.run();
                for (int d = start; d < Math.min(docs, start + BATCH); d++) {
                    out[d] = wanted[d] ? scorer.candidates(d) : null;
                }
            }
        });
        return out;
    }

    private static final int BATCH = 64;
    /**
     * How often the loops over every article run the checkpoint: at each article whose number has
     * none of these bits, every 1,024 articles (the word index's passes too).
     */
    static final int CHECK_EVERY = 1023;
}
