package kb.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.collect.Overlay;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import kb.model.ArticleKinds;

/**
 * Every article of a site and the navigation between them: listings by product, kind and year,
 * backlinks (the articles citing each one), neighbours within a product, the most recently
 * modified. Built once after extraction; immutable and thread-safe.
 */
public final class Catalog {

    /** The listing of articles without an issue type. */
    public static final String NO_KIND = "none";
    /**
     * How many citing articles an article page lists; an article cited more often gets a listing
     * of them all ({@link Dimension#CITED}).
     */
    public static final int BACKLINKS_SHOWN = 20;
    /** The listing of articles without a readable date. */
    public static final String NO_YEAR = "unknown";

    private static final Comparator<CatalogEntry> BY_ID = Comparator.comparingLong(CatalogEntry::number)
            .thenComparing(CatalogEntry::id);

    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> byId;
    private final Map<Dimension, List<Listing>> listings;
    private final Map<String, Listing> productByName;
    private final Map<String, List<CatalogEntry>> backlinks;
    private final int citationsOutside;
    /** The orders made of listings ({@link #order}), by dimension, key and order. */
    private final Map<OrderKey, Order> orders;
    /**
     * The articles as given, in the order given, duplicates included: {@link #updated} compares
     * the next build's with them place by place, by reference (in a build daemon, an article that
     * did not change is the same object build after build).
     */
    private final CatalogEntry[] given;

    private record OrderKey(Dimension dimension, String key, Comparator<CatalogEntry> order) {
    }

    /**
     * A listing's entries in an order, as a stable sort puts them (ties in ID order).
     *
     * @param positions for each rank, the entry's place in the listing (in ID order)
     * @param ranks     for each place in the listing, the entry's rank in the order
     */
    public record Order(int[] positions, int[] ranks) {
    }

