package kb.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.check.LinkResolver;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;

/**
 * Product listing pages, such as the archive's {@code /id/sms/}: a page at the listing URL
 * pattern (the configuration's {@code kb_listings}, default {@code /id/:code/}) lists the
 * articles of product code {@code :code} as Markdown links. This gives articles their product
 * code when nothing else does.
 */
final class ListingPages {

    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*([^)\\s]+)\\s*\\)");

    private final Pattern listingUrl;

    ListingPages(SiteConfig config) {
        Object configured = config.values().getOrDefault("kb_listings", "/id/:code/");
        String template = String.valueOf(configured);
        String regex = Pattern.quote(template).replace(":code", "\\E([a-z0-9_]+)\\Q");
        this.listingUrl = Pattern.compile("^" + regex + "$");
    }

    /** Whether a page at {@code url} is a listing page. */
    boolean isListing(String url) {
        return listingUrl.matcher(url).matches();
    }

    /** The listing page of each product code that has one: code -> URL. */
    Map<String, String> listingUrls(List<PlannedPage> pages) {
        Map<String, String> urls = new HashMap<>();
        for (PlannedPage page : pages) {
            Matcher listing = listingUrl.matcher(page.url());
            if (listing.matches()) {
                urls.putIfAbsent(listing.group(1), page.url());
            }
        }
        return urls;
    }

    /** For each linked page URL, the codes of the listings linking it, sorted. */
    Map<String, List<String>> codesByUrl(List<PlannedPage> pages, SourceReader reader, Diagnostics diagnostics) {
        Map<String, TreeSet<String>> codes = new HashMap<>();
        // Read in parallel: an archive has hundreds of listings, some of thousands of links, read by every build.
        record Linked(String code, List<String> targets) {
        }
        List<Linked> listings = pages.parallelStream().<Linked>mapMulti((page, found) -> {
            Matcher listing = listingUrl.matcher(page.url());
            if (listing.matches()) {
                List<String> targets = new ArrayList<>();
                Matcher link = LINK.matcher(reader.read(page.source(), diagnostics));
                while (link.find()) {
                    String target = resolve(page.url(), link.group(1));
                    if (target != null) {
                        targets.add(target);
                    }
                }
                found.accept(new Linked(listing.group(1), targets));
            }
        }).toList();
        for (Linked linked : listings) {
            for (String target : linked.targets()) {
                codes.computeIfAbsent(target, k -> new TreeSet<>()).add(linked.code());
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        codes.forEach((url, set) -> result.put(url, new ArrayList<>(set)));
        return result;
    }

    /** A relative or root-relative link resolved against the listing's URL; null for other links. */
    static String resolve(String base, String link) {
        if (link.contains("://") || link.startsWith("#") || link.startsWith("mailto:")) {
            return null;
        }
        return LinkResolver.normalize(link.startsWith("/") ? link : base.substring(0, base.lastIndexOf('/') + 1) + link);
    }
}
