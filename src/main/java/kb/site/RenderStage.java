package kb.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import java.util.function.Predicate;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.state.BuildState;
import kb.state.Fingerprint;
import kb.state.PageRecord;
import kb.state.PageRecord.ArticleFacts;

/**
 * The stage that finishes every page once the whole site is known: an article page gets its
 * navigation and related articles, then the layouts. A page whose inputs are all as in the last
 * build (its source, the articles it links, lists or relates to, the theme) is not made again;
 * one whose inputs changed but whose article did not is read again here, the only time in this
 * build.
 */
final class RenderStage {

    /**
     * The most characters a page may have: 16 MiB. The largest page of the dev corpus (the
     * index page id/winnt) is 0.5 MB; a page 32 times that is a mistake or an attack (a Liquid
     * or template loop, aliases expanded), and a browser would not show it anyway.
     */
    static final int MAX_PAGE_CHARS = 16 << 20;

    /** How long finishing one page may take. */
    private final Duration budget;

    private final Setup setup;
    /** What every page's or file's layout depends on ({@link Setup#fingerprint()}), worked out once. */
    private final long layoutKey;
    private final SitePlan plan;
    private final BuildState previous;
    private final ExtractStage.Extracted extracted;
    private final ArticleFinisher articles;
    private final PageProcessor processor;
    private final OutputWriter out;
    private final Map<String, String> listingCodes = new java.util.HashMap<>();

    /**
     * By article ID, whether its page shows of the other articles what it showed in the last
     * build (the site's shape holds, and none it shows has a new summary: see {@link UnchangedSite}):
     * its inputs are then the last build's when its search document and related list are.
     */
    private final Predicate<String> showsAsBefore;

    /** @param articles finishes the article pages: the build's catalog and related lists, with {@code processor} */
    RenderStage(Setup setup, SitePlan plan, BuildState previous, ExtractStage.Extracted extracted,
            ArticleFinisher articles, PageProcessor processor, OutputWriter out, Predicate<String> showsAsBefore) {
        this(setup, plan, previous, extracted, articles, processor, out, showsAsBefore, PageGuard.BUDGET);
    }

    /** A stage with another time budget per page (tests). */
    RenderStage(Setup setup, SitePlan plan, BuildState previous, ExtractStage.Extracted extracted,
            ArticleFinisher articles, PageProcessor processor, OutputWriter out, Predicate<String> showsAsBefore,
            Duration budget) {
        this.budget = budget;
        this.showsAsBefore = showsAsBefore;
        this.setup = setup;
        this.layoutKey = setup.fingerprint();
        this.plan = plan;
        this.previous = previous;
        this.extracted = extracted;
        this.articles = articles;
        this.processor = processor;
        this.out = out;
        plan.listings().forEach((code, url) -> listingCodes.put(url, code));
    }

    /**
     * What the stage did: the record of every page, and the pages it made (the others' records
     * are the last build's, the same objects).
     */
    record Rendered(Map<String, PageRecord> pages, Set<String> made, int articlesLeftOut) {

        /** Whether every page with an article has its record (none failed, none was skipped). */
        boolean everyArticle() {
            return articlesLeftOut == 0;
        }
    }

    Rendered run(Diagnostics diagnostics, BuildProgress progress) {
        Map<String, PageRecord> records = new ConcurrentHashMap<>(plan.pages().size() * 4 / 3 + 1);
        Set<String> made = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger leftOut = new java.util.concurrent.atomic.AtomicInteger();
        progress.started("Rendering", plan.pages().size());
        try (PageGuard guard = new PageGuard(budget)) {
            plan.pages().parallelStream().forEach(page -> {
                boolean recorded = false;
                try {
                    Optional<PageRecord> record = render(page, guard, diagnostics, made);
                    record.ifPresent(r -> records.put(page.outputPath(), r));
                    recorded = record.isPresent();
                } catch (RuntimeException e) {
                    // A bug must not cost the other pages: report it against this page and go on.
                    diagnostics.error(SourcePosition.of(page.source().displayName()),
                            "internal error while building this page: " + e);
                } finally {
                    if (!recorded && extracted.facts().containsKey(page.outputPath())) {
                        leftOut.incrementAndGet();
                    }
                    progress.advanced();
                }
            });
        }
        progress.finished();
        return new Rendered(records, java.util.Collections.unmodifiableSet(made), leftOut.get());
    }

