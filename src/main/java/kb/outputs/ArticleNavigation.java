package kb.outputs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Listing;
import kb.config.SiteConfig;
import kb.state.Fingerprint;
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
        CatalogEntry entry = entry(article, url);
        return variables(article, url, entry, links(entry));
    }

    /** The catalog's entry of the article at {@code url}, or one made for it. */
    public CatalogEntry entry(Article article, String url) {
        return catalog.article(article.id()).filter(e -> e.url().equals(url))
                .orElseGet(() -> CatalogEntry.of(article, url));
    }

    /** As {@link #variables(Article, String)}, given its entry and {@link #links} (worked out already). */
    public Map<String, Object> variables(Article article, String url, CatalogEntry entry, Map<String, Object> links) {
        Map<String, Object> vars = new LinkedHashMap<>(links);
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

    /**
     * A fingerprint of everything {@link #links} holds for {@code entry}, made without building
     * it: an incremental build compares it for every article page, and building 60,000 sets of
     * links (and printing them) to compare them cost more than the rest of a one-article rebuild.
     * Keep the two methods in step (a test compares them).
     */
    public long linksKey(CatalogEntry entry) {
        Fingerprint f = new Fingerprint();
        for (String product : entry.products()) {
            f.add(product);
            Optional<Listing> listing = catalog.product(product);
            f.add(listing.map(Listing::name).orElse("\0")).add(listing.map(Listing::url).orElse("\0"));
        }
        List<CatalogEntry> citing = catalog.backlinks(entry.id());
        f.add(citing.size());
        for (CatalogEntry e : citing.subList(0, Math.min(citing.size(), Catalog.BACKLINKS_SHOWN))) {
            f.add(linkKey(e));
        }
        f.add(catalog.citedBy(entry.id()).map(Listing::url).orElse("\0"));
        Catalog.Neighbours neighbours = catalog.neighbours(entry);
        f.add(neighbours.previous().map(this::linkKey).orElse(0L));
        f.add(neighbours.next().map(this::linkKey).orElse(0L));
        return f.value();
    }

    /**
     * The IDs of the articles whose {@link #links} may show one of {@code ids} (a backlink or a
     * neighbour): the articles each cites, and its neighbours in each of its products. An
     * incremental build makes these pages again when those articles' summaries changed, as
     * {@link ArticleLink} carries them to the templates. More than the exact set, cheaply: a page
     * shows only the first {@value Catalog#BACKLINKS_SHOWN} articles citing it, and its neighbours
     * in its first product only.
     */
    public Set<String> showing(Collection<String> ids) {
        Set<String> showing = new HashSet<>();
        for (String id : ids) {
            catalog.article(id).ifPresent(entry -> {
                showing.addAll(entry.cites());
                for (String product : entry.products()) {
                    catalog.product(product).ifPresent(listing -> {
                        Catalog.Neighbours around = catalog.neighbours(entry, listing);
                        around.previous().ifPresent(e -> showing.add(e.id()));
                        around.next().ifPresent(e -> showing.add(e.id()));
                    });
                }
            });
        }
        return showing;
    }

    /** What {@link ArticleLink#of} shows of an article, as a fingerprint, once per article and build. */
    private long linkKey(CatalogEntry e) {
        return linkKeys.computeIfAbsent(e.id(), id -> ArticleLink.key(e));
    }

    /** {@link #linkKey} by article ID (the catalog has one entry per ID). */
    private final Map<String, Long> linkKeys = new ConcurrentHashMap<>();

    /** For a source page at a product code's listing URL ({@code /id/sms/}): the generated listing of that product. */
    public Optional<Link> generatedListing(String productCode) {
        return catalog.productOfCode(productCode).map(l -> new Link(l.name(), config.relativeUrl(l.url())));
    }
}
