package kb.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Listing;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;

/** Listings in each order: sorted by each article's place among all, as sorting each listing by the order would. */
class BrowsePagesTest {

    /**
     * {@code count} articles whose titles and dates repeat (ties the orders break by number, and
     * then by ID: the last has the number of another), in four products and two kinds.
     */
    private static Catalog catalog(int count) {
        List<CatalogEntry> all = new ArrayList<>();
        String[] titles = {"Widget stops", "widget STOPS", "Gadget", "Abacus", "gadget"};
        String[] dates = {"2002-05-13", "", "2002-05-13", "1999-01-02", "2003-07-08"};
        String[] products = {"Widget", "Gadget", "Widget", "Abacus"};
        int prime = count % 37 == 0 ? 41 : 37;
        for (int n = 0; n < count; n++) {
            // The last is the 8th again under another ID with the same number: a tie in every order.
            int i = n == count - 1 ? 7 : n;
            String id = n == count - 1 ? "Q0" + (1000 + (prime * 7) % (count - 1)) : "Q" + (1000 + (i * prime) % (count - 1));
            all.add(new CatalogEntry(id, titles[i % titles.length] + (i % 4 == 0 ? "" : " " + i / 7), "/kb/" + id + "/",
                    List.of(products[i % products.length]), List.of(), List.of(i % 2 == 0 ? "kbbug" : "kbhowto"),
                    dates[i % dates.length], "", List.of()));
        }
        return new Catalog(all);
    }

    @Test
    void thePagesShowingAnArticleAreFound_withTheEntriesASortPutsOnThem_alsoInACatalogPatchedForSummaries() {
        Catalog made = catalog(457); // listings of several pages, the last one short
        BrowsePages.prepare(made); // its orders made ahead of an edit, as the build daemon's warm-up makes them
        // A summary edit: the patched catalog keeps the orders the first one made.
        CatalogEntry first = made.entries().get(0);
        Catalog catalog = made.updated(made.entries().stream()
                .map(e -> e == first ? e.withSummary("Another summary.") : e).toList());
        assertThat(catalog).isNotSameAs(made);
        List<String> ids = catalog.entries().stream().map(CatalogEntry::id).toList();
        for (int k = 0; k < ids.size(); k += 3) {
            // One article, and two.
            for (java.util.Set<String> shown : List.of(java.util.Set.of(ids.get(k)),
                    java.util.Set.of(ids.get(k), ids.get((k * 7 + 1) % ids.size())))) {
                Map<BrowsePages.ListingPage, List<CatalogEntry>> expected = new java.util.HashMap<>();
                for (Listing listing : catalog.allListings()) {
                    for (ListingSort sort : BrowsePages.sorts(listing)) {
                        List<CatalogEntry> sorted = listing.entries().stream().sorted(sort.order()).toList();
                        for (int n = 1; n <= BrowsePages.pageCount(listing); n++) {
                            List<CatalogEntry> page = sorted.subList((n - 1) * BrowsePages.PAGE_SIZE,
                                    Math.min(sorted.size(), n * BrowsePages.PAGE_SIZE));
                            if (page.stream().anyMatch(e -> shown.contains(e.id()))) {
                                expected.put(new BrowsePages.ListingPage(listing, sort, n), page);
                            }
                        }
                    }
                }
                assertThat(PagesShowing.find(catalog, shown)).as(shown.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyListingIsInEachOrderAsItsOwnSortWouldPutIt() {
        Catalog catalog = catalog(60);
        BrowsePages pages = new BrowsePages(catalog, SiteConfig.defaults(), null, Map.of());

        int compared = 0;
        for (Listing listing : catalog.allListings()) {
            for (ListingSort sort : ListingSort.values()) {
                assertThat(pages.sorted(listing, sort)).as(listing.url() + " " + sort)
                        .containsExactlyElementsOf(listing.entries().stream().sorted(sort.order()).toList());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10);
    }
}
