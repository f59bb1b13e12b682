package kb.outputs;

import java.util.Objects;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import kb.state.Fingerprint;

/**
 * An article as listings, feeds and article pages link it.
 *
 * @param id       the article ID
 * @param title    the title without the ID
 * @param url      the page URL, base URL included
 * @param date     the last-modified date in ISO form, or ""
 * @param dateText the date as readers see it ({@code 13 May 2002}), or ""
 * @param summary  the one-line summary, or ""
 */
public record ArticleLink(String id, String title, String url, String date, String dateText, String summary) {

    public ArticleLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dateText, "dateText");
        Objects.requireNonNull(summary, "summary");
    }

    /** The link to a catalogued article on a site. */
    public static ArticleLink of(CatalogEntry e, SiteConfig config) {
        return new ArticleLink(e.id(), e.title(), config.relativeUrl(e.url()), e.lastModified(),
                Dates.readable(e.lastModified()), e.summary());
    }

    /**
     * A fingerprint of what {@link #of} shows of an article (the configuration aside): pages
     * that show the link compare it to know whether they must be made again.
     */
    public static long key(CatalogEntry e) {
        return new Fingerprint().add(e.id()).add(e.title()).add(e.url()).add(e.lastModified()).add(e.summary()).value();
    }
}
