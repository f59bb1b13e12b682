package kb.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link ArticleNavigation#linksKey} against {@link ArticleNavigation#links}: over catalogs that
 * differ in one fact each, an article's key changes exactly when its links do.
 */
class ArticleNavigationTest {

    private static final SiteConfig CONFIG = SiteConfig.defaults().withBaseurl("/kb");

    /** 30 articles: Q1 is cited by Q2..Q25 (more than the backlinks shown), two products, neighbours by ID. */
    private static List<CatalogEntry> entries() {
        List<CatalogEntry> all = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String id = "Q" + (1000 + i);
            all.add(new CatalogEntry(id, "Title " + i, "/kb/" + id + "/", List.of(i % 3 == 0 ? "Gadget" : "Widget"),
                    List.of(), List.of("kbbug"), "2002-05-" + (10 + i % 18), "Summary " + i,
                    i >= 2 && i <= 25 ? List.of("Q1001") : i == 26 ? List.of("Q1030") : List.of()));
        }
        return all;
    }

    /** The catalog with one article changed. */
    private static List<CatalogEntry> with(int index, UnaryOperator<CatalogEntry> change) {
        List<CatalogEntry> all = entries();
        all.set(index, change.apply(all.get(index)));
        return all;
    }

    private static CatalogEntry summary(CatalogEntry e, String summary) {
        return new CatalogEntry(e.id(), e.title(), e.url(), e.products(), e.productCodes(), e.kinds(), e.lastModified(),
                summary, e.cites());
    }

    private static CatalogEntry title(CatalogEntry e, String title) {
        return new CatalogEntry(e.id(), title, e.url(), e.products(), e.productCodes(), e.kinds(), e.lastModified(),
                e.summary(), e.cites());
    }

    private static CatalogEntry product(CatalogEntry e, String product) {
        return new CatalogEntry(e.id(), e.title(), e.url(), List.of(product), e.productCodes(), e.kinds(),
                e.lastModified(), e.summary(), e.cites());
    }

    private static CatalogEntry cites(CatalogEntry e, List<String> cites) {
        return new CatalogEntry(e.id(), e.title(), e.url(), e.products(), e.productCodes(), e.kinds(), e.lastModified(),
                e.summary(), cites);
    }

    @Test
    void anArticlesLinksKeyChangesExactlyWhenItsLinksDo() {
        List<List<CatalogEntry>> variants = List.of(
                entries(),
                with(4, e -> summary(e, "A new summary")), // a neighbour's and a backlink's summary
                with(29, e -> title(e, "A new title")), // the last article, cited by Q1026
                with(1, e -> cites(e, List.of())), // one backlink of Q1001 fewer (still more than shown)
                with(7, e -> product(e, "Gadget")), // neighbours in both products move
                with(20, e -> summary(e, "Past the backlinks shown"))); // the 20th citing article
        Catalog base = new Catalog(variants.get(0));
        ArticleNavigation baseNavigation = new ArticleNavigation(base, CONFIG);
        int changed = 0;
        for (List<CatalogEntry> variant : variants.subList(1, variants.size())) {
            Catalog catalog = new Catalog(variant);
            ArticleNavigation navigation = new ArticleNavigation(catalog, CONFIG);
            for (CatalogEntry entry : catalog.entries()) {
                CatalogEntry before = base.article(entry.id()).orElseThrow();
                boolean sameLinks = String.valueOf(navigation.links(entry))
                        .equals(String.valueOf(baseNavigation.links(before)));
                assertThat(navigation.linksKey(entry) == baseNavigation.linksKey(before))
                        .as(entry.id() + " in variant " + variants.indexOf(variant)).isEqualTo(sameLinks);
                changed += sameLinks ? 0 : 1;
            }
        }
        // The variants change some pages' links, not all of them.
        assertThat(changed).isBetween(6, variants.size() * 30 / 2);
        assertThat(IntStream.range(0, 30).mapToLong(i -> baseNavigation.linksKey(base.entries().get(i))).distinct().count())
                .isEqualTo(30);
    }

    @Test
    void anArticlesSummaryReachesOnlyThePagesShowingItSays() {
        Catalog base = new Catalog(entries());
        ArticleNavigation baseNavigation = new ArticleNavigation(base, CONFIG);
        int reached = 0;
        for (int i = 0; i < 30; i++) {
            String id = base.entries().get(i).id();
            Catalog catalog = new Catalog(with(i, e -> summary(e, "A new summary")));
            ArticleNavigation navigation = new ArticleNavigation(catalog, CONFIG);
            java.util.Set<String> showing = navigation.showing(List.of(id));
            for (CatalogEntry entry : catalog.entries()) {
                boolean sameLinks = String.valueOf(navigation.links(entry))
                        .equals(String.valueOf(baseNavigation.links(base.article(entry.id()).orElseThrow())));
                if (!sameLinks) {
                    assertThat(showing).as(entry.id() + "'s links show " + id).contains(entry.id());
                    reached++;
                }
            }
            // What it cites, and its neighbours: a few pages, not all.
            assertThat(showing).as(id).hasSizeLessThan(6);
        }
        assertThat(reached).isGreaterThan(30);
    }
}
