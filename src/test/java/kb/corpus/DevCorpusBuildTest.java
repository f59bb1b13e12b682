package kb.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.BuildResult;
import kb.site.SiteBuilder;
import kb.check.CheckReport;
import kb.check.SiteChecker;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.verify.SiteVerifier;
import kb.verify.VerifyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole dev half of the archive (30,432 articles): it builds with no errors, every listing
 * page's links lead to generated pages, and nothing of Jekyll's 3,043 reference pages is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevCorpusBuildTest {

    private Path site;
    private Diagnostics diagnostics;
    private BuildResult result;

    @BeforeAll
    void build() {
        Path sources = DevCorpus.sources();
        Path out = Path.of("target", "corpus-build");
        site = out.resolve("site");
        diagnostics = new Diagnostics();
        result = new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(sources, site,
                out.resolve("index"), Optional.empty(), Optional.empty()), diagnostics);
    }

    @Test
    void everyArticleBuildsWithoutErrors() throws IOException {
        long articles;
        try (Stream<Path> files = Files.walk(DevCorpus.sources().resolve("kb"))) {
            articles = files.filter(p -> p.getFileName().toString().equals("README.md")).count();
        }
        long listings;
        try (Stream<Path> files = Files.list(DevCorpus.sources().resolve("id"))) {
            listings = files.filter(Files::isDirectory).count();
        }
        assertThat(diagnostics.sorted()).filteredOn(d -> d.severity() == kb.diag.Severity.ERROR).isEmpty();
        assertThat(articles).isGreaterThan(30_000);
        assertThat(result.pages()).isEqualTo(articles + listings + 1);
        try (Stream<Path> built = Files.walk(site.resolve("kb"))) {
            assertThat(built.filter(p -> p.getFileName().toString().equals("index.html")).count()).isEqualTo(articles);
        }
    }

    @Test
    void everyLinkAndAnchorResolves() {
        Diagnostics check = new Diagnostics();
        CheckReport report = new SiteChecker().check(site, Severity.WARNING, check);
        assertThat(check.sorted()).isEmpty();
        assertThat(report.broken()).isZero();
        assertThat(report.pages()).isGreaterThan(30_000);
        assertThat(site.resolve("id/sms/index.html")).isRegularFile();
        System.out.printf("[kb] check: %s%n", report.summary());
    }

    @Test
    void everyArticleHoldsItsOwnSourceFaithfully() {
        VerifyReport report = new SiteVerifier("#main_content", List.of()).verifySources(site, DevCorpus.sources(), new Diagnostics());
        assertThat(report.articles()).isGreaterThan(30_000);
        assertThat(report.missing()).isEmpty();
        assertThat(report.textMismatches()).isEmpty();
    }

    @Test
    void statsShowTheFieldsOfNearlyEveryArticle() {
        kb.stats.StatsReport stats = new kb.stats.KbStats().measure(DevCorpus.sources(), new kb.diag.Diagnostics());
        for (String field : List.of("id", "title", "products", "last_modified")) {
            assertThat(100.0 * stats.fields().get(field) / stats.articles()).as(field).isGreaterThanOrEqualTo(99.9);
        }
        assertThat(100.0 * stats.underlinedWithSections() / stats.underlined()).isGreaterThanOrEqualTo(99.9);
        assertThat(stats.fields().get("technology")).isLessThanOrEqualTo(stats.fields().get("footer"));
        assertThat(stats.errors()).isEmpty();
        System.out.printf("[kb] stats: %d articles, fields %s%n", stats.articles(), stats.fields());
    }

    @Test
    void nothingOfJekyllsPagesIsLost() {
        VerifyReport report = new SiteVerifier("#main_content", List.of("#main_content > div > p"))
                .verify(site, DevCorpus.reference(), new Diagnostics());
        assertThat(report.pagesChecked()).isGreaterThan(3_000);
        assertThat(report.articles()).isEqualTo(report.pagesChecked());
        assertThat(report.missing()).isEmpty();
        assertThat(report.titleMismatches()).isEmpty();
        assertThat(report.textMismatches()).isEmpty();
    }

    @Test
    void theSitemapIndexListsEveryArticleExactlyOnceInFilesWithinTheProtocolsLimit() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document index = factory.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        org.w3c.dom.NodeList files = index.getElementsByTagName("loc");
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < files.getLength(); i++) {
            String loc = files.item(i).getTextContent();
            Path file = site.resolve(loc.substring(loc.indexOf("/kbarchive/") + "/kbarchive/".length()));
            org.w3c.dom.NodeList urls = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("loc");
            assertThat(urls.getLength()).as(loc).isLessThanOrEqualTo(50_000);
            for (int u = 0; u < urls.getLength(); u++) {
                seen.merge(urls.item(u).getTextContent(), 1, Integer::sum);
            }
        }
        long articles;
        try (Stream<Path> built = Files.walk(site.resolve("kb"))) {
            articles = built.filter(p -> p.getFileName().toString().equals("index.html")).count();
        }
        List<String> articleUrls = seen.keySet().stream().filter(u -> u.matches(".*/kb/\\d{3}/Q\\d+/")).toList();
        assertThat(articleUrls).hasSize((int) articles);
        assertThat(seen.values()).allMatch(n -> n == 1);
        System.out.printf("[kb] sitemap: %,d URLs in %d files, %,d articles%n", seen.size(), files.getLength(), articles);
    }

    @Test
    void everyFeedIsWellFormedAtom() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        List<Path> feeds;
        try (Stream<Path> files = Files.walk(site)) {
            feeds = files.filter(p -> p.getFileName().toString().equals("feed.xml")).toList();
        }
        assertThat(feeds).contains(site.resolve("feed.xml")).hasSizeGreaterThan(10);
        for (Path feed : feeds) {
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(feed.toFile());
            assertThat(doc.getDocumentElement().getNamespaceURI()).as(feed.toString()).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(doc.getElementsByTagName("entry").getLength()).as(feed.toString()).isPositive();
        }
    }
}
