package kb.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FeedsTest {

    private static CatalogEntry entry(String id, String date, String summary) {
        return new CatalogEntry(id, "Fix <&> \u0001 for " + id, "/kb/" + id + "/", List.of("Microsoft Exchange"),
                List.of(), List.of(), date, summary, List.of());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** 130 dated, undated and same-dated articles (ties broken by number, then ID: Q0101 has Q101's number); products overlap. */
    private static Catalog tiedDates() {
        List<CatalogEntry> all = new java.util.ArrayList<>();
        String[] dates = {"2001-01-01", "", "2002-02-02", "2001-01-01", "1999-09-09"};
        for (int i = 0; i < 130; i++) {
            String id = i == 129 ? "Q0101" : "Q" + (100 + (i * 37) % 129);
            all.add(new CatalogEntry(id, "Title " + i, "/kb/" + id + "/", i % 3 == 0 ? List.of("Alpha", "Beta") : List.of("Beta"),
                    List.of(), List.of(), dates[i % dates.length], "Summary " + i, List.of()));
        }
        return new Catalog(all);
    }

    @Test
    void theFeedsShowingAnArticleAreThoseThatListIt_madeAsAllTheFeedsAre() {
        Catalog catalog = tiedDates();
        Feeds feeds = new Feeds(catalog, withUrl(SiteConfig.defaults()));
        java.util.Map<String, String> every = new java.util.HashMap<>();
        feeds.files().forEach(f -> every.put(f.path(), f.content()));
        int shown = 0;
        for (CatalogEntry e : catalog.entries()) {
            List<GeneratedFile> showing = feeds.filesShowing(java.util.Set.of(e.id()));
            for (String path : every.keySet()) {
                boolean lists = every.get(path).contains("<id>https://kb.example.org/kb/" + e.id() + "/</id>");
                assertThat(showing.stream().anyMatch(f -> f.path().equals(path))).as(e.id() + " in " + path).isEqualTo(lists);
            }
            for (GeneratedFile f : showing) {
                assertThat(f.content()).as(f.path()).isEqualTo(every.get(f.path()));
                shown++;
            }
        }
        assertThat(shown).isGreaterThan(100);
    }

    @Test
    void aFeedsArticlesAreTheFirstDatedOnesOfItsListingInDateOrder() {
        Catalog catalog = tiedDates();
        int compared = 0;
        for (kb.catalog.Listing listing : catalog.allListings()) {
            for (int count : new int[] {1, 7, Feeds.ENTRIES, 500}) {
                assertThat(Catalog.recent(listing.entries(), count)).as(listing.url() + " " + count)
                        .containsExactlyElementsOf(listing.entries().stream().sorted(ListingSort.DATE.order())
                                .filter(e -> !e.lastModified().isEmpty()).limit(count).toList());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(8);
    }

    @Test
    void theSiteFeedIsWellFormedAtomOfTheNewestDatedArticles() throws Exception {
        Catalog catalog = new Catalog(List.of(entry("Q1", "2001-01-01", "One."), entry("Q2", "2002-02-02", ""),
                entry("Q3", "", "Undated.")));
        SiteConfig config = SiteConfig.defaults().withBaseurl("/base");
        List<GeneratedFile> files = new Feeds(catalog, withUrl(config)).files();
        assertThat(files).extracting(GeneratedFile::path)
                .containsExactly("feed.xml", "browse/product/microsoft-exchange/feed.xml");
        Document feed = parse(files.get(0).content());
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagName("entry").getLength()).isEqualTo(2);
        assertThat(feed.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2002-02-02T00:00:00Z");
        assertThat(feed.getElementsByTagName("id").item(1).getTextContent()).isEqualTo("https://kb.example.org/base/kb/Q2/");
        assertThat(feed.getElementsByTagName("title").item(1).getTextContent()).isEqualTo("Q2: Fix <&>  for Q2");
    }

    static SiteConfig withUrl(SiteConfig config) {
        return new SiteConfig(config.title(), config.description(), "https://kb.example.org", config.baseurl(),
                config.exclude(), config.include(), config.permalink(), config.values());
    }
}
