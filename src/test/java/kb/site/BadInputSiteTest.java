package kb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import kb.TestSites;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.search.IndexFields;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole builds of sites written to hurt (issue 17): every failure is a diagnostic of its page at
 * its file, line and column, the page is skipped (not written, not indexed) and the rest is
 * built; what every page depends on (the configuration, a template) stops the build before it
 * writes or deletes anything.
 */
class BadInputSiteTest {

    @TempDir
    Path tmp;

    private record Built(Diagnostics diagnostics, Path site, Path index) {
        List<String> messages(Severity severity) {
            return diagnostics.sorted().stream().filter(d -> d.severity() == severity).map(Diagnostic::toString)
                    .toList();
        }

        String page(String path) {
            return TestSites.read(site.resolve(path));
        }

        /** The URLs the search index holds. */
        Set<String> indexed() {
            Set<String> urls = new TreeSet<>();
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
                StoredFields fields = reader.storedFields();
                for (int i = 0; i < reader.maxDoc(); i++) {
                    urls.add(fields.document(i).get(IndexFields.URL));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return urls;
        }
    }

    private BuildOptions options(Path source) {
        return new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(), Optional.empty());
    }

    private Built build(Path source) {
        Diagnostics diagnostics = new Diagnostics();
        BuildOptions options = options(source);
        new SiteBuilder(BuildProgress.NONE).build(options, diagnostics);
        return new Built(diagnostics, options.dest(), options.index());
    }

