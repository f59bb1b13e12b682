package kb.site;

import java.util.HashSet;
import java.util.Set;
import kb.catalog.CatalogEntry;
import kb.state.BuildState;
import kb.state.OutputRecord;
import kb.state.PageRecord;
import kb.state.PageRecord.ArticleFacts;
import kb.state.SourceRecord;

/**
 * The test an incremental build makes once its articles are read: is the site the last build's
 * but for the articles' text? Then what is generated from the catalog is kept
 * ({@link GenerateStage}) and article pages compare only their own text and related lists
 * ({@link RenderStage}) — but for the few that show an article whose summary changed.
 *
 * @param shapeHolds whether the site has the last build's pages and catalog, summaries aside:
 *                   the same pages at the same URLs, each with the front matter it had, the same
 *                   static files, and every article's catalog entry and title terms as they were
 *                   but for its summary. Every listing then lists the same articles in the same
 *                   order, and every page links the same articles under the same titles
 * @param retold     the IDs of the articles whose summary changed (none when the shape does not hold):
 *                   only what shows their summaries (listing pages, feeds, the hub, the links
 *                   of an article page) may differ from the last build
 */
record UnchangedSite(boolean shapeHolds, Set<String> retold) {

    /** A site that is not the last build's but for its articles' text (nothing is kept by it). */
    static final UnchangedSite CHANGED = new UnchangedSite(false, Set.of());

    UnchangedSite {
        retold = Set.copyOf(retold);
    }

    /**
     * Compares the site planned and read with the last build's. Pages the last build skipped for
     * an error (it has fewer records than pages), or a site that uses Jekyll's site model, never hold.
     */
    static UnchangedSite of(SitePlan plan, ExtractStage.Extracted extracted, BuildState previous) {
        return of(plan, extracted, previous, null);
    }

    /**
     * {@link #of(SitePlan, ExtractStage.Extracted, BuildState)} for pages read with
     * {@code shortcut} (null: none), which comes only with a plan patched from the last build's:
     * its pages are the last plan's (the same sources, URLs, output paths and front matter), and
     * as many as the last build's records (the test above), so each has its record. Those whose
     * sources did not change, and whose Liquid does not read the site, have their records' facts
     * and hold without a look (on the archive, looking at 61,000 pages took 50 ms of an edit's
     * build); so do the static files, which are the last plan's.
     */
    static UnchangedSite of(SitePlan plan, ExtractStage.Extracted extracted, BuildState previous,
            ExtractStage.Shortcut shortcut) {
        if (previous.isEmpty() || plan.siteKey() != 0 || !plan.unpublished().isEmpty()
                || plan.pages().size() != previous.pages().size()) {
            return CHANGED;
        }
        Set<String> changed = shortcut == null ? null : shortcut.changed();
        Set<String> retold = new HashSet<>();
        for (PlannedPage page : plan.pages()) {
            String source = page.source().relativePath();
            if (changed != null && !changed.contains(source) && !shortcut.readingSite().contains(page.outputPath())) {
                continue;
            }
            PageRecord before = previous.pages().get(page.outputPath());
            if (before == null || !before.url().equals(page.url()) || !before.source().equals(source)
                    || !sameFrontMatter(plan.sources().get(source), previous.sources().get(source))) {
                return CHANGED;
            }
            ArticleFacts now = extracted.facts().get(page.outputPath());
            ArticleFacts was = before.article().orElse(null);
            if (now == was) {
                continue;
            }
            if (now == null || was == null || !now.titleTerms().equals(was.titleTerms())) {
                return CHANGED;
            }
            CatalogEntry entry = now.entry();
            if (!entry.equals(was.entry())) {
                if (!entry.withSummary(was.entry().summary()).equals(was.entry())) {
                    return CHANGED;
                }
                retold.add(entry.id());
            }
        }
        if (changed != null) {
            return new UnchangedSite(true, retold); // the last plan's static files, which its build copied
        }
        long copies = previous.outputs().values().stream().filter(OutputRecord::copied).count();
        boolean sameCopies = copies == plan.copies().size() && plan.copies().keySet().stream()
                .allMatch(path -> previous.outputs().containsKey(path) && previous.outputs().get(path).copied());
        return sameCopies ? new UnchangedSite(true, retold) : CHANGED;
    }

    /** Whether a source is planned as it was: the record the last build kept, or one with the same role and front matter. */
    private static boolean sameFrontMatter(SourceRecord now, SourceRecord was) {
        return now != null && was != null && (now == was || now.role() == was.role()
                && now.frontMatter().equals(was.frontMatter()) && now.outputExt().equals(was.outputExt())
                && now.markdown() == was.markdown());
    }
}
