package kb.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Dimension;
import kb.catalog.Listing;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.outputs.BrowsePages;
import kb.outputs.Feeds;
import kb.outputs.GeneratedFile;
import kb.outputs.ListingSort;
import kb.outputs.RedirectPages;
import kb.outputs.ShortLinkFiles;
import kb.outputs.Sitemaps;
import kb.render.LayoutRenderer;

/**
 * The pages and files the build generates from the catalog rather than from sources: the browse
 * hub and listings (and the home page when the source tree has none), feeds, the sitemap index
 * and robots.txt, the short-link files, and jekyll-redirect-from's pages. A file the source tree
 * has itself wins: it is not overwritten.
 */
final class GeneratedOutputs {

    private final SitePlan plan;
    private final SiteConfig config;
    private final BrowsePages browse;
    private final Catalog catalog;

    GeneratedOutputs(SitePlan plan, Catalog catalog, SiteConfig config, LayoutRenderer layouts, Map<String, Object> site) {
        this.plan = plan;
        this.catalog = catalog;
        this.config = config;
        this.browse = new BrowsePages(catalog, config, layouts, site);
    }

    /**
     * The output paths {@link #write} will write (unless the source tree has a file of the same
     * name, which then exists anyway): the link check settles links to them as pages are written.
     */
    Set<String> outputs() {
        Set<String> out = new HashSet<>(browse.outputs());
        if (!hasHome()) {
            out.add("index.html");
        }
        out.add(Feeds.SITE_FEED_URL.substring(1));
        catalog.listings(Dimension.PRODUCT).forEach(l -> out.add(Feeds.productFeedUrl(l).substring(1)));
        out.add(Sitemaps.INDEX);
        out.add("robots.txt");
        out.add(ShortLinkFiles.REDIRECTS);
        out.add(ShortLinkFiles.NGINX);
        return out;
    }

    /**
     * Writes everything through {@code sink} (which must be thread-safe: listings render in
     * parallel), skipping paths in {@code taken}, which it extends with what it writes.
     *
     * @return how many files it wrote
     */
    int write(Set<String> taken, Diagnostics diagnostics, GeneratedFile.Sink sink) {
        Once once = new Once(taken, sink);
        browse.write(!hasHome(), diagnostics, once);
        new Feeds(catalog, config).files().forEach(once);
        Sitemaps sitemaps = new Sitemaps(config);
        sitemaps.files(sitemapEntries()).forEach(once);
        once.accept(sitemaps.robots());
        // Made again only when an article's ID or URL changed (an edit of its text changes neither).
        ShortLinkFiles links = new ShortLinkFiles(catalog, config);
        long shortLinks = links.inputs();
        if (!once.keep(ShortLinkFiles.REDIRECTS, shortLinks) || !once.keep(ShortLinkFiles.NGINX, shortLinks)) {
            links.files().forEach(once);
        }
        redirects(path -> taken.contains(path) || once.claimed.contains(path), diagnostics, once);
        taken.addAll(once.claimed);
        return once.made.size();
    }

    /**
     * Writes through {@code sink} only the files that show one of the articles {@code ids}
     * (listing pages, feeds, the hub: see {@link BrowsePages#writeShowing}), skipping paths in
     * {@code taken}. For a build in which nothing but those articles' summaries changed: every
     * other generated file is then as the last build made it.
     *
     * @return the paths it wrote (or kept)
     */
    Set<String> writeShowing(Set<String> ids, Set<String> taken, Diagnostics diagnostics, GeneratedFile.Sink sink) {
        Once once = new Once(taken, sink);
        browse.writeShowing(ids, !hasHome(), diagnostics, once);
        new Feeds(catalog, config).filesShowing(ids).forEach(once);
        return Set.copyOf(once.made);
    }

