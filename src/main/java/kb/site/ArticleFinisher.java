package kb.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.model.Article;
import kb.outputs.ArticleNavigation;
import kb.search.RelatedArticles;
import kb.state.Fingerprint;

/**
 * Finishes an article's page once the site is known: its navigation (neighbours, citations both
 * ways), its related articles, then the layouts. The render stage finishes every article page with
 * one; a preview ({@link SitePreview}) finishes an edited one with the last build's.
 */
final class ArticleFinisher {

    private final SiteConfig config;
    private final Catalog catalog;
    private final ArticleNavigation navigation;
    private final Map<String, List<String>> related;
    private final PageProcessor processor;

    /** @param related the related articles of every article, by ID */
    ArticleFinisher(SiteConfig config, Catalog catalog, Map<String, List<String>> related, PageProcessor processor) {
        this.config = config;
        this.catalog = catalog;
        this.navigation = new ArticleNavigation(catalog, config);
        this.related = related;
        this.processor = processor;
    }

    /**
     * The page of a prepared article of the catalog's site, with what finishing it reported on
     * {@code diagnostics}.
     *
     * @param entry its entry as its own page made it (the catalog holds another page's when two
     *              pages have its ID)
     */
    Optional<RenderedPage> finish(PreparedPage prepared, CatalogEntry entry, Diagnostics diagnostics) {
        Article article = prepared.article().orElseThrow();
        return finish(prepared, entry, navigation.entry(article, prepared.page().url()), diagnostics);
    }

    /**
     * The page of an article edited since the catalog was made (a preview): it shows its own new
     * summary where the catalog's entry would be its old one.
     */
    Optional<RenderedPage> finishEdited(PreparedPage prepared, CatalogEntry entry, Diagnostics diagnostics) {
        Article article = prepared.article().orElseThrow();
        String url = prepared.page().url();
        boolean listed = catalog.article(article.id()).filter(e -> e.url().equals(url)).isPresent();
        return finish(prepared, entry, listed ? entry : CatalogEntry.of(article, url), diagnostics);
    }

    private Optional<RenderedPage> finish(PreparedPage prepared, CatalogEntry entry, CatalogEntry shown,
            Diagnostics diagnostics) {
        Article article = prepared.article().orElseThrow();
        return processor.finish(prepared, navigation.variables(article, prepared.page().url(), shown,
                navigation.links(entry)), relatedOf(entry), diagnostics);
    }

    /** The navigation: its links' fingerprint, and the generated listing a listing page shows. */
    ArticleNavigation navigation() {
        return navigation;
    }

    /** Whether an article's related list is {@code before}. */
    boolean relatedAre(String id, List<String> before) {
        return before != null && before.equals(related.get(id));
    }

    /** A fingerprint of {@link #relatedOf}: the ID, title and URL of each related article. */
    long relatedKey(CatalogEntry entry) {
        Fingerprint f = new Fingerprint();
        for (String id : related.getOrDefault(entry.id(), List.of())) {
            catalog.article(id).ifPresent(e -> f.add(e.id()).add(e.title()).add(e.url()));
        }
        return f.value();
    }

    /** The related articles of an article, as its page links them. */
    private List<RelatedArticles.Related> relatedOf(CatalogEntry entry) {
        List<RelatedArticles.Related> list = new ArrayList<>();
        for (String id : related.getOrDefault(entry.id(), List.of())) {
            catalog.article(id).ifPresent(e -> list.add(new RelatedArticles.Related(e.id(), e.title(),
                    config.relativeUrl(e.url()))));
        }
        return list;
    }
}
