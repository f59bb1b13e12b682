package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Listing;
import kb.outputs.BrowsePages;
import kb.outputs.ListingSort;
import kb.related.RelatedFinder;
import kb.related.TermWindow;
import kb.state.BuildState;
import kb.state.PageRecord.ArticleFacts;
import org.junit.jupiter.api.Test;

/** Randomised: the place-by-place shortcuts (catalog, related lists) against computations from scratch, with duplicate IDs. */
class EditShortcutsTest {

    private static final String[] WORDS = {"battery", "gadget", "widget", "gear", "charger", "sprocket", "printer",
            "network", "driver", "update", "memory", "screen", "keyboard", "mouse", "server", "client", "cable", "fuse"};

    private static CatalogEntry entry(String id, String url, String summary, String title) {
        return new CatalogEntry(id, title, url, List.of("Contoso Gadget"), List.of(), List.of("kbbug"), "2003-06-15",
                summary, List.of());
    }

    private static String text(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    private static ArticleFacts facts(String id, String url, Random r) {
        String title = "Title " + id;
        return new ArticleFacts(entry(id, url, text(r, 3), title), TermWindow.of(title, text(r, 40)),
                TermWindow.titleTerms(title));
    }

    /** Pages by path (the order of the build's facts), each with an ID from a small set: duplicates. */
    @Test
    void catalogAndRelatedShortcutsEqualScratchThroughRandomEditsWithDuplicates() {
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            TreeMap<String, ArticleFacts> pages = new TreeMap<>();
            for (int i = 0; i < 12; i++) {
                String id = "Q" + (100 + r.nextInt(6));
                String path = "p" + (10 + r.nextInt(80)) + "/index.html";
                pages.put(path, facts(id, "/" + path, r));
            }
            List<ArticleFacts> list = new ArrayList<>(pages.values());
            Catalog catalog = new Catalog(list.stream().map(ArticleFacts::entry).toList());
            BrowsePages.prepare(catalog);
            RelatedFinder.Computed related = RelateStage.run(list, BuildState.empty(), null, null, () -> { });
            List<ArticleFacts> keptFacts = list;
            for (int round = 0; round < 30; round++) {
                String path = new ArrayList<>(pages.keySet()).get(r.nextInt(pages.size()));
                ArticleFacts was = pages.get(path);
                int op = r.nextInt(6);
                switch (op) {
                    case 0 -> pages.put(path, new ArticleFacts(was.entry().withSummary(text(r, 3)), was.window(),
                            was.titleTerms())); // a summary edit
                    case 1 -> pages.put(path, new ArticleFacts(was.entry(), TermWindow.of(was.entry().title(), text(r, 40)),
                            was.titleTerms())); // a text edit
                    case 2 -> pages.put(path, new ArticleFacts(was.entry().withSummary(text(r, 3)),
                            TermWindow.of(was.entry().title(), text(r, 40)), was.titleTerms())); // both
                    case 3 -> { // one page goes, another comes (same count)
                        pages.remove(path);
                        String id = "Q" + (100 + r.nextInt(6));
                        String other = "p" + (10 + r.nextInt(80)) + "/index.html";
                        pages.put(other, facts(id, "/" + other, r));
                    }
                    case 4 -> pages.put(path, new ArticleFacts(was.entry(), was.window(), was.titleTerms())); // same, new object
                    default -> { } // nothing
                }
                if (pages.isEmpty()) {
                    break;
                }
                List<ArticleFacts> now = new ArrayList<>(pages.values());
                List<CatalogEntry> entries = now.stream().map(ArticleFacts::entry).toList();
                catalog = catalog.updated(entries);
                Catalog scratch = new Catalog(entries);
                String at = "seed " + seed + " round " + round + " op " + op;
                assertThat(catalog.entries()).as(at).isEqualTo(scratch.entries());
                assertThat(listings(catalog)).as(at).isEqualTo(listings(scratch));
                assertThat(catalog.recent(10)).as(at).isEqualTo(scratch.recent(10));

                related = RelateStage.run(now, BuildState.empty(), related, keptFacts, () -> { });
                keptFacts = now;
                RelatedFinder.Computed fresh = RelateStage.run(now, BuildState.empty(), null, null, () -> { });
                assertThat(RelateStage.byId(related.lists())).as(at).isEqualTo(RelateStage.byId(fresh.lists()));
                if (r.nextInt(4) == 0) {
                    related = related.indexed(() -> { });
                }
            }
        }
    }

    /** Every listing's entries in every order, as the listing pages show them. */
    private static Map<String, List<String>> listings(Catalog catalog) {
        Map<String, List<String>> all = new TreeMap<>();
        for (Listing l : catalog.allListings()) {
            for (ListingSort sort : BrowsePages.sorts(l)) {
                Catalog.Order order = catalog.order(l, sort.order());
                List<String> shown = new ArrayList<>();
                for (int p : order.positions()) {
                    CatalogEntry e = l.entries().get(p);
                    shown.add(e.id() + "|" + e.url() + "|" + e.summary());
                }
                all.put(l.dimension() + "/" + l.key() + "/" + sort, shown);
            }
        }
        return all;
    }
}
