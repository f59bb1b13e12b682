package kb.outputs;

import java.util.ArrayList;
import java.util.List;
import kb.config.SiteConfig;

/**
 * The sitemap of a site as a sitemap index ({@value #INDEX}) whose files
 * ({@code sitemaps/sitemap-1.xml}, ...) hold at most {@value #MAX_URLS} URLs each, the protocol's
 * limit. URLs are absolute (the site's {@code url} in front).
 */
public final class Sitemaps {

    /** The sitemap index, below the site folder. */
    public static final String INDEX = "sitemap.xml";
    /** The sitemap protocol's limit of URLs per file. */
    public static final int MAX_URLS = 50_000;

    /**
     * A page of the sitemap.
     *
     * @param url     the URL below the base URL
     * @param lastmod the last-modified date in ISO form, or ""
     */
    public record Entry(String url, String lastmod) {
    }

    private final SiteConfig config;
    private final int perFile;

    public Sitemaps(SiteConfig config) {
        this(config, MAX_URLS);
    }

    Sitemaps(SiteConfig config, int perFile) {
        this.config = config;
        this.perFile = perFile;
    }

    /** The index and its sitemap files, for the given pages in the given order. */
    public List<GeneratedFile> files(List<Entry> entries) {
        List<GeneratedFile> files = new ArrayList<>();
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int parts = Math.max(1, (entries.size() + perFile - 1) / perFile);
        for (int part = 0; part < parts; part++) {
            String path = "sitemaps/sitemap-" + (part + 1) + ".xml";
            List<Entry> slice = entries.subList(part * perFile, Math.min(entries.size(), (part + 1) * perFile));
            StringBuilder sb = new StringBuilder(slice.size() * 100 + 200);
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            String newest = "";
            for (Entry e : slice) {
                sb.append("  <url><loc>").append(Xml.escape(config.absoluteUrl(e.url()))).append("</loc>");
                if (!e.lastmod().isEmpty()) {
                    sb.append("<lastmod>").append(e.lastmod()).append("</lastmod>");
                    newest = e.lastmod().compareTo(newest) > 0 ? e.lastmod() : newest;
                }
                sb.append("</url>\n");
            }
            files.add(new GeneratedFile(path, sb.append("</urlset>\n").toString()));
            index.append("  <sitemap><loc>").append(Xml.escape(config.absoluteUrl("/" + path))).append("</loc>");
            if (!newest.isEmpty()) {
                index.append("<lastmod>").append(newest).append("</lastmod>");
            }
            index.append("</sitemap>\n");
        }
        files.add(new GeneratedFile(INDEX, index.append("</sitemapindex>\n").toString()));
        return files;
    }

    /** {@code robots.txt}: everything may be crawled; the sitemap index is named when the site has a {@code url}. */
    public GeneratedFile robots() {
        StringBuilder sb = new StringBuilder("User-agent: *\nAllow: /\n");
        if (!config.url().isBlank()) {
            sb.append("\nSitemap: ").append(config.absoluteUrl("/" + INDEX)).append('\n');
        } else {
            sb.append("\n# No Sitemap line: set `url` in _config.yml to give the sitemap's absolute URL.\n");
        }
        return new GeneratedFile("robots.txt", sb.toString());
    }
}
