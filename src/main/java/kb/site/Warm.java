package kb.site;

import java.util.List;
import java.util.Set;
import kb.catalog.Catalog;
import kb.related.RelatedFinder;
import kb.state.PageRecord.ArticleFacts;

/**
 * What a build made that the next build of the same configuration and theme starts from, in
 * memory, beside the state it left: its plan, its catalog (with the listings' orders), its
 * related lists with their word index, its source manifest, and what its pages' keys came
 * from.
 *
 * @param setup       the build's {@link Setup#readKey()}
 * @param theme       the build's {@link Setup#themeKey()}
 * @param plan        the build's plan
 * @param related     the lists the state keeps, with what they were computed from; null when
 *                    the state keeps none
 * @param catalog     the catalog of the state's articles
 * @param manifest    the source manifest the build wrote
 * @param namesKey    the fingerprint of the listing pages' names the pages were read with
 * @param readingSite the pages whose Liquid reads the rest of the site (their keys are each
 *                    build's own: see {@link ExtractStage.Shortcut})
 * @param facts       the articles' facts in page order, which {@code related} was computed from
 */
record Warm(long setup, long theme, SitePlan plan, RelatedFinder.Computed related, Catalog catalog,
        ManifestStage.Written manifest, long namesKey, Set<String> readingSite, List<ArticleFacts> facts) {

    /** Whether a build of {@code now} can start from this. */
    boolean fits(Setup now) {
        return setup == now.readKey() && theme == now.themeKey();
    }

    /**
     * This, ready for an edit: with what a build in which nothing changed keeps without making
     * it, and an edit's build would make first (the related lists' word index, the listings'
     * orders, which the catalog keeps).
     */
    Warm preparedForEdits() {
        if (catalog != null) {
            GeneratedOutputs.prepare(catalog);
        }
        return new Warm(setup, theme, plan, related == null ? null : related.indexed(() -> { }), catalog, manifest,
                namesKey, readingSite, facts);
    }
}
