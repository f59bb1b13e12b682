package kb.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Dimension;
import kb.catalog.Listing;
import kb.config.SiteConfig;

/**
 * Atom feeds of recently modified articles: one for the site ({@value #SITE_FEED_URL}) and one
 * per product ({@code /browse/product/<slug>/feed.xml}). An entry's {@code updated} is the
 * article's last-modified date; articles without one are left out.
 */
public final class Feeds {

    /** The site feed's URL below the base URL. */
    public static final String SITE_FEED_URL = "/feed.xml";
    /** Entries in a feed. */
    static final int ENTRIES = 50;

    private final Catalog catalog;
    private final SiteConfig config;

    public Feeds(Catalog catalog, SiteConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /** The URL of a product's feed below the base URL. */
    public static String productFeedUrl(Listing product) {
        return product.url() + "feed.xml";
    }

    /** The site feed and every product's feed. */
    public List<GeneratedFile> files() {
        List<GeneratedFile> files = new ArrayList<>();
        files.add(siteFeed(catalog.recent(ENTRIES)));
        for (Listing product : catalog.listings(Dimension.PRODUCT)) {
            files.add(productFeed(product, Catalog.recent(product.entries(), ENTRIES)));
        }
        return files;
    }

    /**
     * Makes what {@link #filesShowing} reads of {@code catalog} for any article (its most
     * recently modified articles), which the catalog and the catalogs patched from it keep.
     */
    public static void prepare(Catalog catalog) {
        catalog.recent(ENTRIES);
    }

    /**
     * The feeds that hold one of the articles {@code ids}: what must be made again when only
     * what they show of those articles changed (the rest are as they were).
     */
    public List<GeneratedFile> filesShowing(Set<String> ids) {
        List<GeneratedFile> files = new ArrayList<>();
        List<CatalogEntry> site = catalog.recent(ENTRIES);
        java.util.function.Predicate<CatalogEntry> shown = catalog.showing(ids);
        if (site.stream().anyMatch(shown)) {
            files.add(siteFeed(site));
        }
        for (Listing product : catalog.listings(Dimension.PRODUCT)) {
            if (product.entries().stream().anyMatch(shown)) {
                List<CatalogEntry> entries = Catalog.recent(product.entries(), ENTRIES);
                if (entries.stream().anyMatch(e -> ids.contains(e.id()))) {
                    files.add(productFeed(product, entries));
                }
            }
        }
        return files;
    }

    private GeneratedFile siteFeed(List<CatalogEntry> entries) {
        String siteTitle = config.title().isBlank() ? "Knowledge base" : config.title();
        return new GeneratedFile(SITE_FEED_URL.substring(1), feed(SITE_FEED_URL, siteTitle + ": recently modified",
                "/", entries));
    }

    private GeneratedFile productFeed(Listing product, List<CatalogEntry> entries) {
        String url = productFeedUrl(product);
        return new GeneratedFile(url.substring(1), feed(url, product.name() + ": recently modified",
                product.url(), entries));
    }

    /** An Atom document; IDs are the absolute URLs (the site's {@code url} in front). */
    String feed(String url, String title, String alternate, List<CatalogEntry> entries) {
        String updated = entries.isEmpty() ? "1970-01-01T00:00:00Z" : instant(entries.get(0).lastModified());
        StringBuilder sb = new StringBuilder(entries.size() * 600 + 512);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <id>").append(Xml.escape(config.absoluteUrl(url))).append("</id>\n")
                .append("  <title>").append(Xml.escape(title)).append("</title>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(Xml.escape(config.absoluteUrl(url))).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(Xml.escape(config.absoluteUrl(alternate))).append("\"/>\n")
                .append("  <author><name>").append(Xml.escape(config.title().isBlank() ? "kb" : config.title()))
                .append("</name></author>\n")
                .append("  <generator>kb</generator>\n");
        for (CatalogEntry e : entries) {
            String link = config.absoluteUrl(e.url());
            sb.append("  <entry>\n")
                    .append("    <id>").append(Xml.escape(link)).append("</id>\n")
                    .append("    <title>").append(Xml.escape(e.id() + ": " + e.title())).append("</title>\n")
                    .append("    <updated>").append(instant(e.lastModified())).append("</updated>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(link))
                    .append("\"/>\n");
            for (String product : e.products()) {
                sb.append("    <category term=\"").append(Xml.escape(product)).append("\"/>\n");
            }
            if (!e.summary().isEmpty()) {
                sb.append("    <summary>").append(Xml.escape(e.summary())).append("</summary>\n");
            }
            sb.append("  </entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }

    private static String instant(String isoDate) {
        return isoDate + "T00:00:00Z";
    }
}
