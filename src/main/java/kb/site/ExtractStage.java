package kb.site;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.time.Duration;
import kb.catalog.CatalogEntry;
import kb.catalog.ProductNames;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.model.Article;
import kb.related.TermWindow;
import kb.search.IndexDocuments;
import kb.search.SearchIndexer;
import kb.state.BuildState;
import kb.state.Fingerprint;
import kb.state.PageRecord;
import kb.state.PageRecord.ArticleFacts;
import kb.state.SourceRecord;

/**
 * The second stage of a build (after the plan): reads every page that is new or changed since
 * the last build, once — its article is extracted, its content rendered, its search document
 * written — and keeps what the rest of the build needs: the facts of every article (from the last
 * build's state when the article did not change) and the prepared pages, to be finished when the
 * whole site is known.
 */
final class ExtractStage {

    /**
     * What the stage found, by output path. A page whose reading failed, or found an error, has
     * no extraction key: it is skipped, and the render stage makes nothing of it.
     *
     * @param withdraw removes a page's search document (by URL) from the index being written,
     *                 for a page the render stage has to skip after all
     */
    record Extracted(Map<String, ArticleFacts> facts, Map<String, PreparedPage> prepared,
            Map<String, Long> extractionKeys, Map<String, Long> documentKeys,
            Map<String, List<Diagnostic>> diagnostics, Consumer<String> withdraw, Set<String> readingSite) {
    }

    /**
     * What lets the stage take an unchanged page's keys from its record without computing them:
     * the plan is the one of the last build (the build of the records) with only {@code changed}
     * sources new ({@link SitePlan#patched}), and the listing pages' names are as they were. The
     * pages of {@code readingSite}, whose keys are each build's own, are read as ever.
     */
    record Shortcut(Set<String> changed, Set<String> readingSite) {
    }

    private final PageProcessor processor;
    private final SitePlan plan;
    private final BuildState previous;
    private final SearchIndexer index;
    private final ProductNames productNames;
    private final long namesKey;
    private final IndexDocuments documents = new IndexDocuments();
    /**
     * What the prepared pages kept for the render stage may take of the heap, in bytes (estimated):
     * a quarter of it. The dev corpus's 30,000 articles fit; beyond that a page is read again when
     * it is finished, which costs its extraction twice but keeps a build of any size in a bounded
     * heap. (A third kept all 61,000 pages of the doubled archive, but the rest of the build's data
     * then filled the old generation: full collections every second cost more than the re-reads.)
     */
    private final AtomicLong memory = new AtomicLong(Runtime.getRuntime().maxMemory() / 4);

    /** How long reading one page may take. */
    private final Duration budget;
    /** This build's own number, for the keys of pages that read the rest of the site. */
    private final long buildNonce = System.nanoTime() ^ java.util.concurrent.ThreadLocalRandom.current().nextLong();

    ExtractStage(PageProcessor processor, SitePlan plan, BuildState previous, SearchIndexer index,
            ProductNames productNames, long namesKey) {
        this(processor, plan, previous, index, productNames, namesKey, PageGuard.BUDGET);
    }

    /** A stage that takes what it can from the last build's records (see {@link Shortcut}); null: none. */
    ExtractStage withShortcut(Shortcut shortcut) {
        this.shortcut = shortcut;
        return this;
    }

    private Shortcut shortcut;

    /** A stage with another time budget per page (tests). */
    ExtractStage(PageProcessor processor, SitePlan plan, BuildState previous, SearchIndexer index,
            ProductNames productNames, long namesKey, Duration budget) {
        this.budget = budget;
        this.processor = processor;
        this.plan = plan;
        this.previous = previous;
        this.index = index;
        this.productNames = productNames;
        this.namesKey = namesKey;
    }

