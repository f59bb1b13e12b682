package kb.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kb.catalog.CatalogEntry;
import kb.catalog.ProductNames;
import kb.diag.Diagnostics;
import kb.model.Article;
import kb.search.IndexDocuments;
import kb.search.SearchIndexer;
import kb.source.EntryFilter;
import kb.source.SourceFile;
import kb.state.BuildState;
import kb.state.PageRecord;
import kb.state.SourceRecord;
import org.apache.lucene.document.Document;

/**
 * The pages of edited articles made at once from the last build's site, for {@code kb serve
 * --watch} to show (and search) before the build that brings the rest of the site up to date:
 * each edited article is read, its page finished with the last build's catalog, related lists and
 * theme, and its search document made. What the edit changes elsewhere (listings, citing pages,
 * related lists) waits for that build, which makes the article's page again too.
 *
 * <p>Only plain text edits are previewed: every path changed must be the source of an article page
 * of the last build, with the same front matter (so the same URL, title and layout), read without
 * an error, and of the same article ID; and the site's pages must not read each other (no Jekyll
 * site model). Anything else — a new or deleted file, a template, {@code _config.yml}, a front
 * matter change, more than {@link #MAX_PAGES} files — is left to the build.
 */
final class SitePreview {

    /** The most files one preview reads: a checkout or a search-and-replace goes to the build at once. */
    static final int MAX_PAGES = 20;
    /**
     * How long reading or finishing one page may take in a preview: a page that takes longer is
     * left to the build (whose budget is {@link PageGuard#BUDGET}), which is not held up long.
     */
    static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(2);
    /**
     * The search document a preview leaves in the record of a page it showed: no page has it, so
     * the next build makes the page and its document again, however its source changed meanwhile.
     */
    private static final long PREVIEWED = 0x7072_6576_6965_7721L;

    private final Setup setup;
    private final SitePlan plan;
    private final ArticleFinisher articles;
    private final PageProcessor processor;
    private final ProductNames productNames;
    private final Map<String, PlannedPage> bySource = new HashMap<>();
    /** The sources of the article pages, the only pages a preview makes. */
    private final Set<String> articleSources = new java.util.HashSet<>();
    private final IndexDocuments documents = new IndexDocuments();
    private final EntryFilter filter;

    /**
     * The last build's site: its setup and plan, what finished its article pages, and their
     * output paths ({@code articlePages}).
     */
    SitePreview(Setup setup, SitePlan plan, ArticleFinisher articles, PageProcessor processor,
            ProductNames productNames, Set<String> articlePages) {
        this.setup = setup;
        this.plan = plan;
        this.articles = articles;
        this.processor = processor;
        this.productNames = productNames;
        plan.pages().forEach(p -> {
            bySource.put(p.source().relativePath(), p);
            if (articlePages.contains(p.outputPath())) {
                articleSources.add(p.source().relativePath());
            }
        });
        this.filter = SitePlanner.filter(setup.config(), setup.jekyll());
    }

    /**
     * One previewed page.
     *
     * @param outputPath where the build writes it, below the output folder
     * @param html       the page
     * @param document   its search document
     */
    record Page(String outputPath, String url, String html, Document document) {
    }

    /** Whether this is the site of a build with these options. */
    boolean of(BuildOptions options) {
        return setup.options().equals(options);
    }

    /**
     * Whether {@code path} is the source of an article page of this site, the pages a preview
     * makes (a cheap test: no file is read).
     */
    boolean hasArticle(Path path) {
        Path root = setup.options().source().toAbsolutePath().normalize();
        Path file = path.toAbsolutePath().normalize();
        return file.startsWith(root) && articleSources.contains(root.relativize(file).toString().replace('\\', '/'));
    }

    /**
     * The pages of the articles edited at {@code changed}, by output path; empty when the changes
     * are not all text edits of articles that {@code state} (the last build's) knows, or reading one
     * finds an error. What reading them finds goes to {@code diagnostics}.
     */
    Optional<Map<String, Page>> pages(Set<Path> changed, BuildState state, Diagnostics diagnostics) {
        if (changed.isEmpty() || changed.size() > MAX_PAGES || plan.siteKey() != 0) {
            return Optional.empty();
        }
        Path root = setup.options().source().toAbsolutePath().normalize();
        Map<String, Page> pages = new LinkedHashMap<>();
        try (PageGuard guard = new PageGuard(BUDGET)) {
            for (Path path : changed) {
                Path file = path.toAbsolutePath().normalize();
                if (!file.startsWith(root)) {
                    return Optional.empty();
                }
                String rel = root.relativize(file).toString().replace('\\', '/');
                PlannedPage planned = bySource.get(rel);
                if (planned == null && ignorable(rel, file)) {
                    continue;
                }
                Optional<Page> page = planned == null ? Optional.empty()
                        : page(planned, state, guard, diagnostics.child());
                if (page.isEmpty()) {
                    return Optional.empty();
                }
                pages.put(page.get().outputPath(), page.get());
            }
        }
        return pages.isEmpty() ? Optional.empty() : Optional.of(pages);
    }

