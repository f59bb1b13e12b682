package kb.outputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.catalog.Dimension;
import kb.catalog.Listing;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.render.LayoutRenderer;
import kb.state.Fingerprint;

/**
 * The generated navigation: the browse hub ({@value #HUB_URL}, rendered with {@code browse.ftlh})
 * and a paged listing for every product, kind and year and for all articles ({@code listing.ftlh}),
 * each in three orders (ID, title, date) at stable URLs: {@code /browse/product/<slug>/},
 * {@code .../page/2/}, {@code .../by-title/}, {@code .../by-date/page/3/}. Every page of a listing
 * links every other page of it, so that any article is a few clicks from the hub.
 */
public final class BrowsePages {

    /** The hub's URL below the base URL. */
    public static final String HUB_URL = "/browse/";
    /** Articles per listing page. */
    public static final int PAGE_SIZE = 100;
    /** How many recently modified articles the hub shows. */
    static final int RECENT = 20;

    private final Catalog catalog;
    private final SiteConfig config;
    private final LayoutRenderer layouts;
    private final Map<String, Object> site;

    /**
     * @param site {@code site.*} for the templates
     */
    public BrowsePages(Catalog catalog, SiteConfig config, LayoutRenderer layouts, Map<String, Object> site) {
        this.catalog = catalog;
        this.config = config;
        this.layouts = layouts;
        this.site = site;
    }

    /** One page to write: a listing, in one order, one page of it (1-based). */
    record ListingPage(Listing listing, ListingSort sort, int number) {

        // Equal by the listing's URL: a listing's own equality and hash read every entry it lists
        // (all 60,000 of the listing of all articles), on every lookup of a page.
        @Override
        public boolean equals(Object o) {
            return o instanceof ListingPage p && p.listing.url().equals(listing.url()) && p.sort == sort
                    && p.number == number;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(listing.url(), sort, number);
        }
    }

    /** The URL of page {@code number} of a listing in an order, below the base URL. */
    public static String url(Listing listing, ListingSort sort, int number) {
        return listing.url() + sort.folder() + (number == 1 ? "" : "page/" + number + "/");
    }

