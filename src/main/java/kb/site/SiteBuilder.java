package kb.site;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.ProductNames;
import kb.check.CheckReport;
import kb.check.SiteChecker;
import kb.check.SourceManifest;
import kb.config.ConfigLoader;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.diag.SourcePosition;
import kb.html.BaseUrlLinks;
import kb.model.Article;
import kb.html.ContentPostProcessor;
import kb.parse.MarkdownRenderer;
import kb.outputs.ArticleNavigation;
import kb.outputs.BrowsePages;
import kb.render.LayoutRenderer;
import kb.render.Theme;
import kb.render.ArticleJson;
import kb.search.IndexDocuments;
import kb.search.RelatedArticles;
import kb.search.SearchIndexer;
import org.apache.lucene.index.DirectoryReader;

/**
 * Builds a site and its search index from a Jekyll source tree:
 * configure, plan (scan, front matter, URLs), copy static files, render pages (Liquid, Markdown,
 * post-processing, layouts), check links, and index, pages in parallel.
 */
public final class SiteBuilder {

    private final BuildProgress progress;

    public SiteBuilder(BuildProgress progress) {
        this.progress = progress;
    }

    /** Runs a build; problems in the input are reported to {@code diagnostics}, not thrown. */
    public BuildResult build(BuildOptions options, Diagnostics diagnostics) {
        long start = System.nanoTime();
        requireSeparateFolders(options);
        SiteConfig loaded = new ConfigLoader().load(options.source(), diagnostics);
        SiteConfig config = options.baseUrl().map(loaded::withBaseurl).orElse(loaded);
        Theme theme = Theme.locate(options.templates(), options.source());

        Map<String, Double> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        SitePlan plan = new SitePlanner().plan(options, config, theme, diagnostics, progress);
        t = lap(timings, "plan", t);

        OutputFolder site = new OutputFolder(options.dest());
        site.prepare();
        plan.copies().forEach((to, from) -> site.copy(from, to));

        Queue<SearchAssets.Entry> searchEntries = new ConcurrentLinkedQueue<>();
        Queue<CatalogEntry> catalogEntries = new ConcurrentLinkedQueue<>();
        ProductNames productNames = new ProductNames(listingTitles(plan));
        AtomicInteger written = new AtomicInteger();
        IndexDocuments documents = new IndexDocuments();
        LayoutRenderer layouts = new LayoutRenderer(theme, config);
        ArticleJson json = new ArticleJson();

        // One thread more than there are cores: page writes wait on the disk now and then.
        Catalog catalog;
        GeneratedOutputs generated;
        Set<String> keep = java.util.concurrent.ConcurrentHashMap.newKeySet();
        keep.addAll(plan.outputs());
        AtomicInteger generatedCount = new AtomicInteger();
        // Files known to be written, so that the link check settles most links as pages are written.
        Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
        known.addAll(keep);
        known.addAll(SearchAssets.OUTPUTS);
        SiteChecker.Session links = SiteChecker.Session.of(config.baseurl(), config.url(), known);
        ForkJoinPool renderPool = new ForkJoinPool(Runtime.getRuntime().availableProcessors() + 1);
        try (SearchIndexer indexer = new SearchIndexer(options.index())) {
            // Articles go into the index first, so that each page can list its related articles.
            // The page of each article extracts it again (the same diagnostics are reported once):
            // keeping 30,000 extracted articles between the two phases costs gigabytes, extracting twice seconds.
            renderPool.submit(() -> new ArticleReader().extractAll(plan, diagnostics, (page, extraction) -> {
                Article article = extraction.article();
                indexer.add(documents.article(article, page.url(), json.toJson(article,
                        id -> Optional.ofNullable(plan.articleUrls().get(id)).map(config::relativeUrl))));
                searchEntries.add(new SearchAssets.Entry(article.id(), article.title(), page.url()));
                catalogEntries.add(CatalogEntry.of(article, page.url(), productNames));
            })).join();
            t = lap(timings, "index", t);
            catalog = new Catalog(catalogEntries);
            generated = new GeneratedOutputs(plan, catalog, config, layouts, siteVariables(config));
            known.addAll(generated.outputs());
            DirectoryReader reader = indexer.openReader();
            RelatedArticles related = new RelatedArticles(reader);
            PageProcessor processor = new PageProcessor(config, siteVariables(config),
                    new MarkdownRenderer(),
                    new ContentPostProcessor(List.of(new BaseUrlLinks(config.baseurl()))),
                    layouts, plan, article -> related.to(article, RELATED), new ArticleNavigation(catalog, config));
            progress.started("Rendering", plan.pages().size());
            renderPool.submit(() -> plan.pages().parallelStream().forEach(page -> {
                try {
                    processor.render(page, diagnostics).ifPresent(rendered -> {
                        site.write(page.outputPath(), rendered.html());
                        if (page.outputPath().endsWith(".html")) {
                            links.page(page.outputPath(), rendered.html());
                        }
                        if (rendered.article().isEmpty() && page.outputPath().endsWith(".html")) {
                            indexer.add(documents.page(page.url(), rendered.title(), rendered.text()));
                        }
                        written.incrementAndGet();
                    });
                } catch (RuntimeException e) {
                    // A bug must not cost the other pages: report it against this page and go on.
                    diagnostics.error(SourcePosition.of(page.source().displayName()),
                            "internal error while building this page: " + e);
                }
                progress.advanced();
            })).join();
            progress.finished();
            t = lap(timings, "render", t);
            GeneratedOutputs toWrite = generated;
            renderPool.submit(() -> generatedCount.set(toWrite.write(keep, diagnostics,
                    file -> {
                        site.write(file.path(), file.content());
                        if (file.path().endsWith(".html")) {
                            links.page(file.path(), file.content());
                        }
                    }))).join();
            t = lap(timings, "navigation", t);
            closeQuietly(reader);
        } finally {
            renderPool.shutdown();
        }
        t = lap(timings, "commit", t);
        writeSearchFiles(config, layouts, List.copyOf(searchEntries), site, keep, links, diagnostics);
        SourceManifest manifest = writeSourceManifest(options, config, plan, keep);
        site.prune(keep);
        t = lap(timings, "prune", t);
        // kb check on what was written: the pages were scanned as they were written, not read back.
        CheckReport check = links.finish(options.dest().toAbsolutePath().normalize(), Set.copyOf(keep), manifest,
                options.strict() ? Severity.ERROR : Severity.WARNING, diagnostics, t);
        lap(timings, "check", t);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BuildResult(written.get(), generatedCount.get(), plan.copies().size(), check.broken(),
                catalog.citationsOutside(), diagnostics.warningCount(), diagnostics.errorCount(), seconds, timings);
    }