    /** The catalog of the given articles (any order; one entry per ID — the first wins). */
    public Catalog(Collection<CatalogEntry> articles) {
        this.given = articles.toArray(new CatalogEntry[0]);
        Map<String, CatalogEntry> ids = new HashMap<>();
        for (CatalogEntry e : articles) {
            ids.putIfAbsent(e.id(), e);
        }
        List<CatalogEntry> sorted = new ArrayList<>(ids.values());
        sorted.sort(BY_ID);
        this.entries = List.copyOf(sorted);
        this.byId = Map.copyOf(ids);

        // A few hundred distinct names among 60,000 articles: each slug is worked out once.
        Map<String, String> slugs = new HashMap<>();
        Function<String, String> slug = name -> slugs.computeIfAbsent(name, Slugs::of);
        Map<Dimension, List<Listing>> all = new LinkedHashMap<>();
        all.put(Dimension.PRODUCT, products(entries, slug));
        all.put(Dimension.KIND, group(entries, slug, Dimension.KIND, e -> e.kinds().isEmpty() ? List.of(NO_KIND) : e.kinds(),
                code -> code.equals(NO_KIND) ? "Not classified" : ArticleKinds.name(code),
                code -> code.equals(NO_KIND) ? "" : code,
                Comparator.comparing((Listing l) -> l.key().equals(NO_KIND)).thenComparing(Listing::size,
                        Comparator.reverseOrder()).thenComparing(Listing::name)));
        all.put(Dimension.YEAR, group(entries, slug, Dimension.YEAR, e -> List.of(e.year().isEmpty() ? NO_YEAR : e.year()),
                year -> year.equals(NO_YEAR) ? "Date unknown" : year, year -> year.equals(NO_YEAR) ? "" : year,
                Comparator.comparing((Listing l) -> l.key().equals(NO_YEAR)).thenComparing(Listing::key,
                        Comparator.reverseOrder())));
        all.put(Dimension.ALL, List.of(new Listing(Dimension.ALL, "all", "All articles", "", entries)));

        Map<String, Listing> products = new HashMap<>();
        for (Listing l : all.get(Dimension.PRODUCT)) {
            for (CatalogEntry e : l.entries()) {
                for (String p : e.products()) {
                    if (slug.apply(p).equals(l.key())) {
                        products.putIfAbsent(p, l);
                    }
                }
            }
        }
        this.productByName = Map.copyOf(products);
        this.namesByCode = countNamesByCode(entries);

        Map<String, List<CatalogEntry>> citing = new HashMap<>();
        int outside = 0;
        for (CatalogEntry e : entries) {
            for (String cited : e.cites()) {
                if (byId.containsKey(cited)) {
                    citing.computeIfAbsent(cited, k -> new ArrayList<>()).add(e);
                } else {
                    outside++;
                }
            }
        }
        citing.replaceAll((id, list) -> List.copyOf(list)); // entries are visited by ID: lists are sorted
        this.backlinks = Map.copyOf(citing);
        this.citationsOutside = outside;
        List<Listing> cited = new ArrayList<>();
        for (CatalogEntry e : entries) {
            List<CatalogEntry> by = citing.getOrDefault(e.id(), List.of());
            if (by.size() > BACKLINKS_SHOWN) {
                cited.add(new Listing(Dimension.CITED, e.id(), "Articles citing " + e.id(), "", by));
            }
        }
        all.put(Dimension.CITED, List.copyOf(cited));
        this.listings = Map.copyOf(all);
        this.orders = new java.util.concurrent.ConcurrentHashMap<>();
        this.recent = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /**
     * {@code listing} (one of this catalog's) in {@code order}, which must not depend on the
     * entries' summaries: made once, and kept by a catalog {@link #updated} from this one for
     * summary edits, whose entries keep their places. Thread-safe.
     */
    public Order order(Listing listing, Comparator<CatalogEntry> order) {
        return orders.computeIfAbsent(new OrderKey(listing.dimension(), listing.key(), order), k -> {
            List<CatalogEntry> entries = listing.entries();
            Integer[] sorted = new Integer[entries.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = i;
            }
            java.util.Arrays.sort(sorted, (i, j) -> order.compare(entries.get(i), entries.get(j))); // stable
            int[] positions = new int[sorted.length];
            int[] ranks = new int[sorted.length];
            for (int r = 0; r < sorted.length; r++) {
                positions[r] = sorted[r];
                ranks[sorted[r]] = r;
            }
            return new Order(positions, ranks);
        });
    }

    /**
     * The catalog of {@code articles} (as the constructor takes them), made from this one when
     * they are its articles but for summaries: such an edit moves no article between listings,
     * so the new entries take the old ones' places. Else a catalog made anew.
     */
    public Catalog updated(Collection<CatalogEntry> articles) {
        CatalogEntry[] given = articles.toArray(new CatalogEntry[0]);
        Map<CatalogEntry, CatalogEntry> inPlace = changedInPlace(given);
        if (inPlace != null) {
            return inPlace.isEmpty() ? this : new Catalog(this, inPlace, given);
        }
        Map<String, CatalogEntry> ids = new HashMap<>();
        for (CatalogEntry e : articles) {
            ids.putIfAbsent(e.id(), e);
        }
        if (ids.size() != byId.size()) {
            return new Catalog(articles);
        }
        Map<CatalogEntry, CatalogEntry> changed = new java.util.IdentityHashMap<>();
        for (CatalogEntry now : ids.values()) {
            CatalogEntry was = byId.get(now.id());
            if (was == null) {
                return new Catalog(articles);
            }
            if (now != was && !now.equals(was)) {
                if (!now.equals(was.withSummary(now.summary()))) {
                    return new Catalog(articles);
                }
                changed.put(was, now);
            }
        }
        return changed.isEmpty() ? this : new Catalog(this, changed, given);
    }

    /**
     * The entries of this catalog that {@code now} replaces for a summary edit, found place by
     * place against the articles this catalog was given: a look at each article's reference, no
     * look-up by ID. Null when the articles are not this catalog's, place by place, but for
     * summaries of entries the catalog holds (then {@link #updated} compares them by ID).
     */
    private Map<CatalogEntry, CatalogEntry> changedInPlace(CatalogEntry[] now) {
        if (now.length != given.length) {
            return null;
        }
        Map<CatalogEntry, CatalogEntry> changed = new java.util.IdentityHashMap<>();
        for (int i = 0; i < now.length; i++) {
            CatalogEntry was = given[i];
            CatalogEntry entry = now[i];
            if (entry != was && !entry.equals(was)) {
                // Only an entry the catalog holds (the first of its ID), with another summary.
                if (byId.get(was.id()) != was || !entry.equals(was.withSummary(entry.summary()))) {
                    return null;
                }
                changed.put(was, entry);
            }
        }
        return changed;
    }

    /** {@code catalog} with each entry that is a key of {@code changed} replaced by its value, in place. */
    private Catalog(Catalog catalog, Map<CatalogEntry, CatalogEntry> changed, CatalogEntry[] given) {
        this.given = given;
        this.entries = replaced(catalog.entries, changed);
        Map<String, CatalogEntry> ids = new HashMap<>();
        changed.values().forEach(e -> ids.put(e.id(), e));
        this.byId = Overlay.of(catalog.byId, ids);
        Map<Listing, Listing> moved = new java.util.IdentityHashMap<>();
        Map<Dimension, List<Listing>> all = new LinkedHashMap<>();
        catalog.listings.forEach((dimension, listings) -> {
            List<Listing> now = new ArrayList<>(listings.size());
            for (Listing l : listings) {
                List<CatalogEntry> entries = replaced(l.entries(), changed);
                Listing n = entries == l.entries() ? l : new Listing(l.dimension(), l.key(), l.name(), l.filter(), entries);
                moved.put(l, n);
                now.add(n);
            }
            all.put(dimension, List.copyOf(now));
        });
        this.listings = Map.copyOf(all);
        Map<String, Listing> products = new HashMap<>();
        catalog.productByName.forEach((name, l) -> products.put(name, moved.getOrDefault(l, l)));
        this.productByName = Map.copyOf(products);
        this.namesByCode = catalog.namesByCode;
        // Only the lists of the articles an entry cites can hold it (its citations are as they were).
        Map<String, List<CatalogEntry>> citing = new HashMap<>();
        for (CatalogEntry was : changed.keySet()) {
            for (String cited : was.cites()) {
                List<CatalogEntry> list = citing.getOrDefault(cited, catalog.backlinks.get(cited));
                if (list != null) {
                    citing.put(cited, replaced(list, changed));
                }
            }
        }
        this.backlinks = Overlay.of(catalog.backlinks, citing);
        this.citationsOutside = catalog.citationsOutside;
        this.orders = new java.util.concurrent.ConcurrentHashMap<>(catalog.orders); // no order reads summaries
        // Nor does the order of the most recent: the same articles, the new entries in the old ones' places.
        this.recent = new java.util.concurrent.ConcurrentHashMap<>();
        catalog.recent.forEach((count, list) -> recent.put(count, replaced(list, changed)));
    }

    /** {@code list} with the entries {@code changed} replaces replaced; the list itself when it has none. */
    private static List<CatalogEntry> replaced(List<CatalogEntry> list, Map<CatalogEntry, CatalogEntry> changed) {
        // Entries that are not among a few changed ones are passed over without a look-up.
        Predicate<CatalogEntry> among = isOneOf(changed.keySet());
        CatalogEntry[] copy = null;
        for (int i = 0; i < list.size(); i++) {
            CatalogEntry now = among.test(list.get(i)) ? changed.get(list.get(i)) : null;
            if (now != null) {
                if (copy == null) {
                    copy = list.toArray(new CatalogEntry[0]);
                }
                copy[i] = now;
            }
        }
        return copy == null ? list : List.of(copy);
    }

    /** Up to how many entries {@link #isOneOf} compares by reference. */
    private static final int FEW = 16;

    /**
     * Whether an entry is one of {@code entries}, this catalog's own: every list a catalog holds
     * (listings, backlinks, the most recent) holds its own entries, so a few are found by
     * reference, without a look into each entry (an identity or ID look-up reads each one, 250,000
     * across the listings of the archive: 18 ms of an edit's build to find its listing pages).
     */
    private static Predicate<CatalogEntry> isOneOf(java.util.Collection<CatalogEntry> entries) {
        if (entries.size() > FEW) {
            Set<CatalogEntry> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            all.addAll(entries);
            return all::contains;
        }
        CatalogEntry[] few = entries.toArray(new CatalogEntry[0]);
        return entry -> {
            for (CatalogEntry e : few) {
                if (e == entry) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Whether an entry of this catalog's lists is the article of one of {@code ids}. */
    public Predicate<CatalogEntry> showing(Set<String> ids) {
        if (ids.size() > FEW) {
            return e -> ids.contains(e.id());
        }
        return isOneOf(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
    }

    /** Every article, ordered by ID. */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The article with this ID, if the site has it. */
    public Optional<CatalogEntry> article(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The listings of one dimension: products and kinds by name, years newest first. */
    public List<Listing> listings(Dimension dimension) {
        return listings.get(dimension);
    }

    /** Every listing, dimension by dimension. */
    public List<Listing> allListings() {
        List<Listing> all = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            all.addAll(listings.get(d));
        }
        return all;
    }

    /** The listing of a product by its name as an article writes it. */
    public Optional<Listing> product(String name) {
        return Optional.ofNullable(productByName.get(name.strip()));
    }

    /**
     * The product listing of a product code ({@code sms}): that of the product most of the code's
     * articles name first.
     */
    public Optional<Listing> productOfCode(String code) {
        return mostFrequent(namesByCode.getOrDefault(code, Map.of())).flatMap(this::product);
    }

    /**
     * How often each product name comes first in the articles listing a product code, by code:
     * counted in one pass, as every article page asks for its codes.
     */
    private final Map<String, Map<String, Integer>> namesByCode;

    private static Map<String, Map<String, Integer>> countNamesByCode(List<CatalogEntry> entries) {
        Map<String, Map<String, Integer>> names = new HashMap<>();
        for (CatalogEntry e : entries) {
            if (e.products().isEmpty()) {
                continue;
            }
            for (String code : new java.util.HashSet<>(e.productCodes())) {
                names.computeIfAbsent(code, k -> new HashMap<>()).merge(e.products().get(0), 1, Integer::sum);
            }
        }
        return names;
    }

    /** The listing of every article citing this one, when there are more than {@link #BACKLINKS_SHOWN}. */
    public Optional<Listing> citedBy(String id) {
        return backlinks(id).size() > BACKLINKS_SHOWN
                ? Optional.of(new Listing(Dimension.CITED, id, "Articles citing " + id, "", backlinks(id)))
                : Optional.empty();
    }

    /** The articles citing this one, ordered by ID. */
    public List<CatalogEntry> backlinks(String id) {
        return backlinks.getOrDefault(id, List.of());
    }

    /** How many citations (first citation of an ID per article) name articles the site does not have. */
    public int citationsOutside() {
        return citationsOutside;
    }

    /** The articles before and after this one by ID within its first product's listing. */
    public Neighbours neighbours(CatalogEntry entry) {
        if (entry.products().isEmpty()) {
            return new Neighbours(Optional.empty(), Optional.empty());
        }
        return product(entry.products().get(0)).map(listing -> neighbours(entry, listing))
                .orElse(new Neighbours(Optional.empty(), Optional.empty()));
    }

    /** The articles before and after this one by ID within a listing (none when it is not listed there). */
    public Neighbours neighbours(CatalogEntry entry, Listing listing) {
        List<CatalogEntry> list = listing.entries();
        int at = java.util.Collections.binarySearch(list, entry, BY_ID);
        if (at < 0) {
            return new Neighbours(Optional.empty(), Optional.empty());
        }
        return new Neighbours(at > 0 ? Optional.of(list.get(at - 1)) : Optional.empty(),
                at + 1 < list.size() ? Optional.of(list.get(at + 1)) : Optional.empty());
    }

    /** The {@code count} most recently modified articles, newest first (then by ID). */
    public List<CatalogEntry> recent(int count) {
        // Made once per catalog and count: the feeds and the hub ask for them in every build, and
        // a look at 60,000 entries took 20 ms each time.
        return recent.computeIfAbsent(count, c -> recent(entries, c));
    }

    /** The lists {@link #recent(int)} made, by count. */
    private final Map<Integer, List<CatalogEntry>> recent;

    /**
     * The {@code count} most recently modified of some articles, newest first (then by ID): as
     * the first dated ones of a stable sort by date, newest first, of a listing (which is in ID
     * order).
     */
    public static List<CatalogEntry> recent(Collection<CatalogEntry> entries, int count) {
        Comparator<CatalogEntry> newestFirst = Comparator.comparing(CatalogEntry::lastModified).reversed()
                .thenComparing(BY_ID);
        // The best few kept as they come (the order is total: IDs differ), not all 60,000 sorted.
        PriorityQueue<CatalogEntry> kept = new PriorityQueue<>(newestFirst.reversed());
        for (CatalogEntry e : entries) {
            if (count > 0 && !e.lastModified().isEmpty()) {
                if (kept.size() < count) {
                    kept.add(e);
                } else if (newestFirst.compare(e, kept.peek()) < 0) {
                    kept.poll();
                    kept.add(e);
                }
            }
        }
        List<CatalogEntry> recent = new ArrayList<>(kept);
        recent.sort(newestFirst);
        return List.copyOf(recent);
    }

    /** The article before and the one after a given one. */
    public record Neighbours(Optional<CatalogEntry> previous, Optional<CatalogEntry> next) {
    }

    /** Products grouped by slug; a listing is named by the spelling most of its articles use. */
    private static List<Listing> products(List<CatalogEntry> entries, Function<String, String> slugOf) {
        Map<String, List<CatalogEntry>> bySlug = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (CatalogEntry e : entries) {
            for (String p : e.products()) {
                String slug = slugOf.apply(p);
                if (slug.isEmpty()) {
                    continue;
                }
                List<CatalogEntry> list = bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != e) {
                    list.add(e);
                }
                spellings.computeIfAbsent(slug, k -> new HashMap<>()).merge(p, 1, Integer::sum);
            }
        }
        List<Listing> listings = new ArrayList<>();
        bySlug.forEach((slug, list) -> {
            String name = mostFrequent(spellings.get(slug)).orElse(slug);
            listings.add(new Listing(Dimension.PRODUCT, slug, name, name, list));
        });
        listings.sort(Comparator.comparing((Listing l) -> l.name().toLowerCase(java.util.Locale.ROOT)));
        return List.copyOf(listings);
    }

    /** The key counted most often; of equal counts, the first in alphabetical order. */
    private static Optional<String> mostFrequent(Map<String, Integer> counts) {
        String best = null;
        int most = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most || e.getValue() == most && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Listing> group(List<CatalogEntry> entries, Function<String, String> slug, Dimension dimension,
            Function<CatalogEntry, List<String>> keys, Function<String, String> name,
            Function<String, String> filter, Comparator<Listing> order) {
        Map<String, List<CatalogEntry>> byKey = new HashMap<>();
        Map<String, String> cleaned = new HashMap<>();
        for (CatalogEntry e : entries) {
            for (String key : keys.apply(e)) {
                String k = cleaned.computeIfAbsent(key,
                        x -> slug.apply(x).isEmpty() ? x : x.replaceAll("[^a-z0-9_-]", ""));
                if (!k.isEmpty()) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
                }
            }
        }
        List<Listing> listings = new ArrayList<>();
        byKey.forEach((key, list) -> listings.add(new Listing(dimension, key, name.apply(key), filter.apply(key), list)));
        listings.sort(order);
        return List.copyOf(listings);
    }
}
