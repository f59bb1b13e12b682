package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kb.TestSites;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds of small fixture sites, valid and invalid. */
class FixtureSiteTest {

    @TempDir
    Path tmp;

    private record Built(BuildResult result, Diagnostics diagnostics, Path site) {
        String page(String path) {
            return TestSites.read(site.resolve(path));
        }

        List<String> messages(Severity severity) {
            return diagnostics.sorted().stream().filter(d -> d.severity() == severity)
                    .map(Diagnostic::toString).toList();
        }
    }

    private Built build(String fixture, Optional<String> baseUrl) {
        Path source = TestSites.copy(fixture, tmp.resolve("src"));
        Path site = tmp.resolve("site");
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result = new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(source, site,
                tmp.resolve("index"), Optional.empty(), baseUrl), diagnostics);
        return new Built(result, diagnostics, site);
    }

    @Test
    void basicSiteHasJekyllUrlsAndSkipsSpecialAndExcludedFiles() {
        Built b = build("basic", Optional.empty());

        assertThat(b.messages(Severity.ERROR)).isEmpty();
        assertThat(b.site().resolve("index.html")).isRegularFile();
        assertThat(b.site().resolve("a/b.html")).isRegularFile();
        assertThat(b.site().resolve("guide/index.html")).isRegularFile();
        assertThat(b.site().resolve("about.html")).isRegularFile();
        assertThat(b.site().resolve("plain.html")).isRegularFile();
        assertThat(b.page("static.txt")).isEqualTo("copied verbatim {{ not liquid }}\n");
        assertThat(b.site().resolve("assets/logo.svg")).isRegularFile();
        assertThat(b.site().resolve("assets/kb.css")).as("theme asset").isRegularFile();
        assertThat(b.site().resolve("_layouts")).doesNotExist();
        assertThat(b.site().resolve("_drafts")).doesNotExist();
        assertThat(b.site().resolve("tmp")).doesNotExist();
        assertThat(b.site().resolve("scripts/run.sh")).doesNotExist();
        assertThat(b.site().resolve("_config.yml")).doesNotExist();
        assertThat(b.result().pages()).isEqualTo(5);
        assertThat(b.result().brokenLinks()).isZero();
    }

    @Test
    void liquidSubsetIsRenderedAndRawTextKept() {
        Built b = build("basic", Optional.empty());
        String home = b.page("index.html");

        assertThat(home).contains("<h1 id=\"welcome-to-fixture-site\">Welcome to Fixture Site</h1>");
        assertThat(home).contains("Hello from the config.");
        assertThat(home).doesNotContain("maintainers only");
        assertThat(home).contains("href=\"/docs/about.html\"");
        assertThat(home).as("root-relative links get the base URL").contains("href=\"/docs/a/b.html\"");
        assertThat(home).contains("{{ page.title }} and {% if x %}");
        assertThat(b.page("about.html")).contains("<p>About this site, served at /about.html.</p>");
    }

    @Test
    void titlesUseSeoTagFormAndDecodeEntities() {
        Built b = build("basic", Optional.empty());

        assertThat(b.page("a/b.html")).contains("<title>B &amp; C | Fixture Site</title>");
        assertThat(b.page("a/b.html")).contains("<h2 id=\"b--c--the-page\">");
        assertThat(b.page("a/b.html")).contains("<table>");
        assertThat(b.page("index.html")).contains("<title>Home | Fixture Site</title>");
        assertThat(b.page("plain.html")).as("no layout: content only").isEqualTo("<p>No layout: content only.</p>\n");
    }

    @Test
    void unknownLayoutAndTagAreWarningsWithPositions() {
        Built b = build("basic", Optional.empty());

        assertThat(b.messages(Severity.WARNING)).anySatisfy(m -> assertThat(m)
                .endsWith("guide/README.md:2:1: warning: layout 'nosuchlayout' has no template nosuchlayout.ftlh; using page.ftlh"));
        assertThat(b.messages(Severity.WARNING)).anySatisfy(m -> assertThat(m)
                .endsWith("guide/README.md:6:64: warning: unknown Liquid tag 'seo' (a plugin kb lacks?): it renders as nothing"));
        assertThat(b.page("guide/index.html")).contains("because READMEs index their folder.").doesNotContain("seo");
    }

    @Test
    void baseUrlOptionOverridesConfig() {
        Built b = build("basic", Optional.of("/other/"));

        assertThat(b.page("index.html")).contains("href=\"/other/about.html\"")
                .contains("href=\"/other/a/b.html\"")
                .contains("href=\"/other/assets/kb.css\"");
        assertThat(b.result().brokenLinks()).isZero();
    }

    @Test
    void badFrontMatterIsAnErrorAtItsLineAndTheRestStillBuilds() {
        Built b = build("invalid-front-matter", Optional.empty());

        assertThat(b.result().errors()).isEqualTo(2);
        assertThat(b.messages(Severity.ERROR)).satisfiesExactly(
                bad -> assertThat(bad).matches(".*bad\\.md:3:8: error: invalid YAML: while scanning a quoted scalar: found unexpected end of stream"),
                unclosed -> assertThat(unclosed).endsWith(
                        "unclosed.md:1:1: error: front matter starts with '---' but is never closed by a '---' line"));
        assertThat(b.site().resolve("good.html")).isRegularFile();
        assertThat(b.site().resolve("bad")).doesNotExist();
    }

    @Test
    void twoPagesClaimingOneUrlIsAnErrorNamingBoth() {
        Built b = build("duplicate-url", Optional.empty());

        assertThat(b.messages(Severity.ERROR)).singleElement().satisfies(m -> assertThat(m)
                .matches(".*two\\.md:3:1: error: URL '/same/' \\(same/index.html\\) is also claimed by .*one\\.md; this page is skipped"));
        assertThat(b.page("same/index.html")).contains("one");
    }

    @Test
    void templatesBesideTheSourceOverrideTheBuiltInOnes() {
        Path root = TestSites.copy("custom-templates", tmp.resolve("custom"));
        Diagnostics diagnostics = new Diagnostics();
        Path site = tmp.resolve("custom-site");
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(root.resolve("site"), site,
                tmp.resolve("custom-index"), Optional.empty(), Optional.empty()), diagnostics);

        String page = TestSites.read(site.resolve("index.html"));
        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(page).contains("<title>Custom page | CUSTOM</title>")
                .contains("<body class=\"custom\"><article class=\"page\">")
                .as("page.ftlh still comes from the built-in theme").contains("<p>Body text.</p>");
    }

    @Test
    void outputFolderHoldingTheSourceIsRefused() {
        Path source = TestSites.copy("basic", tmp.resolve("src"));
        BuildOptions options = new BuildOptions(source, tmp, tmp.resolve("index"), Optional.empty(), Optional.empty());

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                new SiteBuilder(BuildProgress.NONE).build(options, new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds the source folder");
        assertThat(Files.exists(source.resolve("index.md"))).isTrue();
    }
}