    /**
     * Whether a change the build does not read either: a file that is gone and was neither a
     * source nor a folder of sources (an editor's temporary file, saved over the page), or an
     * editor's swap or backup file, or a file the configuration excludes. Names starting with
     * {@code _} are read though they are not pages (layouts, includes, data, the configuration):
     * not ignorable.
     */
    private boolean ignorable(String rel, Path file) {
        if (("/" + rel).contains("/_")) {
            return false; // there or gone
        }
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Not if it was a source, or a folder of sources (deleted or moved away).
            String folder = rel + "/";
            return !plan.sources().containsKey(rel)
                    && plan.sources().keySet().stream().noneMatch(p -> p.startsWith(folder));
        }
        for (int end = rel.indexOf('/'); ; end = rel.indexOf('/', end + 1)) {
            if (!filter.accepts(end < 0 ? rel : rel.substring(0, end))) {
                return true;
            }
            if (end < 0) {
                return false;
            }
        }
    }

    private Optional<Page> page(PlannedPage planned, BuildState state, PageGuard guard, Diagnostics own) {
        PageRecord before = state.pages().get(planned.outputPath());
        SourceRecord known = plan.sources().get(planned.source().relativePath());
        if (before == null || before.article().isEmpty() || known == null) {
            return Optional.empty();
        }
        Optional<SourceFile> source = current(planned.source());
        if (source.isEmpty()) {
            return Optional.empty(); // deleted, or no longer a file
        }
        SourceRecord now;
        try {
            now = new SitePlanner().reread(source.get(), own);
        } catch (java.io.UncheckedIOException e) {
            return Optional.empty(); // gone or unreadable since: the build reports it
        }
        if (own.hasErrors() || now.role() != SourceRecord.Role.PAGE || now.digest() == known.digest()
                || !now.frontMatter().equals(known.frontMatter()) || !now.outputExt().equals(known.outputExt())
                || now.markdown() != known.markdown()) {
            return Optional.empty();
        }
        String file = planned.source().displayName();
        Optional<PreparedPage> prepared = guard.run(file, "reading this page", own, () -> processor.prepare(planned, own));
        if (prepared.isEmpty() || prepared.get().article().isEmpty() || own.hasErrors()) {
            return Optional.empty();
        }
        Article article = prepared.get().article().get();
        CatalogEntry entry = CatalogEntry.of(article, planned.url(), productNames);
        if (!entry.id().equals(before.article().get().entry().id())) {
            return Optional.empty(); // another article now: the catalog and the IDs' pages change
        }
        Document document = documents.article(article, planned.url(),
                (String) prepared.get().variables().get(PreparedPage.JSON), article.text());
        Optional<RenderedPage> rendered = guard.run(file, "building this page", own,
                () -> articles.finishEdited(prepared.get().finishing(), entry, own));
        if (rendered.isEmpty() || own.hasErrors() || rendered.get().html().length() > RenderStage.MAX_PAGE_CHARS) {
            return Optional.empty();
        }
        return Optional.of(new Page(planned.outputPath(), planned.url(), rendered.get().html(), document));
    }

    /**
     * Commits the pages' search documents to the index at {@code indexDir}; {@code beforeCommit}
     * runs once they are written and before they are committed (the state must stop describing
     * the index first). Nothing is committed if writing them fails.
     */
    static void commit(Map<String, Page> pages, Path indexDir, Runnable beforeCommit) {
        SearchIndexer index = new SearchIndexer(indexDir, false);
        try {
            pages.values().forEach(p -> index.put(p.url(), p.document()));
            beforeCommit.run();
            index.close();
        } finally {
            index.rollback();
        }
    }

    /**
     * The state with the records of the pages at {@code paths} marked as having another search
     * document than any their sources give: the next build makes those pages and documents again.
     */
    static BuildState marked(BuildState state, Set<String> paths) {
        Map<String, PageRecord> pages = new HashMap<>(state.pages());
        for (String path : paths) {
            pages.computeIfPresent(path, (p, record) -> record.withDocument(PREVIEWED));
        }
        return new BuildState(state.kb(), state.setup(), state.theme(), state.sources(), pages, state.outputs(), state.related(),
                state.broken(), state.generated(), state.folders());
    }

    /** The source file as it is now (its size and time), if it is still a regular file. */
    private static Optional<SourceFile> current(SourceFile was) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(was.path(), BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() ? Optional.of(new SourceFile(was.path(), was.relativePath(),
                    was.displayName(), attrs.size(), attrs.lastModifiedTime().toMillis())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
