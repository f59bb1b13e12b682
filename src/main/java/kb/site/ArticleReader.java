package kb.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import kb.config.ConfigLoader;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.extract.ArticleExtractor;
import kb.extract.ArticleLocator;
import kb.extract.ArticleSource;
import kb.extract.Extraction;
import kb.parse.ControlCharacters;
import kb.parse.FrontMatterParser;
import kb.parse.SourceText;
import kb.render.Theme;

/**
 * Reads the KB articles of a source tree without building it: plans the site as a build would
 * (so URLs, listing codes and IDs match), then extracts every article page, in parallel, handing
 * each to a consumer. Used by {@code kb stats} and {@code kb verify --source}.
 */
public final class ArticleReader {

    private final SourceReader reader = new SourceReader();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final ArticleExtractor extractor = new ArticleExtractor();

    /** What the reader found besides the articles. */
    public record Summary(int pages, int articlePages, SitePlan plan) {
    }

    /**
     * Extracts every article of the tree. {@code consumer} is called from several threads.
     *
     * @return how many pages and article pages there were
     */
    public Summary read(Path source, Diagnostics diagnostics, BiConsumer<PlannedPage, Extraction> consumer) {
        SiteConfig config = new ConfigLoader().load(source, diagnostics);
        Path nowhere = source.resolve(".kb-no-output");
        BuildOptions options = new BuildOptions(source, nowhere, nowhere.resolve("index"), Optional.empty(),
                Optional.empty());
        SitePlan plan = new SitePlanner().plan(options, config, Theme.locate(Optional.empty(), source),
                diagnostics, BuildProgress.NONE);
        int articles = extractAll(plan, diagnostics, consumer);
        return new Summary(plan.pages().size(), articles, plan);
    }

    /**
     * Extracts the article of every page of a plan that has one, in parallel.
     *
     * @return how many articles there were
     */
    public int extractAll(SitePlan plan, Diagnostics diagnostics, BiConsumer<PlannedPage, Extraction> consumer) {
        java.util.concurrent.atomic.AtomicInteger articles = new java.util.concurrent.atomic.AtomicInteger();
        try (PageGuard guard = new PageGuard()) {
            plan.pages().parallelStream().filter(PlannedPage::markdown).forEach(page ->
                    guard.run(page.source().displayName(), "reading this page", diagnostics,
                            () -> extract(page, plan, diagnostics)).ifPresent(extraction -> {
                                articles.incrementAndGet();
                                consumer.accept(page, extraction);
                            }));
        }
        return articles.get();
    }

    /** The article of one page, as a build extracts it (control characters replaced as in the page). */
    private Optional<Extraction> extract(PlannedPage page, SitePlan plan, Diagnostics diagnostics) {
        String file = page.source().displayName();
        String text = reader.read(page.source(), diagnostics);
        Optional<SourceText> split = frontMatter.split(text, file, diagnostics);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        String body = ControlCharacters.replace(split.get().body(), file, split.get().bodyLine(), diagnostics);
        Optional<ArticleLocator.Located> located = ArticleLocator.locate(body);
        return located.flatMap(l -> extractor.extract(new ArticleSource(file, split.get().bodyLine() + l.firstLine(),
                page.frontMatter().title().orElse(""), l.articleText(), page.frontMatter().values(),
                page.url(), plan.listedCodes().getOrDefault(page.url(), List.of())), diagnostics));
    }
}
