package kb.outputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Listing;
import kb.outputs.BrowsePages.ListingPage;

/**
 * The listing pages that list some articles, each with the entries it lists: what an
 * incremental build makes again when only what those pages show of the articles changed (their
 * summaries). A listing's order other than by ID is sorted once and kept by the catalog
 * ({@link Catalog#order}), which a resident builder keeps from build to build: an article's
 * page follows from its rank there.
 */
final class PagesShowing {

    private PagesShowing() {
    }

    /** The pages of {@code catalog}'s listings, in every order they are written in, that list one of {@code ids}. */
    static Map<ListingPage, List<CatalogEntry>> find(Catalog catalog, Set<String> ids) {
        Map<ListingPage, List<CatalogEntry>> pages = new LinkedHashMap<>();
        java.util.function.Predicate<CatalogEntry> shown = catalog.showing(ids);
        for (Listing listing : catalog.allListings()) {
            List<Integer> listed = new ArrayList<>();
            List<CatalogEntry> all = listing.entries();
            for (int i = 0; i < all.size(); i++) {
                if (shown.test(all.get(i))) {
                    listed.add(i);
                }
            }
            for (ListingSort sort : listed.isEmpty() ? List.<ListingSort>of() : BrowsePages.sorts(listing)) {
                List<CatalogEntry> entries = listing.entries();
                // In ID order the listing as it is; in another, its order, which the catalog keeps.
                Catalog.Order order = sort == ListingSort.ID ? null : catalog.order(listing, sort.order());
                for (int at : listed) {
                    int rank = order == null ? at : order.ranks()[at];
                    int number = rank / BrowsePages.PAGE_SIZE + 1;
                    pages.computeIfAbsent(new ListingPage(listing, sort, number), p -> {
                        int from = (number - 1) * BrowsePages.PAGE_SIZE;
                        int to = Math.min(entries.size(), from + BrowsePages.PAGE_SIZE);
                        List<CatalogEntry> page = new ArrayList<>(to - from);
                        for (int r = from; r < to; r++) {
                            page.add(entries.get(order == null ? r : order.positions()[r]));
                        }
                        return List.copyOf(page);
                    });
                }
            }
        }
        return pages;
    }
}
