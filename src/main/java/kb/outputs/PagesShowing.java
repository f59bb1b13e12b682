package kb.outputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Listing;
import kb.outputs.BrowsePages.ListingPage;

/**
 * The listing pages that list some articles, each with the entries it lists, found without
 * sorting the listings: what an incremental build makes again when only what those pages show
 * of the articles changed (their summaries). A listing that lists one of them is not sorted for
 * it: the article's page in an order follows from its rank (how many articles come before it),
 * and the page's other entries are the nearest ones on either side, all found in one pass.
 */
final class PagesShowing {

    private PagesShowing() {
    }

    /** The pages of {@code catalog}'s listings, in every order they are written in, that list one of {@code ids}. */
    static Map<ListingPage, List<CatalogEntry>> find(Catalog catalog, Set<String> ids) {
        Map<ListingPage, List<CatalogEntry>> pages = new LinkedHashMap<>();
        for (Listing listing : catalog.allListings()) {
            List<Integer> listed = new ArrayList<>();
            for (int i = 0; i < listing.size(); i++) {
                if (ids.contains(listing.entries().get(i).id())) {
                    listed.add(i);
                }
            }
            for (ListingSort sort : listed.isEmpty() ? List.<ListingSort>of() : BrowsePages.sorts(listing)) {
                if (sort == ListingSort.ID || listed.size() > 1) {
                    // In ID order, or more than one to place: the listing as sorted.
                    List<CatalogEntry> sorted = sort == ListingSort.ID ? listing.entries()
                            : listing.entries().stream().sorted(sort.order()).toList();
                    for (int i = 0; i < sorted.size(); i++) {
                        if (ids.contains(sorted.get(i).id())) {
                            int number = i / BrowsePages.PAGE_SIZE + 1;
                            pages.computeIfAbsent(new ListingPage(listing, sort, number),
                                    p -> BrowsePages.entries(sorted, number));
                        }
                    }
                } else {
                    pages.putAll(around(listing, sort, listed.get(0)));
                }
            }
        }
        return pages;
    }

    /**
     * The page of a listing in an order that lists its entry at {@code at} (in ID order), with
     * its entries: those a stable sort by the order would put on the same page.
     */
    private static Map<ListingPage, List<CatalogEntry>> around(Listing listing, ListingSort sort, int at) {
        int size = BrowsePages.PAGE_SIZE;
        List<CatalogEntry> entries = listing.entries();
        // As a stable sort orders them: by the order, then by the place in the listing.
        Comparator<Integer> order = (i, j) -> {
            int c = sort.order().compare(entries.get(i), entries.get(j));
            return c != 0 ? c : Integer.compare(i, j);
        };
        // How many come before it, and a page's worth on either side of it (the greatest of
        // those before, the least of those after); which of those its page holds follows from
        // the count.
        int rank = 0;
        PriorityQueue<Integer> lower = new PriorityQueue<>(size, order);
        PriorityQueue<Integer> higher = new PriorityQueue<>(size, order.reversed());
        for (int i = 0; i < entries.size(); i++) {
            if (i == at) {
                continue;
            }
            boolean below = order.compare(i, at) < 0;
            PriorityQueue<Integer> kept = below ? lower : higher;
            if (below) {
                rank++;
            }
            if (kept.size() < size - 1) {
                kept.add(i);
            } else if (below ? order.compare(i, kept.peek()) > 0 : order.compare(i, kept.peek()) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        int first = rank / size * size;
        int before = rank - first;
        int after = Math.min(entries.size(), first + size) - rank - 1;
        while (lower.size() > before) {
            lower.poll(); // the least of those kept before it: on an earlier page
        }
        while (higher.size() > after) {
            higher.poll(); // the greatest of those kept after it: on a later page
        }
        List<Integer> page = new ArrayList<>(lower);
        page.add(at);
        page.addAll(higher);
        page.sort(order);
        return Map.of(new ListingPage(listing, sort, rank / size + 1), page.stream().map(entries::get).toList());
    }
}
