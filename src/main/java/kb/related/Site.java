package kb.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the finder reads, for articles numbered in ID order: the index of their windows,
 * the citations between them, and their product codes and issue types as numbers. Immutable once
 * built; read from several threads.
 *
 * @param index    the word index of the windows
 * @param graph    the citations between the articles
 * @param products each article's product codes, as ascending numbers
 * @param kinds    each article's issue types, as ascending numbers
 */
record Site(WindowIndex index, CitationGraph graph, int[][] products, int[][] kinds, int[][] titles, float[] titleIdf,
        float[] titleWeights) {

    /** What the finder reads of {@code articles}, aligned with {@code ids} (ascending). */
    static Site of(String[] ids, ArticleProfile[] articles, RelatedFinder.Tuning tuning) {
        TermWindow[] windows = new TermWindow[articles.length];
        List<List<String>> cites = new ArrayList<>(articles.length);
        for (int d = 0; d < articles.length; d++) {
            windows[d] = articles[d].window();
            cites.add(articles[d].cites());
        }
        int[][] titles = numbered(articles, ArticleProfile::titleTerms);
        int max = 0;
        for (int[] t : titles) {
            for (int x : t) {
                max = Math.max(max, x + 1);
            }
        }
        int[] df = new int[max];
        for (int[] t : titles) {
            for (int x : t) {
                df[x]++;
            }
        }
        float[] titleIdf = new float[max];
        for (int x = 0; x < max; x++) {
            titleIdf[x] = df[x] < 2 ? 0f : (float) Math.log((double) articles.length / df[x]);
        }
        float[] titleWeights = new float[titles.length];
        for (int d = 0; d < titles.length; d++) {
            for (int x : titles[d]) {
                titleWeights[d] += titleIdf[x];
            }
        }
        return new Site(WindowIndex.build(windows, tuning.k1(), tuning.b()), CitationGraph.of(ids, cites),
                numbered(articles, ArticleProfile::products), numbered(articles, ArticleProfile::kinds), titles, titleIdf,
                titleWeights);
    }

    /** The share of {@code a}'s title weight that {@code c}'s title shares. */
    float titleShare(int a, int c) {
        int[] x = titles[a];
        int[] y = titles[c];
        float all = titleWeights[a];
        if (all == 0f) {
            return 0f;
        }
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

    /** Whether articles {@code a} and {@code c} share a product code. */
    boolean shareProduct(int a, int c) {
        return intersect(products[a], products[c]);
    }

    /** Whether articles {@code a} and {@code c} share an issue type. */
    boolean shareKind(int a, int c) {
        return intersect(kinds[a], kinds[c]);
    }

    private static int[][] numbered(ArticleProfile[] articles, java.util.function.Function<ArticleProfile, List<String>> codes) {
        Map<String, Integer> number = new HashMap<>();
        int[][] out = new int[articles.length][];
        for (int d = 0; d < articles.length; d++) {
            out[d] = codes.apply(articles[d]).stream().mapToInt(c -> number.computeIfAbsent(c, k -> number.size()))
                    .sorted().distinct().toArray();
        }
        return out;
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

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Site[" + products.length + " articles]";
    }
}
