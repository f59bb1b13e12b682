package kb.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The related-article list of every article: for each article ID, the IDs of the articles most
 * like it, best first, never itself, possibly none. Iterates in ascending ID order, so two equal
 * values print and serialise alike. Immutable and thread-safe.
 */
public final class RelatedLists {

    private final String[] ids;
    private final List<List<String>> lists;

    /** {@code ids} ascending and distinct, {@code lists} aligned with them; neither is copied. */
    private RelatedLists(String[] ids, List<List<String>> lists) {
        this.ids = ids;
        this.lists = lists;
    }

    /** Lists as given (for instance as a previous build stored them), copied. */
    public static RelatedLists of(Map<String, List<String>> lists) {
        String[] ids = lists.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        List<List<String>> values = new ArrayList<>(ids.length);
        for (String id : ids) {
            values.add(List.copyOf(lists.get(id)));
        }
        return new RelatedLists(ids, List.copyOf(values));
    }

    /** Lists made by the finder: {@code ids} ascending, lists aligned, both already immutable. */
    static RelatedLists sorted(String[] ids, List<List<String>> lists) {
        return new RelatedLists(ids, lists);
    }

    /** The list of article {@code id}, best first; empty when it has none or is unknown. */
    public List<String> of(String id) {
        int i = Arrays.binarySearch(ids, Objects.requireNonNull(id, "id"));
        return i >= 0 ? lists.get(i) : List.of();
    }

    /** The list of the article at {@code index} in {@link #ids()}. */
    List<String> at(int index) {
        return lists.get(index);
    }

    /**
     * These lists as a read-only map by article ID, without a copy (a map of 60,000 lists made
     * for each edit's build took 20 ms on the archive): a look-up is a binary search.
     */
    public Map<String, List<String>> asMap() {
        return new java.util.AbstractMap<>() {
            @Override
            public List<String> get(Object id) {
                int i = id instanceof String s ? Arrays.binarySearch(ids, s) : -1;
                return i >= 0 ? lists.get(i) : null;
            }

            @Override
            public boolean containsKey(Object id) {
                return id instanceof String s && Arrays.binarySearch(ids, s) >= 0;
            }

            @Override
            public int size() {
                return ids.length;
            }

            @Override
            public Set<Map.Entry<String, List<String>>> entrySet() {
                return new java.util.AbstractSet<>() {
                    @Override
                    public java.util.Iterator<Map.Entry<String, List<String>>> iterator() {
                        return new java.util.Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < ids.length;
                            }

                            @Override
                            public Map.Entry<String, List<String>> next() {
                                if (next >= ids.length) {
                                    throw new java.util.NoSuchElementException();
                                }
                                int i = next++;
                                return Map.entry(ids[i], lists.get(i));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return ids.length;
                    }
                };
            }
        };
    }

    /** The article IDs, ascending. */
    public List<String> ids() {
        return List.of(ids);
    }

    /** How many articles. */
    public int size() {
        return ids.length;
    }

    /**
     * The articles of this value whose list differs from their list in {@code before} (or that
     * {@code before} does not know), ascending: the pages to render again.
     */
    public Set<String> changedFrom(RelatedLists before) {
        Set<String> changed = new TreeSet<>();
        for (int i = 0; i < ids.length; i++) {
            int j = Arrays.binarySearch(before.ids, ids[i]);
            if (j < 0 || !before.lists.get(j).equals(lists.get(i))) {
                changed.add(ids[i]);
            }
        }
        return changed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelatedLists r && Arrays.equals(ids, r.ids) && lists.equals(r.lists);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + lists.hashCode();
    }

    @Override
    public String toString() {
        return "RelatedLists[" + ids.length + " articles]";
    }
}