    private Optional<PageRecord> render(PlannedPage page, PageGuard guard, Diagnostics diagnostics,
            Set<String> made) {
        String path = page.outputPath();
        Long extraction = extracted.extractionKeys().get(path);
        if (extraction == null) {
            return Optional.empty(); // reading it failed, and was reported
        }
        long document = extracted.documentKeys().getOrDefault(path, 0L);
        ArticleFacts facts = extracted.facts().get(path);
        PageRecord before = previous.pages().get(path);
        // Taken, not read: a page is finished once, and its memory is free for the rest of the build.
        PreparedPage prepared = extracted.prepared().remove(path);
        List<Diagnostic> extractReported = extracted.diagnostics().getOrDefault(path, List.of());

        if (facts != null && prepared == null && before != null && showsAsBefore.test(facts.entry().id())
                && before.document() == document
                && articles.relatedAre(facts.entry().id(), previous.related().get(facts.entry().id()))
                && out.keep(path, before.inputs(), diagnostics)) {
            // Everything its inputs hold is as in the last build, so they are the last build's.
            return kept(before, diagnostics);
        }
        long inputs;
        java.util.function.BiFunction<PreparedPage, Diagnostics, Optional<RenderedPage>> finish;
        if (facts == null) {
            // A page without an article: its output follows from its source, the theme and,
            // for a product code's listing page, the generated listing it links.
            String code = listingCodes.get(page.url());
            Map<String, Object> vars = code == null ? Map.of()
                    : articles.navigation().generatedListing(code).<Map<String, Object>>map(l -> Map.of("generated_listing", l))
                            .orElse(Map.of());
            inputs = new Fingerprint().add(extraction).add(layoutKey).add(String.valueOf(vars)).value();
            finish = (p, own) -> processor.finish(p, vars, List.of(), own);
        } else {
            CatalogEntry entry = facts.entry();
            // What the page shows of other articles, as fingerprints: the links and lists
            // themselves are made only for a page that is made again.
            inputs = new Fingerprint()
                    .add(document)
                    .add(layoutKey)
                    .add(String.valueOf(entry))
                    .add(articles.navigation().linksKey(entry))
                    .add(articles.relatedKey(entry))
                    .add(productListings(entry))
                    .value();
            finish = (p, own) -> articles.finish(p, entry, own);
        }
        if (prepared == null && before != null && before.inputs() == inputs && out.keep(path, inputs, diagnostics)) {
            return kept(before, diagnostics);
        }
        Diagnostics own = diagnostics.child();
        Optional<PreparedPage> kept = Optional.ofNullable(prepared);
        Optional<RenderedPage> rendered = guard.run(page.source().displayName(), "building this page", own, () -> kept
                // Its source is unchanged but its page is not (a neighbour, a citation, a related
                // article or a listing changed): read it again, once in this build.
                .or(() -> processor.prepare(page, own).map(PreparedPage::finishing))
                .flatMap(p -> finish.apply(p, own)));
        if (rendered.isPresent() && rendered.get().html().length() > MAX_PAGE_CHARS) {
            own.error(SourcePosition.of(page.source().displayName()), String.format(java.util.Locale.ROOT,
                    "the page would be %,d characters, more than the %,d a page may have; the page is skipped",
                    rendered.get().html().length(), MAX_PAGE_CHARS));
        }
        if (rendered.isEmpty() || own.hasErrors()) {
            // Not published half made: the errors say why. Nor found by a search.
            if (extracted.documentKeys().containsKey(path)) {
                extracted.withdraw().accept(page.url());
            }
            return Optional.empty();
        }
        List<Diagnostic> all = concat(extractReported, own.reported());
        out.write(path, rendered.get().html(), inputs, List.of());
        made.add(path);
        return Optional.of(new PageRecord(path, page.url(), page.source().relativePath(), extraction, inputs, document,
                Optional.ofNullable(facts), all));
    }

    /** A page kept as the last build made it, with what making it reported. */
    private static Optional<PageRecord> kept(PageRecord before, Diagnostics diagnostics) {
        before.diagnostics().forEach(diagnostics::report);
        return Optional.of(before);
    }

    /** The product listing pages of the source tree an article's page links ({@code product_links}). */
    private String productListings(CatalogEntry entry) {
        StringBuilder sb = new StringBuilder();
        for (String code : entry.productCodes()) {
            sb.append(code).append('=').append(plan.listings().getOrDefault(code, "")).append('\n');
        }
        return sb.toString();
    }

    /** Both lists, each diagnostic once (a page read again reports what its first reading did). */
    private static List<Diagnostic> concat(List<Diagnostic> a, List<Diagnostic> b) {
        java.util.Set<Diagnostic> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
