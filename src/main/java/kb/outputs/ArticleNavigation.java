package kb.outputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Listing;
import kb.config.SiteConfig;
import kb.model.Article;
import kb.model.ArticleKinds;

/**
 * The navigation of an article page, as {@code page.*} template variables: breadcrumbs,
 * backlinks ("Referenced by"), previous/next within its product, the summary, its kinds with
 * readable names, the listing of each product, and JSON-LD. Thread-safe.
 */
public final class ArticleNavigation {

    private final Catalog catalog;
    private final SiteConfig config;
    private final StructuredData structuredData;

    public ArticleNavigation(Catalog catalog, SiteConfig config) {
        this.catalog = catalog;
        this.config = config;
        this.structuredData = new StructuredData(config);
    }

    /**
     * A kind as readers see it.
     *
     * @param code the issue type code ({@code kbbug}), the search filter value
     * @param name its readable name ({@code Bug})
     */
    public record Kind(String code, String name) {
    }

    /** The variables for the page of {@code article} at {@code url} (below the base URL). */
    public Map<String, Object> variables(Article article, String url) {
        CatalogEntry entry = catalog.article(article.id()).filter(e -> e.url().equals(url))
                .orElse(CatalogEntry.of(article, url));
        Map<String, Object> vars = links(entry);
        vars.put("summary", entry.summary());
        vars.put("description", entry.summary().isEmpty() ? article.displayTitle() : entry.summary());
        vars.put("kinds", entry.kinds().stream().map(k -> new Kind(k, ArticleKinds.name(k))).toList());
        vars.put("date_text", Dates.readable(article.lastModified()));
        vars.put("json_ld", structuredData.article(article, entry, url));
        vars.put("og_type", "article");
        return vars;
    }

    /**
     * The part of an article page's variables that depends on other articles: breadcrumbs, the
     * listing of each product, backlinks and the neighbours in its product. The rest follows from
     * the article itself, so this is all an incremental build compares to know whether the page
     * of an unchanged article must be written again.
     */
    public Map<String, Object> links(CatalogEntry entry) {
        Map<String, Object> vars = new LinkedHashMap<>();
        List<Link> crumbs = new ArrayList<>();
        crumbs.add(new Link("Home", config.relativeUrl("/")));
        Map<String, String> productListings = new LinkedHashMap<>();
        for (String product : entry.products()) {
            catalog.product(product).ifPresent(l -> productListings.put(product, config.relativeUrl(l.url())));
        }
        Optional<Listing> first = entry.products().stream().map(catalog::product).flatMap(Optional::stream).findFirst();
        first.ifPresent(l -> crumbs.add(new Link(l.name(), config.relativeUrl(l.url()))));
        vars.put("breadcrumbs", crumbs);
        vars.put("product_listings", productListings);
        List<CatalogEntry> citing = catalog.backlinks(entry.id());
        vars.put("backlinks", citing.stream().limit(Catalog.BACKLINKS_SHOWN).map(e -> ArticleLink.of(e, config)).toList());
        vars.put("backlinks_total", citing.size());
        catalog.citedBy(entry.id()).ifPresent(l -> vars.put("backlinks_all", config.relativeUrl(l.url())));
        Catalog.Neighbours neighbours = catalog.neighbours(entry);
        neighbours.previous().ifPresent(e -> vars.put("previous", ArticleLink.of(e, config)));
        neighbours.next().ifPresent(e -> vars.put("next", ArticleLink.of(e, config)));
        return vars;
    }

    /** For a source page at a product code's listing URL ({@code /id/sms/}): the generated listing of that product. */
    public Optional<Link> generatedListing(String productCode) {
        return catalog.productOfCode(productCode).map(l -> new Link(l.name(), config.relativeUrl(l.url())));
    }
}