    /**
     * The search page, the static search index, the OpenSearch description, the site facts for
     * {@code kb serve}, the ID index of short links and the 404 page through the theme, unless the
     * site has these itself (the site's own file wins).
     */
    private static void writeSearchFiles(SiteConfig config, LayoutRenderer layouts, List<SearchAssets.Entry> entries,
            OutputFolder site, Set<String> keep, SiteChecker.Session links, Diagnostics diagnostics) {
        SearchAssets search = new SearchAssets(config);
        List<SearchAssets.Entry> sorted = new java.util.ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(SearchAssets.Entry::url));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SearchAssets.STATIC_INDEX, search.staticIndexJson(sorted));
        files.put(SearchAssets.OPENSEARCH, search.openSearchXml());
        files.put(SearchAssets.SITE_JSON, search.siteJson());
        files.put(SearchAssets.SEARCH_PAGE, layouts.render(Optional.of(SearchAssets.SEARCH_TEMPLATE),
                siteVariables(config), search.searchPageVariables(), "", SourcePosition.of("search.ftlh"), diagnostics));
        files.put(SearchAssets.ID_INDEX, new ArticleIdIndex(config).json(sorted));
        files.put(SearchAssets.NOT_FOUND_PAGE, layouts.render(Optional.of(SearchAssets.NOT_FOUND_TEMPLATE),
                siteVariables(config), search.notFoundPageVariables(), "", SourcePosition.of("404.ftlh"), diagnostics));
        files.forEach((path, text) -> {
            if (keep.add(path)) {
                site.write(path, text);
                if (path.endsWith(".html")) {
                    links.page(path, text);
                }
            }
        });
    }

    /** The title of each product code's listing page, by code. */
    private static Map<String, String> listingTitles(SitePlan plan) {
        Map<String, String> urls = new java.util.HashMap<>();
        plan.listings().forEach((code, url) -> urls.put(url, code));
        Map<String, String> titles = new java.util.HashMap<>();
        for (PlannedPage page : plan.pages()) {
            String code = urls.get(page.url());
            if (code != null) {
                page.frontMatter().title().ifPresent(t -> titles.put(code, t));
            }
        }
        return titles;
    }

    /** How many related articles an article page lists. */
    private static final int RELATED = 5;

    private static void closeQuietly(DirectoryReader reader) {
        try {
            reader.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot close the index reader", e);
        }
    }

    private static long lap(Map<String, Double> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, (now - since) / 1e9);
        return now;
    }

    /**
     * The source of every page, for {@code kb check} to name the file and line of a broken link
     * (generated pages name their template).
     */
    private static SourceManifest writeSourceManifest(BuildOptions options, SiteConfig config, SitePlan plan, Set<String> keep) {
        Map<String, SourceManifest.Origin> origins = new LinkedHashMap<>();
        for (PlannedPage page : plan.pages()) {
            origins.put(page.outputPath(), SourceManifest.Origin.page(page.source().relativePath(),
                    page.frontMatter().layout().orElse(LayoutRenderer.FALLBACK_LAYOUT)));
        }
        for (String path : keep) {
            if (path.endsWith(".html") && !origins.containsKey(path)) {
                origins.put(path, SourceManifest.Origin.generated(generatedTemplate(path)));
            }
        }
        SourceManifest manifest = SourceManifest.of(config.baseurl(), config.url(), options.source(), options.dest(), origins);
        manifest.write(options.dest());
        keep.add(SourceManifest.FILE);
        return manifest;
    }

    /** The template a generated page comes from, for kb check's messages (GeneratedFile does not say). */
    private static String generatedTemplate(String path) {
        if (path.equals(SearchAssets.SEARCH_PAGE)) {
            return SearchAssets.SEARCH_TEMPLATE + ".ftlh";
        }
        if (path.equals("index.html") || path.equals(BrowsePages.HUB_URL.substring(1) + "index.html")) {
            return "browse.ftlh";
        }
        if (path.startsWith(BrowsePages.HUB_URL.substring(1))) {
            return "listing.ftlh";
        }
        return path.equals("404.html") ? "404.ftlh" : "redirect page (built in)";
    }

    /** {@code site.*} for Liquid and templates: every configuration key, typed keys normalised. */
    private static Map<String, Object> siteVariables(SiteConfig config) {
        Map<String, Object> site = new LinkedHashMap<>(config.values());
        site.put("title", config.title());
        site.put("description", config.description());
        site.put("url", config.url());
        site.put("baseurl", config.baseurl());
        site.put("time", java.time.OffsetDateTime.now().withNano(0).toString());
        return Map.copyOf(site);
    }

    /** The output folders must not hold the source, or clearing them would delete it. */
    private static void requireSeparateFolders(BuildOptions options) {
        Path source = options.source().toAbsolutePath().normalize();
        for (Path out : Set.of(options.dest(), options.index())) {
            Path o = out.toAbsolutePath().normalize();
            if (source.startsWith(o)) {
                throw new IllegalArgumentException("the output folder " + out
                        + " holds the source folder " + options.source() + "; choose another");
            }
        }
        if (options.dest().toAbsolutePath().normalize().equals(options.index().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--dest and --index must be different folders");
        }
    }
}