    /** How many pages a listing has. */
    public static int pageCount(Listing listing) {
        return Math.max(1, (listing.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The output path of every page this writes, hub included (not the home page). */
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        out.add(outputPath(HUB_URL));
        for (ListingPage p : pages()) {
            out.add(outputPath(url(p.listing(), p.sort(), p.number())));
        }
        return out;
    }

    /**
     * Renders the hub (also as the home page when {@code home} is true) and every listing page, in
     * parallel when called inside a fork-join pool; template problems go to {@code diagnostics}.
     */
    public void write(boolean home, Diagnostics diagnostics, GeneratedFile.Sink sink) {
        writeHub(home, diagnostics, sink);
        // By ID (one entry per ID in the catalog): a record's hash would read every field on every lookup.
        Map<String, Long> shown = new ConcurrentHashMap<>();
        pages().parallelStream().forEach(p -> write(p, shown, diagnostics, sink));
    }

    /**
     * Renders only the pages that show one of the articles {@code ids}: the listing pages that
     * list one, and the hub (and home page) when it is among the recently modified. When nothing
     * but what the pages show of those articles changed since the last build (their summaries),
     * every other page is as the last build made it.
     */
    public void writeShowing(Set<String> ids, boolean home, Diagnostics diagnostics, GeneratedFile.Sink sink) {
        if (catalog.recent(RECENT).stream().anyMatch(e -> ids.contains(e.id()))) {
            writeHub(home, diagnostics, sink);
        }
        Map<String, Long> shown = new ConcurrentHashMap<>();
        PagesShowing.find(catalog, ids).entrySet().parallelStream()
                .forEach(p -> write(p.getKey(), p.getValue(), shown, diagnostics, sink));
    }

    private void writeHub(boolean home, Diagnostics diagnostics, GeneratedFile.Sink sink) {
        // A page whose template failed is reported and not written: half a page is no page.
        hub(diagnostics).ifPresent(hub -> {
            sink.accept(new GeneratedFile(outputPath(HUB_URL), hub));
            if (home) {
                sink.accept(new GeneratedFile("index.html", hub));
            }
        });
    }

    private void write(ListingPage p, Map<String, Long> shown, Diagnostics diagnostics, GeneratedFile.Sink sink) {
        write(p, entries(sorted(p.listing(), p.sort()), p.number()), shown, diagnostics, sink);
    }

    /** Writes a listing page that lists {@code entries}. */
    private void write(ListingPage p, List<CatalogEntry> entries, Map<String, Long> shown, Diagnostics diagnostics,
            GeneratedFile.Sink sink) {
        String path = outputPath(url(p.listing(), p.sort(), p.number()));
        // What the page shows: when it is as in the last build, the page is too, and neither
        // its variables nor the template need to be made.
        long inputs = inputs(p, entries, shown);
        if (!sink.keep(path, inputs)) {
            Map<String, Object> page = listingVariables(p, entries);
            Diagnostics own = diagnostics.child();
            layouts.renderComplete(Optional.of("listing"), site, page, "", SourcePosition.of("listing.ftlh"), own)
                    .ifPresent(html -> sink.accept(new GeneratedFile(path, html, inputs, own.reported())));
        }
    }

    /** Each listing in each order, sorted once (its pages are rendered in parallel). */
    private final Map<String, List<CatalogEntry>> sortedListings = new java.util.concurrent.ConcurrentHashMap<>();

    /** A listing's articles in an order, sorted once per build. */
    public List<CatalogEntry> sorted(Listing listing, ListingSort sort) {
        if (sort == ListingSort.ID) {
            return listing.entries();
        }
        return sortedListings.computeIfAbsent(listing.url() + sort.folder(), k -> {
            Map<CatalogEntry, Integer> place = places(sort);
            if (!listing.entries().stream().allMatch(place::containsKey)) {
                return listing.entries().stream().sorted(sort.order()).toList();
            }
            // By place, stably: equal places keep the listing's order, as sorting by the order would.
            return listing.entries().stream().sorted(Comparator.comparingInt(place::get)).toList();
        });
    }

    /**
     * Every article's place among all articles in an order, articles the order cannot tell apart
     * sharing one: each order's comparisons (titles, dates, article numbers parsed from IDs) are
     * made once per build, not again for every listing an article is in. Read-only once made.
     */
    private Map<CatalogEntry, Integer> places(ListingSort sort) {
        return places.computeIfAbsent(sort, s -> {
            List<CatalogEntry> all = new ArrayList<>(catalog.entries());
            all.sort(s.order());
            Map<CatalogEntry, Integer> place = new IdentityHashMap<>(all.size() * 2);
            int at = 0;
            for (int i = 0; i < all.size(); i++) {
                if (i > 0 && s.order().compare(all.get(i - 1), all.get(i)) != 0) {
                    at++;
                }
                place.put(all.get(i), at);
            }
            return place;
        });
    }

    private final Map<ListingSort, Map<CatalogEntry, Integer>> places = new ConcurrentHashMap<>();

    /**
     * Makes what {@link #writeShowing} reads of {@code catalog} for any article: every listing's
     * orders ({@link Catalog#order}) and the most recently modified articles. A catalog keeps
     * them, and a catalog patched from it keeps them too, so the first edit's build after this
     * does not sort 60,000 entries in each order (half a second on the archive).
     */
    public static void prepare(Catalog catalog) {
        for (Listing listing : catalog.allListings()) {
            for (ListingSort sort : sorts(listing)) {
                if (sort != ListingSort.ID) {
                    catalog.order(listing, sort.order());
                }
            }
        }
        catalog.recent(RECENT);
    }

    /**
     * The orders a listing is written in: all three for products, kinds and years; ID and date for
     * all articles (30,000 titles A to Z help nobody and would cost a third of the listing pages);
     * ID only for the articles citing one.
     */
    public static List<ListingSort> sorts(Listing listing) {
        return switch (listing.dimension()) {
            case ALL -> List.of(ListingSort.ID, ListingSort.DATE);
            case CITED -> List.of(ListingSort.ID);
            default -> List.of(ListingSort.values());
        };
    }

    private List<ListingPage> pages() {
        List<ListingPage> pages = new ArrayList<>();
        for (Listing listing : catalog.allListings()) {
            for (ListingSort sort : sorts(listing)) {
                for (int n = 1; n <= pageCount(listing); n++) {
                    pages.add(new ListingPage(listing, sort, n));
                }
            }
        }
        return pages;
    }

    private Optional<String> hub(Diagnostics diagnostics) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Browse");
        page.put("url", HUB_URL);
        page.put("layout", "browse");
        page.put("total", catalog.entries().size());
        page.put("all", new Count("All articles", config.relativeUrl(BrowsePages.url(
                catalog.listings(Dimension.ALL).get(0), ListingSort.ID, 1)), catalog.entries().size()));
        page.put("products", counts(Dimension.PRODUCT));
        page.put("kinds", counts(Dimension.KIND));
        page.put("years", counts(Dimension.YEAR));
        page.put("recent", catalog.recent(RECENT).stream().map(e -> ArticleLink.of(e, config)).toList());
        page.put("feed", config.relativeUrl(Feeds.SITE_FEED_URL));
        page.put("breadcrumbs", List.of(new Link("Home", config.relativeUrl("/"))));
        return layouts.renderComplete(Optional.of("browse"), site, page, "", SourcePosition.of("browse.ftlh"), diagnostics);
    }

    /**
     * A listing with its article count, as the hub shows it.
     *
     * @param name  what readers see
     * @param url   the listing's first page, base URL included
     * @param count how many articles it lists
     */
    public record Count(String name, String url, int count) {
    }

    private List<Count> counts(Dimension dimension) {
        return catalog.listings(dimension).stream()
                .map(l -> new Count(l.name(), config.relativeUrl(l.url()), l.size())).toList();
    }

    /**
     * The fingerprint of everything {@link #listingVariables} reads for a page (the theme and
     * the configuration are in every build's fingerprint): the listing's own facts, the order,
     * the page number, and what the page shows of each of its entries (see {@link ArticleLink#of}),
     * each entry's part computed once per build in {@code shown}. Keep the two methods in step.
     */
    private long inputs(ListingPage p, List<CatalogEntry> entries, Map<String, Long> shown) {
        Listing listing = p.listing();
        Fingerprint f = new Fingerprint()
                .add(listing.name()).add(listing.url()).add(listing.dimension().name()).add(listing.filter())
                .add(listing.size()).add(p.sort().name()).add(p.number()).add(PAGE_SIZE);
        for (CatalogEntry e : entries) {
            f.add(shown.computeIfAbsent(e.id(), k -> ArticleLink.key(e)));
        }
        return f.value();
    }

    /** The entries of page {@code number} (1-based) of a listing in an order. */
    static List<CatalogEntry> entries(List<CatalogEntry> sorted, int number) {
        int from = (number - 1) * PAGE_SIZE;
        return sorted.subList(from, Math.min(sorted.size(), from + PAGE_SIZE));
    }

    private Map<String, Object> listingVariables(ListingPage p, List<CatalogEntry> listed) {
        Listing listing = p.listing();
        int pages = pageCount(listing);
        int from = (p.number() - 1) * PAGE_SIZE;
        List<ArticleLink> entries = listed.stream().map(e -> ArticleLink.of(e, config)).toList();

        Map<String, Object> page = new LinkedHashMap<>();
        String title = listing.name();
        page.put("title", pages > 1 ? title + " (page " + p.number() + " of " + pages + ")" : title);
        page.put("heading", title);
        page.put("url", url(listing, p.sort(), p.number()));
        page.put("layout", "listing");
        page.put("dimension", listing.dimension().title());
        page.put("count", listing.size());
        page.put("sort", p.sort().label());
        page.put("page_number", p.number());
        page.put("page_count", pages);
        page.put("first", from + 1);
        page.put("entries", entries);
        List<Map<String, Object>> sorts = new ArrayList<>();
        for (ListingSort s : sorts(listing)) {
            sorts.add(ordered("label", s.label(), "url", config.relativeUrl(url(listing, s, 1)),
                    "current", s == p.sort()));
        }
        page.put("sorts", sorts);
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            numbers.add(ordered("number", n, "url", config.relativeUrl(url(listing, p.sort(), n)),
                    "current", n == p.number()));
        }
        page.put("pages", numbers);
        if (p.number() > 1) {
            page.put("previous_page", config.relativeUrl(url(listing, p.sort(), p.number() - 1)));
        }
        if (p.number() < pages) {
            page.put("next_page", config.relativeUrl(url(listing, p.sort(), p.number() + 1)));
        }
        if (listing.dimension() == Dimension.PRODUCT) {
            page.put("feed", config.relativeUrl(Feeds.productFeedUrl(listing)));
        }
        if (!listing.filter().isEmpty()) {
            String param = switch (listing.dimension()) {
                case PRODUCT -> "product";
                case KIND -> "type";
                case YEAR -> "year";
                case ALL, CITED -> "";
            };
            page.put("search", config.relativeUrl(SEARCH_URL) + "?" + param + "="
                    + java.net.URLEncoder.encode(listing.filter(), java.nio.charset.StandardCharsets.UTF_8));
        }
        page.put("breadcrumbs", List.of(new Link("Home", config.relativeUrl("/")),
                new Link("Browse", config.relativeUrl(HUB_URL))));
        return page;
    }

    private static final String SEARCH_URL = "/search/";

    /** A three-key map that prints its keys in order (Map.of's order changes between runs, and the page's fingerprint is printed). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return m;
    }

    /** The file a URL is written to ({@code /browse/} → {@code browse/index.html}). */
    static String outputPath(String url) {
        return url.substring(1) + "index.html";
    }
}
