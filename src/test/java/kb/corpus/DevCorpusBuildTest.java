package kb.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kb.build.BuildOptions;
import kb.build.BuildProgress;
import kb.build.BuildResult;
import kb.build.SiteBuilder;
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
        VerifyReport report = new SiteVerifier("#main_content", List.of()).verifySources(site, DevCorpus.sources());
        assertThat(report.articles()).isGreaterThan(30_000);
        assertThat(report.missing()).isEmpty();
        assertThat(report.textMismatches()).isEmpty();
    }

    @Test
    void statsShowTheFieldsOfNearlyEveryArticle() {
        kb.stats.StatsReport stats = new kb.stats.KbStats().measure(DevCorpus.sources());
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
                .verify(site, DevCorpus.reference());
        assertThat(report.pagesChecked()).isGreaterThan(3_000);
        assertThat(report.articles()).isEqualTo(report.pagesChecked());
        assertThat(report.missing()).isEmpty();
        assertThat(report.titleMismatches()).isEmpty();
        assertThat(report.textMismatches()).isEmpty();
    }
}
