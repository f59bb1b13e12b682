package kb.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SitemapsTest {

    private final SiteConfig config = FeedsTest.withUrl(SiteConfig.defaults());

    @Test
    void urlsAreSplitIntoFilesOfAtMostTheLimitAndListedInTheIndex() throws Exception {
        List<Sitemaps.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(new Sitemaps.Entry("/kb/Q" + i + "/", i == 1 ? "2002-05-13" : ""));
        }
        List<GeneratedFile> files = new Sitemaps(config, 3).files(entries);
        assertThat(files).extracting(GeneratedFile::path).containsExactly("sitemaps/sitemap-1.xml",
                "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml", "sitemap.xml");
        Document first = FeedsTest.parse(files.get(0).content());
        assertThat(first.getElementsByTagName("loc").getLength()).isEqualTo(3);
        assertThat(first.getElementsByTagName("lastmod").item(0).getTextContent()).isEqualTo("2002-05-13");
        assertThat(FeedsTest.parse(files.get(2).content()).getElementsByTagName("loc").getLength()).isEqualTo(1);
        Document index = FeedsTest.parse(files.get(3).content());
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getElementsByTagName("loc").item(1).getTextContent())
                .isEqualTo("https://kb.example.org/sitemaps/sitemap-2.xml");
        assertThat(Sitemaps.MAX_URLS).isEqualTo(50_000);
    }

    @Test
    void robotsNamesTheSitemapIndexWhenTheSiteHasAUrl() {
        assertThat(new Sitemaps(config).robots().content())
                .contains("User-agent: *").contains("Sitemap: https://kb.example.org/sitemap.xml");
        assertThat(new Sitemaps(SiteConfig.defaults()).robots().content()).doesNotContain("Sitemap:");
    }
}