    /**
     * Makes what {@link #writeShowing} reads of {@code catalog} for any article, ahead of an
     * edit's build (see {@link BrowsePages#prepare}).
     */
    static void prepare(Catalog catalog) {
        BrowsePages.prepare(catalog);
        Feeds.prepare(catalog);
    }

    /** A sink that passes each path on once, and none of those taken by the source tree's own files. */
    private static final class Once implements GeneratedFile.Sink {

        private final Set<String> taken;
        private final GeneratedFile.Sink sink;
        /**
         * The paths passed on or kept (those taken are not copied in: the source tree's 61,000
         * outputs, for each of an edit's builds).
         */
        final Set<String> claimed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** The paths passed on (written or kept). */
        final Set<String> made = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Once(Set<String> taken, GeneratedFile.Sink sink) {
            this.taken = taken;
            this.sink = sink;
        }

        @Override
        public void accept(GeneratedFile file) {
            if (!taken.contains(file.path()) && claimed.add(file.path())) {
                sink.accept(file);
                made.add(file.path());
            }
        }

        @Override
        public boolean keep(String path, long inputs) {
            if (taken.contains(path) || !sink.keep(path, inputs)) {
                return false;
            }
            claimed.add(path);
            made.add(path);
            return true;
        }
    }

    private boolean hasHome() {
        return plan.pages().stream().anyMatch(p -> p.url().equals("/") || p.outputPath().equals("index.html"));
    }

    /** Every HTML page of the source tree, then the hub and every listing page in ID order. */
    private List<Sitemaps.Entry> sitemapEntries() {
        List<Sitemaps.Entry> entries = new ArrayList<>();
        for (PlannedPage page : plan.pages()) {
            if (page.outputPath().endsWith(".html") && !page.outputPath().equals("404.html")) {
                String date = SitePlanner.articleId(page).flatMap(catalog::article)
                        .filter(e -> e.url().equals(page.url())).map(CatalogEntry::lastModified).orElse("");
                entries.add(new Sitemaps.Entry(page.url(), date));
            }
        }
        if (!hasHome()) {
            entries.add(new Sitemaps.Entry("/", ""));
        }
        entries.add(new Sitemaps.Entry(BrowsePages.HUB_URL, ""));
        for (Listing listing : catalog.allListings()) {
            for (int n = 1; n <= BrowsePages.pageCount(listing); n++) {
                entries.add(new Sitemaps.Entry(BrowsePages.url(listing, ListingSort.ID, n), ""));
            }
        }
        return entries;
    }

    /** Where the front matter names {@code from} (after its {@code redirect_from:} key), else the file. */
    private static SourcePosition position(PlannedPage page, String from) {
        String file = page.source().displayName();
        try {
            String text = java.nio.file.Files.readString(page.source().path());
            int key = text.indexOf("redirect_from");
            int at = key < 0 ? -1 : text.indexOf(from, key);
            return at < 0 ? SourcePosition.of(file) : SourcePosition.at(file, text, at, 1);
        } catch (java.io.IOException e) {
            return SourcePosition.of(file);
        }
    }

    /** jekyll-redirect-from: a small page at every path a page's {@code redirect_from} names. */
    private void redirects(java.util.function.Predicate<String> claimed, Diagnostics diagnostics, Consumer<GeneratedFile> sink) {
        RedirectPages pages = new RedirectPages(config);
        for (PlannedPage page : plan.pages()) {
            for (String from : RedirectPages.paths(page.frontMatter().values().get("redirect_from"))) {
                Optional<String> path = RedirectPages.outputPath(from);
                if (path.isEmpty()) {
                    diagnostics.warning(position(page, from), "redirect_from '" + from + "' leads outside the output folder; skipped");
                } else if (claimed.test(path.get())) {
                    diagnostics.warning(position(page, from), "redirect_from '" + from + "' names " + path.get()
                            + ", which another page or file already has; skipped");
                } else {
                    sink.accept(pages.page(path.get(), page.url()));
                }
            }
        }
    }
}
