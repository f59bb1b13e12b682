package kb.site;

import kb.state.BuildState;
import kb.state.OutputRecord;
import kb.state.PageRecord;
import kb.state.PageRecord.ArticleFacts;
import kb.state.SourceRecord;

/**
 * The test an incremental build makes once its articles are read: is the site the last build's
 * but for the articles' text? Then what is generated from the catalog is kept whole
 * ({@link GenerateStage}) and article pages compare only their own text and related lists
 * ({@link RenderStage}).
 */
final class UnchangedSite {

    private UnchangedSite() {
    }

    /**
     * Whether it holds: the site has the last build's pages and catalog: the same pages at the same URLs,
     * each with the front matter it had, the same static files, and every article's catalog
     * entry and title terms as they were. Everything generated from them (listings, feeds,
     * sitemaps, short links, search files) and what every article page shows of the others is
     * then as in the last build; only the articles' own text and related lists may differ. Pages
     * the last build skipped for an error, or a site that uses Jekyll's site model, answer false.
     */
    static boolean holds(SitePlan plan, ExtractStage.Extracted extracted, BuildState previous) {
        if (previous.isEmpty() || plan.siteKey() != 0 || !plan.unpublished().isEmpty()
                || plan.pages().size() != previous.pages().size()) {
            return false;
        }
        for (PlannedPage page : plan.pages()) {
            PageRecord before = previous.pages().get(page.outputPath());
            String source = page.source().relativePath();
            if (before == null || !before.url().equals(page.url()) || !before.source().equals(source)
                    || !sameFrontMatter(plan.sources().get(source), previous.sources().get(source))) {
                return false;
            }
            ArticleFacts now = extracted.facts().get(page.outputPath());
            ArticleFacts was = before.article().orElse(null);
            if (now != was && (now == null || was == null || !now.entry().equals(was.entry())
                    || !now.titleTerms().equals(was.titleTerms()))) {
                return false;
            }
        }
        long copies = previous.outputs().values().stream().filter(OutputRecord::copied).count();
        return copies == plan.copies().size() && plan.copies().keySet().stream()
                .allMatch(path -> previous.outputs().containsKey(path) && previous.outputs().get(path).copied());
    }

    /** Whether a source is planned as it was: the record the last build kept, or one with the same role and front matter. */
    private static boolean sameFrontMatter(SourceRecord now, SourceRecord was) {
        return now != null && was != null && (now == was || now.role() == was.role()
                && now.frontMatter().equals(was.frontMatter()) && now.outputExt().equals(was.outputExt())
                && now.markdown() == was.markdown());
    }
}