    /** Every file below a folder, with its bytes' text, to compare a folder before and after. */
    private static Map<String, String> snapshot(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(f).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    // --- what every page depends on: the build stops before it writes ------------------------

    @Test
    void aBrokenConfigurationStopsTheBuildBeforeItWritesOrDeletesAnything() throws IOException {
        Path source = TestSites.copy("broken-config", tmp.resolve("src"));
        Path config = source.resolve("_config.yml");
        String broken = Files.readString(config);
        Files.writeString(config, "title: Broken KB\nbaseurl: /kb\nexclude: [drafts]\n");
        Built good = build(source);
        assertThat(good.messages(Severity.ERROR)).isEmpty();
        assertThat(good.site().resolve("drafts")).doesNotExist();
        Map<String, String> site = snapshot(good.site());
        Map<String, String> index = snapshot(good.index());

        Files.writeString(config, broken);
        Diagnostics diagnostics = new Diagnostics();
        // Before: the error was reported, the build went on with the defaults, and the excluded
        // drafts were published and indexed, the base URL lost.
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(options(source), diagnostics))
                .isInstanceOf(BuildStopped.class).hasMessage("the configuration has errors; nothing was built");

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.toString())
                .endsWith("/src/_config.yml:4:15: error: invalid YAML: mapping values are not allowed here"));
        assertThat(snapshot(good.site())).as("the last site, byte for byte").isEqualTo(site);
        assertThat(snapshot(good.index())).as("the last index, byte for byte").isEqualTo(index);
    }

    @Test
    void aConfigurationThatIsNotAMappingStopsTheBuild() {
        Path source = TestSites.copy("config-not-mapping", tmp.resolve("src"));
        Diagnostics diagnostics = new Diagnostics();

        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(options(source), diagnostics))
                .isInstanceOf(BuildStopped.class);

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.toString())
                .endsWith("/src/_config.yml:1:1: error: YAML must be a mapping of keys to values, found a list"));
        assertThat(tmp.resolve("site")).doesNotExist();
        assertThat(tmp.resolve("index")).doesNotExist();
    }

    @Test
    void aTemplateSyntaxErrorIsOneDiagnosticAtTheTemplateAndStopsTheBuild() {
        // Every page with that layout would fail, and the generated pages that use it: a user
        // editing a template wants the error and the last good site, not a site of skipped pages.
        // Before: the error twice, then "internal error ... UncheckedIOException" for every other
        // page, and the build died in the generated pages.
        Path root = TestSites.copy("template-syntax-error", tmp.resolve("fixture"));
        Diagnostics diagnostics = new Diagnostics();

        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(options(root.resolve("site")), diagnostics))
                .isInstanceOf(BuildStopped.class).hasMessage("a template has syntax errors; nothing was built");

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.toString())
                .endsWith("/fixture/templates/default.ftlh:3:54: error: template syntax error: Unexpected end of file "
                        + "reached. You have an unclosed #if. Check if the FreeMarker end-tags are present, and "
                        + "aren't malformed. (Note that FreeMarker end-tags must have # or @ after the / character.)"));
        assertThat(tmp.resolve("site")).doesNotExist();
    }

    // --- one page's failure: that page is skipped, the rest built ----------------------------

    @Test
    void aGeneratedPageWhoseTemplateFailsIsNotWritten() throws IOException {
        // Before: the search page was written as an empty file, and published.
        Path root = TestSites.copy("template-runtime-error", tmp.resolve("fixture"));
        Files.writeString(root.resolve("templates/search.ftlh"),
                "<!DOCTYPE html>\n<html><body>${page.missing.field}</body></html>\n");
        Built b = build(root.resolve("site"));

        assertThat(b.messages(Severity.ERROR)).anySatisfy(m -> assertThat(m).matches(
                ".*/fixture/templates/search\\.ftlh:2:15: error: template error while rendering search\\.ftlh: .*"));
        assertThat(b.site().resolve("search/index.html")).doesNotExist();
        assertThat(b.page("index.html")).contains("<html");
    }

    @Test
    void aTemplateErrorAtRenderTimeSkipsThePageInsteadOfPublishingAFragment() {
        // Before: bad.html was written as the bare content, without <html>.
        Path root = TestSites.copy("template-runtime-error", tmp.resolve("fixture"));
        Built b = build(root.resolve("site"));

        assertThat(b.messages(Severity.ERROR)).singleElement().satisfies(m -> assertThat(m).matches(
                ".*/fixture/templates/broken\\.ftlh:3:9: error: template error while rendering .*/fixture/site/bad\\.md: "
                        + "The following has evaluated to null or missing: page\\.sidebar"));
        assertThat(b.site().resolve("bad.html")).doesNotExist();
        assertThat(b.page("index.html")).contains("<html").contains("A page whose layout works.");
        assertThat(b.indexed()).contains("/").doesNotContain("/bad.html");
    }

    @Test
    void pagesWrittenToHurtAreSkippedEachWithItsOwnErrorAndTheRestIsBuilt() throws IOException {
        Path source = TestSites.copy("bad-pages", tmp.resolve("src"));
        // Too large to keep as fixture files: made here.
        Files.writeString(source.resolve("nested-list.md"), "---\ntitle: Nested list\n---\n\n" + indentedList(500, 2));
        Files.writeString(source.resolve("indented-list.md"), "---\ntitle: Indented list\n---\n\n" + indentedList(2_000, 2));
        Path article = source.resolve("kb/999/Q999001/README.md");
        Files.createDirectories(article.getParent());
        Files.writeString(article, deepListArticle(3_000));

        // Before: the first StackOverflowError (500 levels, 3,000 dashes) aborted the whole build,
        // its trace naming no file; the 2,000-level list alone took minutes.
        Built b = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> build(source));

        assertThat(b.messages(Severity.ERROR)).satisfiesExactly(
                e -> assertThat(e).endsWith("/src/control-title.md:2:15: error: invalid YAML: control character U+0007 "
                        + "(BEL) is not allowed"),
                e -> assertThat(e).endsWith("/src/deep-quotes.md:4:129: error: lists and block quotes nest more than 64 "
                        + "levels deep here; the page is skipped"),
                e -> assertThat(e).endsWith("/src/indented-list.md:69:129: error: lists and block quotes nest more than 64 "
                        + "levels deep here; the page is skipped"),
                e -> assertThat(e).endsWith("/src/inline-list.md:4:129: error: lists and block quotes nest more than 64 "
                        + "levels deep here; the page is skipped"),
                e -> assertThat(e).endsWith("/src/laughs.md:14:1: error: invalid YAML: aliases expand 'lol11' to more "
                        + "than 1,048,576 characters"),
                // Liqp measures its output as it joins the parts: a few output tags after the one that passed.
                e -> assertThat(e).endsWith("/src/liquid-bomb.md:114:1: error: Liquid output passes 16,777,216 "
                        + "characters here; the page is skipped"),
                e -> assertThat(e).endsWith("/src/nested-list.md:69:129: error: lists and block quotes nest more than 64 "
                        + "levels deep here; the page is skipped"),
                e -> assertThat(e).endsWith("/src/raw-unclosed.md:6:1: error: Liquid syntax error: '{% raw %}' is "
                        + "never closed by '{% endraw %}'"));
        assertThat(b.messages(Severity.WARNING)).satisfiesExactly(
                w -> assertThat(w).endsWith("/src/control-body.md:4:7: warning: control character U+0007 (BEL) "
                        + "replaced by '<07>'"),
                w -> assertThat(w).endsWith("/src/control-body.md:6:9: warning: control character U+007F (DELETE) "
                        + "replaced by '<7F>'"),
                w -> assertThat(w).endsWith("/src/kb/999/Q999001/README.md:53:1: warning: list nested more than 32 "
                        + "levels deep; its lines are kept as written"));

        // Built: the good page, the rule of 3,000 dashes, the control characters written out,
        // the article whose list is kept as written below 32 levels (item 32, on line 21 + 32).
        assertThat(b.page("good.html")).contains("A page with nothing wrong.");
        assertThat(b.page("dashes.html")).contains("<hr />").contains("After the rule.");
        assertThat(b.page("control-body.html")).contains("A bell&lt;07&gt; rings.")
                .contains("A delete&lt;7F&gt; and a C1 quote: don&lt;92&gt;t.").doesNotContain("\u0007");
        assertThat(b.page("kb/999/Q999001/index.html")).contains("item 2999");
        // Skipped: not written, not indexed. Before, raw-unclosed.html was published.
        for (String skipped : List.of("raw-unclosed", "control-title", "laughs", "liquid-bomb", "nested-list",
                "indented-list", "inline-list", "deep-quotes")) {
            assertThat(b.site().resolve(skipped + ".html")).as(skipped).doesNotExist();
        }
        assertThat(b.indexed()).contains("/good.html", "/dashes.html", "/control-body.html", "/kb/999/Q999001/")
                .noneMatch(url -> url.contains("raw-unclosed") || url.contains("liquid-bomb") || url.contains("list"));
    }

    @Test
    void aPageOfMoreThanSixteenMegabytesIsSkipped() throws IOException {
        Path source = tmp.resolve("src");
        Files.createDirectories(source);
        Files.writeString(source.resolve("small.txt"), "---\n---\nA small text page.\n");
        Files.writeString(source.resolve("big.txt"), "---\n---\n" + "x".repeat(RenderStage.MAX_PAGE_CHARS) + "\n");

        Built b = build(source);

        assertThat(b.messages(Severity.ERROR)).singleElement().satisfies(m -> assertThat(m).endsWith(
                "/src/big.txt:1:1: error: the page would be 16,777,217 characters, more than the 16,777,216 a page "
                        + "may have; the page is skipped"));
        assertThat(b.site().resolve("big.txt")).doesNotExist();
        assertThat(b.page("small.txt")).isEqualTo("A small text page.\n");
    }

    /** {@code levels} list items, each nested in the one before by {@code step} more spaces. */
    static String indentedList(int levels, int step) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            sb.append(" ".repeat(i * step)).append("- item ").append(i).append('\n');
        }
        return sb.toString();
    }

    /** A KB article page as the archive has them, with a list nested {@code levels} deep. */
    static String deepListArticle(int levels) {
        StringBuilder sb = new StringBuilder("""
                ---
                layout: page
                title: "Q999001: Deep List"
                permalink: /kb/999/Q999001/
                ---

                ## Q999001: Deep List

                {% raw %}

                \tArticle: Q999001
                \tProduct(s): Contoso Widget Server
                \tVersion(s): 2.0
                \tOperating System(s):\s
                \tKeyword(s): kbwidget
                \tLast Modified: 13-MAY-2002
                \t
                \tSYMPTOMS
                \t========
                \t
                """);
        for (int i = 0; i < levels; i++) {
            sb.append('\t').append(" ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return sb.append("\n{% endraw %}\n").toString();
    }
}
