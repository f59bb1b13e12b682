package kb.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the finder reads, for articles numbered in ID order: the index of their windows,
 * the citations between them, and their product codes, issue types and title words as numbers.
 * Immutable once built; read from several threads.
 */
final class Site {

    /** The word index of the windows. */
    final WindowIndex index;
    /** The citations between the articles. */
    final CitationGraph graph;
    /** Each article's product codes, issue types and title terms, as ascending numbers. */
    private final int[][] products;
    private final int[][] kinds;
    private final long[] productMasks;
    private final long[] kindMasks;
    private final int[][] titles;
    /** For each title term, its idf among the titles; 0 for a term of one title only. */
    private final float[] titleIdf;
    /** For each article, the sum of its title terms' idf. */
    private final float[] titleWeights;

    private Site(WindowIndex index, CitationGraph graph, int[][] products, int[][] kinds, int[][] titles) {
        this.index = index;
        this.graph = graph;
        this.products = products;
        this.kinds = kinds;
        this.productMasks = masks(products);
        this.kindMasks = masks(kinds);
        this.titles = titles;
        int terms = 0;
        for (int[] t : titles) {
            terms = t.length == 0 ? terms : Math.max(terms, t[t.length - 1] + 1);
        }
        int[] df = new int[terms];
        for (int[] t : titles) {
            for (int x : t) {
                df[x]++;
            }
        }
        this.titleIdf = new float[terms];
        for (int x = 0; x < terms; x++) {
            titleIdf[x] = df[x] < 2 ? 0f : (float) Math.log((double) titles.length / df[x]);
        }
        this.titleWeights = new float[titles.length];
        for (int d = 0; d < titles.length; d++) {
            for (int x : titles[d]) {
                titleWeights[d] += titleIdf[x];
            }
        }
    }

    /**
     * What the finder reads of {@code articles}, aligned with {@code ids} (ascending), running
     * {@code checkpoint} between its steps and every 1,024 windows indexed (it throws to stop).
     */
    static Site of(String[] ids, ArticleProfile[] articles, RelatedFinder.Tuning tuning, Runnable checkpoint) {
        TermWindow[] windows = new TermWindow[articles.length];
        List<List<String>> cites = new ArrayList<>(articles.length);
        for (int d = 0; d < articles.length; d++) {
            windows[d] = articles[d].window();
            cites.add(articles[d].cites());
        }
        WindowIndex index = WindowIndex.build(windows, tuning.k1(), tuning.b(), checkpoint);
        checkpoint.run();
        CitationGraph graph = CitationGraph.of(ids, cites);
        checkpoint.run();
        return new Site(index, graph, numbered(articles, ArticleProfile::products), numbered(articles, ArticleProfile::kinds),
                numbered(articles, ArticleProfile::titleTerms));
    }

    /** This site with another word index: its citations and metadata as they are. */
    private Site(Site site, WindowIndex index) {
        this.index = index;
        this.graph = site.graph;
        this.products = site.products;
        this.kinds = site.kinds;
        this.productMasks = site.productMasks;
        this.kindMasks = site.kindMasks;
        this.titles = site.titles;
        this.titleIdf = site.titleIdf;
        this.titleWeights = site.titleWeights;
    }

    /**
     * This site after the windows of the {@code changed} articles (numbers) became theirs in
     * {@code articles}, whose citations and metadata are those this site was made of: its word
     * index patched (see {@link WindowIndex#patched}), the rest as it is. Answers as
     * {@link #of} would for {@code articles}.
     */
    Site withWindows(List<Integer> changed, ArticleProfile[] articles, RelatedFinder.Tuning tuning, Runnable checkpoint) {
        TermWindow[] windows = index.windows.clone();
        for (int d : changed) {
            windows[d] = articles[d].window();
        }
        return new Site(this, index.patched(windows, changed, tuning.k1(), tuning.b(), checkpoint));
    }

    /** Whether articles {@code a} and {@code c} share a product code. */
    boolean shareProduct(int a, int c) {
        return (productMasks[a] & productMasks[c]) != 0 && intersect(products[a], products[c]);
    }

    /** Whether articles {@code a} and {@code c} share an issue type. */
    boolean shareKind(int a, int c) {
        return (kindMasks[a] & kindMasks[c]) != 0 && intersect(kinds[a], kinds[c]);
    }

    /** Each article's codes as one bit each (modulo 64): no common bit, no common code. */
    private static long[] masks(int[][] codes) {
        long[] masks = new long[codes.length];
        for (int d = 0; d < codes.length; d++) {
            for (int c : codes[d]) {
                masks[d] |= 1L << (c & 63);
            }
        }
        return masks;
    }

    /**
     * The share of article {@code a}'s title words that article {@code c}'s title holds, each
     * word weighted by its idf among the titles: 1 when it holds them all, 0 when none (or when
     * {@code a}'s title has no word another title has).
     */
    float titleShare(int a, int c) {
        float all = titleWeights[a];
        if (all == 0f) {
            return 0f;
        }
        int[] x = titles[a];
        int[] y = titles[c];
        float shared = 0f;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                shared += titleIdf[x[i]];
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared / all;
    }

    /** Each article's codes as ascending numbers, the same number for the same code. */
    private static int[][] numbered(ArticleProfile[] articles, Function<ArticleProfile, List<String>> codes) {
        Map<String, Integer> number = new HashMap<>();
        int[][] out = new int[articles.length][];
        for (int d = 0; d < articles.length; d++) {
            List<String> some = codes.apply(articles[d]);
            int[] numbers = new int[some.size()];
            for (int i = 0; i < numbers.length; i++) {
                Integer n = number.get(some.get(i));
                if (n == null) {
                    n = number.size();
                    number.put(some.get(i), n);
                }
                numbers[i] = n;
            }
            out[d] = distinct(numbers);
        }
        return out;
    }

    /** The numbers ascending, each once (the array may be sorted in place). */
    static int[] distinct(int[] numbers) {
        Arrays.sort(numbers);
        int n = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (n == 0 || numbers[n - 1] != numbers[i]) {
                numbers[n++] = numbers[i];
            }
        }
        return n == numbers.length ? numbers : Arrays.copyOf(numbers, n);
    }

    private static boolean intersect(int[] a, int[] b) {
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