    /** What the pages read so far gave, filled from several threads. */
    private record Found(Map<String, ArticleFacts> facts, Map<String, PreparedPage> prepared,
            Map<String, Long> extractionKeys, Map<String, Long> documentKeys, Map<String, List<Diagnostic>> reported,
            Set<String> readingSite) {
        /** Maps sized for {@code pages} pages: growing a concurrent map while 60,000 are added cost more. */
        Found(int pages) {
            this(new ConcurrentHashMap<>(pages * 4 / 3 + 1), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(pages * 4 / 3 + 1),
                    new ConcurrentHashMap<>(pages * 4 / 3 + 1), new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        }
    }

    /** Runs the stage on every page of the plan, in parallel (inside the caller's pool). */
    Extracted run(Diagnostics diagnostics, BuildProgress progress) {
        Found found = new Found(plan.pages().size());
        progress.started("Reading", plan.pages().size());
        try (PageGuard guard = new PageGuard(budget)) {
            plan.pages().parallelStream().forEach(page -> {
                try {
                    read(page, guard, diagnostics, found);
                } catch (RuntimeException e) {
                    // A bug must not cost the other pages: report it against this page and go on.
                    diagnostics.error(SourcePosition.of(page.source().displayName()),
                            "internal error while reading this page: " + e);
                } finally {
                    progress.advanced();
                }
            });
        }
        progress.finished();
        return new Extracted(found.facts(), found.prepared(), found.extractionKeys(), found.documentKeys(),
                found.reported(), index::remove, Set.copyOf(found.readingSite()));
    }

    /**
     * Reads one page, unless it is as the last build read it; a page whose reading failed or found
     * an error gets no extraction key, and so is skipped.
     */
    private void read(PlannedPage page, PageGuard guard, Diagnostics diagnostics, Found found) {
        String path = page.outputPath();
        PageRecord before = previous.pages().get(path);
        if (shortcut != null && before != null && !shortcut.changed().contains(page.source().relativePath())
                && !shortcut.readingSite().contains(path)) {
            // Its keys would come out as the last build's: the same source, URL, listings and names.
            found.extractionKeys().put(path, before.extraction());
            found.documentKeys().put(path, before.document());
            before.article().ifPresent(facts -> found.facts().put(path, facts));
            return;
        }
        long key = extractionKey(page);
        if (before != null && before.extraction() == key && before.article().isEmpty()) {
            found.extractionKeys().put(path, key);
            found.documentKeys().put(path, before.document());
            return; // an unchanged page without an article: the render stage decides
        }
        if (before != null && before.extraction() == key && before.article().isPresent()) {
            ArticleFacts known = before.article().get();
            long documentKey = documentKey(key, known.entry());
            if (documentKey == before.document()) {
                found.extractionKeys().put(path, key);
                found.facts().put(path, known);
                found.documentKeys().put(path, documentKey);
                return; // unchanged: not read again
            }
        }
        Diagnostics own = diagnostics.child();
        Optional<PreparedPage> read = guard.run(page.source().displayName(), "reading this page", own,
                () -> processor.prepare(page, own));
        found.reported().put(path, own.reported());
        if (read.isEmpty() || own.hasErrors()) {
            // Skipped: not indexed, not listed, not written (an error in its source, or reading
            // it failed). Without a record, the next build reads it again.
            return;
        }
        PreparedPage p = read.get();
        if (p.readsSite()) {
            // What it shows may change with any other source: its key is this build's alone, so
            // the next build reads and lays it out again (and rewrites it only if it changed).
            key = new Fingerprint().add(key).add(buildNonce).value();
            found.readingSite().add(path);
        }
        found.extractionKeys().put(path, key);
        if (p.article().isPresent()) {
            Article article = p.article().get();
            CatalogEntry entry = CatalogEntry.of(article, page.url(), productNames);
            String text = article.text();
            found.facts().put(path, new ArticleFacts(entry, shared(TermWindow.of(article)),
                    TermWindow.titleTerms(article.title()).stream().map(processor.shared()::one).toList()));
            long documentKey = documentKey(key, entry);
            found.documentKeys().put(path, documentKey);
            if (before == null || before.document() != documentKey) {
                index.put(page.url(), documents.article(article, page.url(),
                        (String) p.variables().get(PreparedPage.JSON), text));
            }
        } else if (path.endsWith(".html")) {
            long documentKey = new Fingerprint().add(page.url()).add(p.title()).add(p.text()).value();
            found.documentKeys().put(path, documentKey);
            if (before == null || before.document() != documentKey) {
                index.put(page.url(), documents.page(page.url(), p.title(), p.text()));
            }
        }
        PreparedPage kept = p.kept();
        long cost = kept.cost();
        if (memory.addAndGet(-cost) >= 0) {
            found.prepared().put(path, kept);
        } else {
            memory.addAndGet(cost); // over the budget: the render stage reads this page again
        }
    }

    /** The window with its terms shared with every other window's (see {@link SharedValues}). */
    private TermWindow shared(TermWindow window) {
        String[] terms = window.terms();
        for (int i = 0; i < terms.length; i++) {
            terms[i] = processor.shared().one(terms[i]);
        }
        return new TermWindow(terms, window.freqs());
    }

    /** Everything extraction reads: the source, where the page is, the listings that name it. */
    private long extractionKey(PlannedPage page) {
        SourceRecord source = plan.sources().get(page.source().relativePath());
        return new Fingerprint()
                .add(source == null ? 0 : source.digest())
                .add(page.url())
                .add(page.outputPath())
                .add(String.valueOf(plan.listedCodes().getOrDefault(page.url(), List.of())))
                .add(namesKey)
                .add(plan.siteKey())
                .value();
    }

    /**
     * Everything an article's search document reads: its extraction and where the articles it
     * cites are (its metadata links them).
     */
    long documentKey(long extractionKey, CatalogEntry entry) {
        Fingerprint f = new Fingerprint().add(extractionKey);
        f.add(Optional.ofNullable(plan.articleUrls().get(entry.id())).orElse(""));
        for (String id : entry.cites()) {
            f.add(id).add(Optional.ofNullable(plan.articleUrls().get(id)).orElse(""));
        }
        return f.value();
    }
}
