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

    @Test
    void everyListingIsInEachOrderAsItsOwnSortWouldPutIt() {
        List<CatalogEntry> all = new ArrayList<>();
        String[] titles = {"Widget stops", "widget STOPS", "Gadget", "Abacus", "gadget"};
        String[] dates = {"2002-05-13", "", "2002-05-13", "1999-01-02", "2003-07-08"};
        String[] products = {"Widget", "Gadget", "Widget", "Abacus"};
        for (int i = 0; i < 60; i++) {
            // Titles and dates repeat (ties the orders break by number), and "Q01007" has Q1007's number.
            String id = i == 59 ? "Q01007" : "Q" + (1000 + (i * 37) % 59);
            all.add(new CatalogEntry(id, titles[i % titles.length] + (i % 4 == 0 ? "" : " " + i / 7), "/kb/" + id + "/",
                    List.of(products[i % products.length]), List.of(), List.of(i % 2 == 0 ? "kbbug" : "kbhowto"),
                    dates[i % dates.length], "", List.of()));
        }
        Catalog catalog = new Catalog(all);
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
