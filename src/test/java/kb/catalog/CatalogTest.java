package kb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    static CatalogEntry entry(String id, String product, String kind, String date, String... cites) {
        return new CatalogEntry(id, "Title of " + id, "/kb/" + id + "/", product.isEmpty() ? List.of() : List.of(product),
                List.of(), kind.isEmpty() ? List.of() : List.of(kind), date, "", List.of(cites));
    }

    private final Catalog catalog = new Catalog(List.of(
            entry("Q300", "Microsoft Exchange", "kbbug", "2001-02-03", "Q100", "Q999"),
            entry("Q100", "Microsoft Exchange", "kbhowto", "2002-01-01"),
            entry("Q20", "Word 97 for Windows", "", "", "Q100"),
            entry("Q200", "Microsoft Exchange", "kbbug", "1999-12-31", "Q300")));

    @Test
    void anUpdatedCatalogEqualsOneMadeAnew_summaryEditsPatchedInPlace_otherEditsMadeAnew() {
        List<CatalogEntry> before = new java.util.ArrayList<>(catalog.entries());
        // Q100 has backlinks and shares listings; the edit of its summary keeps every grouping.
        List<CatalogEntry> summary = before.stream()
                .map(e -> e.id().equals("Q100") ? e.withSummary("A new summary.") : e).toList();
        Catalog patched = catalog.updated(summary);
        assertSameCatalog(patched, new Catalog(summary));
        assertThat(patched.article("Q100").orElseThrow().summary()).isEqualTo("A new summary.");
        assertThat(patched.backlinks("Q300")).extracting(CatalogEntry::summary).containsExactly("");
        assertThat(patched.product("Microsoft Exchange").orElseThrow().entries()).extracting(CatalogEntry::summary)
                .contains("A new summary.");
        assertThat(catalog.updated(before)).isSameAs(catalog);

        List<CatalogEntry> moved = before.stream()
                .map(e -> e.id().equals("Q100") ? entry("Q100", "Word 97 for Windows", "kbhowto", "2002-01-01") : e).toList();
        assertSameCatalog(catalog.updated(moved), new Catalog(moved));
        List<CatalogEntry> fewer = before.subList(1, before.size());
        assertSameCatalog(catalog.updated(fewer), new Catalog(fewer));
    }

    private static void assertSameCatalog(Catalog actual, Catalog expected) {
        assertThat(actual.entries()).isEqualTo(expected.entries());
        assertThat(actual.allListings()).isEqualTo(expected.allListings());
        assertThat(actual.citationsOutside()).isEqualTo(expected.citationsOutside());
        for (CatalogEntry e : expected.entries()) {
            assertThat(actual.backlinks(e.id())).as("backlinks of %s", e.id()).isEqualTo(expected.backlinks(e.id()));
            assertThat(actual.article(e.id())).isEqualTo(expected.article(e.id()));
            assertThat(actual.neighbours(e)).isEqualTo(expected.neighbours(e));
            for (String p : e.products()) {
                assertThat(actual.product(p)).isEqualTo(expected.product(p));
            }
        }
    }

    @Test
    void articlesAreOrderedByNumberNotText() {
        assertThat(catalog.entries()).extracting(CatalogEntry::id).containsExactly("Q20", "Q100", "Q200", "Q300");
    }

    @Test
    void productListingsAreNamedAndSluggedAndHoldTheirArticlesById() {
        assertThat(catalog.listings(Dimension.PRODUCT)).extracting(Listing::name)
                .containsExactly("Microsoft Exchange", "Word 97 for Windows");
        Listing exchange = catalog.product("Microsoft Exchange").orElseThrow();
        assertThat(exchange.url()).isEqualTo("/browse/product/microsoft-exchange/");
        assertThat(exchange.entries()).extracting(CatalogEntry::id).containsExactly("Q100", "Q200", "Q300");
    }

    @Test
    void kindsAreMostFirstWithReadableNamesAndTheUnclassifiedLast() {
        assertThat(catalog.listings(Dimension.KIND)).extracting(Listing::key, Listing::name, Listing::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kbbug", "Bug", 2),
                        org.assertj.core.groups.Tuple.tuple("kbhowto", "How-to", 1),
                        org.assertj.core.groups.Tuple.tuple(Catalog.NO_KIND, "Not classified", 1));
        assertThat(catalog.listings(Dimension.KIND).get(0).filter()).isEqualTo("kbbug");
        assertThat(catalog.listings(Dimension.KIND).get(2).filter()).isEmpty();
    }

    @Test
    void yearsAreNewestFirstWithTheUndatedLast() {
        assertThat(catalog.listings(Dimension.YEAR)).extracting(Listing::key)
                .containsExactly("2002", "2001", "1999", Catalog.NO_YEAR);
    }

    @Test
    void everyArticleIsInTheAllListing() {
        assertThat(catalog.listings(Dimension.ALL)).singleElement().satisfies(l -> {
            assertThat(l.size()).isEqualTo(4);
            assertThat(l.url()).isEqualTo("/browse/all/");
        });
    }

    @Test
    void backlinksAreTheCitingArticlesByIdAndCitationsOutsideAreCounted() {
        assertThat(catalog.backlinks("Q100")).extracting(CatalogEntry::id).containsExactly("Q20", "Q300");
        assertThat(catalog.backlinks("Q300")).extracting(CatalogEntry::id).containsExactly("Q200");
        assertThat(catalog.backlinks("Q20")).isEmpty();
        assertThat(catalog.citationsOutside()).isEqualTo(1);
    }

    @Test
    void neighboursAreByIdWithinTheFirstProduct() {
        Catalog.Neighbours middle = catalog.neighbours(catalog.article("Q200").orElseThrow());
        assertThat(middle.previous()).map(CatalogEntry::id).contains("Q100");
        assertThat(middle.next()).map(CatalogEntry::id).contains("Q300");
        Catalog.Neighbours alone = catalog.neighbours(catalog.article("Q20").orElseThrow());
        assertThat(alone.previous()).isEmpty();
        assertThat(alone.next()).isEmpty();
    }

    @Test
    void recentIsNewestFirstAndSkipsUndated() {
        assertThat(catalog.recent(10)).extracting(CatalogEntry::id).containsExactly("Q100", "Q300", "Q200");
        assertThat(catalog.recent(1)).extracting(CatalogEntry::id).containsExactly("Q100");
    }

    @Test
    void spellingsOfOneProductShareAListingNamedByTheCommonestSpelling() {
        Catalog c = new Catalog(List.of(entry("Q1", "Microsoft  Exchange", "", ""), entry("Q2", "Microsoft Exchange", "", ""),
                entry("Q3", "Microsoft Exchange", "", "")));
        assertThat(c.listings(Dimension.PRODUCT)).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Microsoft Exchange");
            assertThat(l.size()).isEqualTo(3);
        });
        assertThat(c.product("Microsoft  Exchange")).isPresent();
    }

    @Test
    void aProductCodeLeadsToTheProductItsArticlesNameFirst() {
        Catalog c = new Catalog(List.of(
                new CatalogEntry("Q1", "t", "/1/", List.of("Microsoft C Compiler"), List.of("visualc"), List.of(), "", "", List.of()),
                new CatalogEntry("Q2", "t", "/2/", List.of("Microsoft C Compiler"), List.of("visualc"), List.of(), "", "", List.of())));
        assertThat(c.productOfCode("visualc")).map(Listing::name).contains("Microsoft C Compiler");
        assertThat(c.productOfCode("sms")).isEmpty();
    }

    @Test
    void anArticleCitedMoreOftenThanAPageListsGetsAListingOfAllItsCiters() {
        List<CatalogEntry> all = new java.util.ArrayList<>();
        all.add(entry("Q1", "P", "", ""));
        for (int i = 2; i < 2 + Catalog.BACKLINKS_SHOWN + 1; i++) {
            all.add(entry("Q" + i, "P", "", "", "Q1"));
        }
        Catalog c = new Catalog(all);
        assertThat(c.citedBy("Q1")).hasValueSatisfying(l -> {
            assertThat(l.url()).isEqualTo("/browse/cited/Q1/");
            assertThat(l.size()).isEqualTo(Catalog.BACKLINKS_SHOWN + 1);
        });
        assertThat(c.listings(Dimension.CITED)).extracting(Listing::key).containsExactly("Q1");
        assertThat(c.citedBy("Q2")).isEmpty();
        assertThat(catalog.listings(Dimension.CITED)).isEmpty();
    }
}
