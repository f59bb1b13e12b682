package kb.check;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code kb check} found in a site.
 *
 * @param pages          HTML pages read
 * @param internalLinks  links into the site (query and fragment aside), every occurrence
 * @param anchors        internal links with a {@code #fragment} that were checked
 * @param brokenLinks    internal links that lead to no file (each also a diagnostic, or grouped
 *                       into one when a template wrote it on many pages)
 * @param brokenAnchors  links whose {@code #fragment} names no {@code id} on the target page
 * @param external       links out of the site ({@code https://} other hosts, {@code mailto:}):
 *                       how often each URL occurs, sorted by URL
 * @param seconds        wall time
 */
public record CheckReport(int pages, long internalLinks, long anchors, int brokenLinks, int brokenAnchors,
        Map<String, Integer> external, double seconds) {

    public CheckReport {
        external = java.util.Collections.unmodifiableMap(new TreeMap<>(external));
    }

    /** Broken links and broken anchors together. */
    public int broken() {
        return brokenLinks + brokenAnchors;
    }

    /** How many external links there are, every occurrence. */
    public long externalLinks() {
        return external.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The one summary line of a check. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%d pages, %d internal links, %d anchors, %d broken links, %d broken anchors, "
                        + "%d external links (%d distinct, not fetched) in %.1f s",
                pages, internalLinks, anchors, brokenLinks, brokenAnchors, externalLinks(), external.size(), seconds);
    }
}
