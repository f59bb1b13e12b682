package kb.related;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who cites whom among the articles of the site, by article number (the finder's ID order):
 * citations of articles outside the site and of the article itself are left out, and each pair
 * counts once per direction. Every question about it is asked on behalf of one article,
 * {@code self}, and answered <em>without</em> that article's own links: a related list must not
 * see the links it would be measured against (see {@link RelatedFinder}). Immutable once built.
 */
final class CitationGraph {

    /** The articles each cites, ascending. */
    private final int[][] cites;
    /** The articles that cite each, ascending. */
    private final int[][] citedBy;
    /** The articles each is linked to either way, ascending, each once. */
    private final int[][] links;

    private CitationGraph(int[][] cites, int[][] citedBy, int[][] links) {
        this.cites = cites;
        this.citedBy = citedBy;
        this.links = links;
    }

    /** The graph of {@code citations.get(d)} (IDs) for the articles {@code ids} (ascending). */
    static CitationGraph of(String[] ids, List<List<String>> citations) {
        Map<String, Integer> number = new HashMap<>(ids.length * 2);
        for (int d = 0; d < ids.length; d++) {
            number.put(ids[d], d);
        }
        int[][] cites = new int[ids.length][];
        int[] inCount = new int[ids.length];
        for (int d = 0; d < ids.length; d++) {
            List<String> cited = citations.get(d);
            int[] numbers = new int[cited.size()];
            int n = 0;
            for (String id : cited) {
                Integer t = number.get(id);
                if (t != null && t != d) {
                    numbers[n++] = t;
                }
            }
            cites[d] = Site.distinct(Arrays.copyOf(numbers, n));
            for (int t : cites[d]) {
                inCount[t]++;
            }
        }
        int[][] citedBy = new int[ids.length][];
        for (int d = 0; d < ids.length; d++) {
            citedBy[d] = new int[inCount[d]];
            inCount[d] = 0;
        }
        for (int d = 0; d < ids.length; d++) { // d ascending: each citedBy list comes out ascending
            for (int t : cites[d]) {
                citedBy[t][inCount[t]++] = d;
            }
        }
        int[][] links = new int[ids.length][];
        for (int d = 0; d < ids.length; d++) {
            links[d] = union(cites[d], citedBy[d]);
        }
        return new CitationGraph(cites, citedBy, links);
    }

    /** The articles {@code d} is linked to either way, ascending (not a copy: do not change it). */
    int[] links(int d) {
        return links[d];
    }

    /** Whether {@code a} and {@code b} are linked either way. */
    boolean linked(int a, int b) {
        return Arrays.binarySearch(links[a], b) >= 0;
    }

    /** How many articles {@code d} is linked to, not counting {@code self}. */
    int degreeWithout(int d, int self) {
        return links[d].length - (linked(d, self) ? 1 : 0);
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.length && a[i] == next) {
                i++;
            }
            if (j < b.length && b[j] == next) {
                j++;
            }
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }
}
