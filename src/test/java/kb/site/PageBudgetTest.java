package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kb.catalog.Catalog;
import kb.catalog.ProductNames;
import kb.check.SiteChecker;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.search.SearchIndexer;
import kb.state.BuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-page time budget of the extract and render stages: a page over it is reported and
 * skipped, and the stage does not wait for it. (The budget is 30 s in a build; here it is zero,
 * which every page overruns.)
 */
class PageBudgetTest {

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();
    private Setup setup;
    private SitePlan plan;
    private PageProcessor processor;

    @BeforeEach
    void plan() throws IOException {
        Path source = tmp.resolve("src");
        Files.createDirectories(source);
        Files.writeString(source.resolve("a.md"), "---\ntitle: A\n---\nPage a.\n");
        Files.writeString(source.resolve("b.md"), "---\ntitle: B\n---\nPage b.\n");
        BuildOptions options = new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(),
                Optional.empty());
        setup = Setup.load(options, diagnostics);
        plan = new SitePlanner().plan(options, setup.config(), setup.theme(), BuildState.empty(), null, diagnostics,
                BuildProgress.NONE);
        processor = PageProcessor.forBuild(setup, plan, diagnostics);
    }

    private ExtractStage.Extracted extract(SearchIndexer index, Duration budget) {
        return new ExtractStage(processor, plan, BuildState.empty(), index, new ProductNames(Map.of()), 0L, budget)
                .run(diagnostics, BuildProgress.NONE);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aPageReadPastItsBudgetIsSkipped() {
        ExtractStage.Extracted extracted;
        try (SearchIndexer index = new SearchIndexer(tmp.resolve("index"), true)) {
            extracted = extract(index, Duration.ZERO);
        }

        assertThat(extracted.extractionKeys()).isEmpty();
        assertThat(messages()).hasSize(2).allSatisfy(m -> assertThat(m)
                .matches(".*/src/[ab]\\.md:1:1: error: reading this page took longer than 0 s; the page is skipped"));
    }

    @Test
    void aPageFinishedPastItsBudgetIsNotWritten() {
        Path site = tmp.resolve("site");
        RenderStage.Rendered rendered;
        try (SearchIndexer index = new SearchIndexer(tmp.resolve("index"), true)) {
            ExtractStage.Extracted extracted = extract(index, PageGuard.BUDGET);
            assertThat(extracted.extractionKeys()).hasSize(2);
            OutputFolder folder = new OutputFolder(site);
            folder.prepare();
            OutputWriter out = new OutputWriter(folder, tmp.resolve("live"), BuildState.empty(), Map.of(),
                    SiteChecker.Session.of("", "", Set.copyOf(plan.outputs())));
            rendered = new RenderStage(setup, plan, BuildState.empty(), extracted,
                    new ArticleFinisher(setup.config(), new Catalog(List.of()), Map.of(), processor), processor, out,
                    id -> false, Duration.ZERO).run(diagnostics, BuildProgress.NONE);
        }

        assertThat(rendered.pages()).isEmpty();
        assertThat(site.resolve("a.html")).doesNotExist();
        assertThat(site.resolve("b.html")).doesNotExist();
        assertThat(messages()).hasSize(2).allSatisfy(m -> assertThat(m)
                .matches(".*/src/[ab]\\.md:1:1: error: building this page took longer than 0 s; the page is skipped"));
    }
}
