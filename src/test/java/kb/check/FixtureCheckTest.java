package kb.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kb.TestSites;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture sites built by kb, then checked: the valid one has nothing broken, the others the given file:line. */
class FixtureCheckTest {

    @TempDir
    Path tmp;

    private record Checked(CheckReport report, List<String> messages, Path site) {
    }

    /** Builds the fixture (its {@code site/} folder when it has one) and checks what was written. */
    private Checked buildAndCheck(String fixture, String sourceFolder) {
        Path root = TestSites.copy(fixture, tmp.resolve(fixture));
        Path source = root.resolve(sourceFolder);
        Path site = tmp.resolve("out");
        Diagnostics build = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(source, site, tmp.resolve("index"),
                Optional.empty(), Optional.empty()), build);
        assertThat(build.sorted()).as("the build itself").filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
        Diagnostics diagnostics = new Diagnostics();
        CheckReport report = new SiteChecker().check(site, Severity.WARNING, diagnostics);
        return new Checked(report, diagnostics.sorted().stream().map(Diagnostic::toString).toList(), site);
    }

    private Checked buildAndCheck(String fixture) {
        return buildAndCheck(fixture, ".");
    }

    @Test
    void validSiteHasNothingBroken() {
        Checked c = buildAndCheck("check-valid");

        assertThat(c.messages()).isEmpty();
        assertThat(c.report().broken()).isZero();
        assertThat(c.site().resolve("browse/index.html")).as("a generated page").isRegularFile();
        assertThat(c.report().pages()).as("3 pages, 2 articles, search, 404 and the generated pages")
                .isGreaterThan(7);
        assertThat(c.report().anchors()).isGreaterThanOrEqualTo(6);
        assertThat(c.report().external()).containsEntry("https://example.org/page", 1)
                .containsEntry("mailto:support@example.com", 1)
                .doesNotContainKey("tel:+1-555-0100");
    }

    @Test
    void citationOfAnArticleNotInTheSiteIsPlainTextNotABrokenLink() {
        Checked c = buildAndCheck("check-valid");
        String page = TestSites.read(c.site().resolve("kb/900/Q900001/index.html"));

        assertThat(page).contains("href=\"/kb/kb/900/Q900002/\"").contains("Q999999").doesNotContain("Q999999/");
        assertThat(c.report().broken()).isZero();
    }

    @Test
    void brokenPageLinksAreReportedAtTheirSourceLine() {
        Checked c = buildAndCheck("check-broken-links");

        assertThat(c.messages()).satisfiesExactly(
                m -> assertThat(m).endsWith("check-broken-links/index.md:8:48: warning: broken link 'missing/': no page or file at /missing/"),
                m -> assertThat(m).endsWith("check-broken-links/index.md:10:25: warning: broken link '/search/page/2/': no page or file at /search/page/2/"),
                m -> assertThat(m).endsWith("check-broken-links/notes/README.md:8:16: warning: broken link '../old.html': no page or file at /old.html"),
                m -> assertThat(m).endsWith("check-broken-links/notes/README.md:10:20: warning: broken link '../old.html': no page or file at /old.html"));
        assertThat(c.report().brokenLinks()).isEqualTo(4);
        assertThat(c.report().brokenAnchors()).isZero();
    }

    @Test
    void brokenAnchorsOnOtherPagesOnTheSamePageAndOnAGeneratedPage() {
        Checked c = buildAndCheck("check-broken-anchors");

        assertThat(c.messages()).satisfiesExactly(
                m -> assertThat(m).endsWith("check-broken-anchors/index.md:8:21: warning: broken anchor 'guide/#setup': no id 'setup' on /base/guide/"),
                m -> assertThat(m).endsWith("check-broken-anchors/index.md:10:19: warning: broken anchor '#start': no id 'start' on this page"),
                m -> assertThat(m).endsWith("check-broken-anchors/index.md:10:55: warning: broken anchor '/base/search/#no-such-part': no id 'no-such-part' on /base/search/"));
        assertThat(c.report().brokenAnchors()).isEqualTo(3);
        assertThat(c.report().brokenLinks()).isZero();
    }

    @Test
    void aLinkTheLayoutWroteIsReportedOnceAtTheOutputNamingTheTemplates() {
        Checked c = buildAndCheck("check-template", "site");

        assertThat(c.messages()).singleElement().satisfies(m -> assertThat(m).matches(
                ".*out/[a-z0-9/.-]+\\.html:4:36: warning: broken link '/help/': no page or file at /help/ "
                        + "\\(written by the templates [^;]*page\\.ftlh[^;]*; also on \\d+ other pages\\)"));
        assertThat(c.report().brokenLinks()).as("index, other, search and the generated pages").isGreaterThan(3);
    }

    @Test
    void aSiteWithoutAManifestIsCheckedAtTheOutputFiles() throws Exception {
        Path site = tmp.resolve("plain");
        java.nio.file.Files.createDirectories(site.resolve("a"));
        java.nio.file.Files.writeString(site.resolve("index.html"), "<a href=\"a/\">a</a>\n<a href=\"b/\">b</a>");
        java.nio.file.Files.writeString(site.resolve("a/index.html"), "<h1 id=\"t\">A</h1><a href=\"../#t\">up</a>");
        Diagnostics diagnostics = new Diagnostics();

        CheckReport report = new SiteChecker().check(site, Severity.ERROR, diagnostics);

        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).satisfiesExactly(
                m -> assertThat(m).endsWith("plain/a/index.html:1:27: error: broken anchor '../#t': no id 't' on /"),
                m -> assertThat(m).endsWith("plain/index.html:2:10: error: broken link 'b/': no page or file at /b/"));
        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.internalLinks()).isEqualTo(3);
    }
}
