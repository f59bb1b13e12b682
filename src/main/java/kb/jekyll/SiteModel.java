package kb.jekyll;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code site} and {@code page} variables Jekyll gives Liquid: {@code site.pages},
 * {@code site.posts} (newest first), {@code site.<collection>}, {@code site.collections},
 * {@code site.documents}, {@code site.html_pages}, {@code site.categories}, {@code site.tags},
 * {@code site.data}; and for each source {@code page.url}, {@code path}, {@code name},
 * {@code dir} (pages), {@code id}, {@code collection}, {@code date}, {@code slug}, {@code ext},
 * {@code relative_path}, {@code categories}, {@code tags}, {@code excerpt} (documents), and
 * {@code content}. A page's variables are one map, shared by {@code page} on its own page and its
 * entry in {@code site.pages}; content and excerpts are rendered when first read (documents are
 * rendered without layout, as Jekyll renders them before pages). Thread-safe.
 */
public final class SiteModel {

    /** Renders a source's text for {@code content} and {@code excerpt}, without layout. */
    public interface ContentRenderer {
        /** The page's content: its body through Liquid (and Markdown for Markdown sources). */
        String content(JekyllPage page);

        /** A document's excerpt: its body up to the separator, rendered as its content is. */
        String excerpt(JekyllPage page, String separator);
    }

    /** Each page's variables, made when first asked for: a KB archive's Liquid reads a few of 60,000. */
    private final Map<String, Map<String, Object>> pages = new java.util.concurrent.ConcurrentHashMap<>();
    private final Function<String, JekyllPage> sources;
    private final ZonedDateTime time;
    private final String separator;
    private final ContentRenderer renderer;
    private final Map<String, Object> site;

    /**
     * @param siteValues  {@code site.*} from the configuration ({@code title}, {@code url}, ...)
     * @param sources     every page and document, in no particular order
     * @param collections the site's collections
     * @param data        {@code site.data}
     * @param time        {@code site.time}, also the date of a document without one
     * @param renderer    renders content and excerpts when they are first read
     */
    public SiteModel(Map<String, Object> siteValues, List<JekyllPage> sources, Collections collections,
            Map<String, Object> data, ZonedDateTime time, ContentRenderer renderer) {
        this(siteValues, () -> sources, byPath(sources), collections, data, time, renderer);
    }

    /** The last of {@code pages} with each relative path. */
    private static Function<String, JekyllPage> byPath(List<JekyllPage> pages) {
        Map<String, JekyllPage> byPath = new HashMap<>();
        pages.forEach(page -> byPath.put(page.relativePath(), page));
        return byPath::get;
    }

    /**
     * A model whose pages are made when first needed: a build's Liquid reads the variables of a
     * few pages of 60,000, and lists of them seldom (making them all took 40 ms of an edit's build).
     *
     * @param sources every page and document, in no particular order, asked for when a list of
     *                the site is first read
     * @param byPath  the page or document of a relative path (null: none), asked for when its
     *                {@code page} variables are first read
     */
    public SiteModel(Map<String, Object> siteValues, Supplier<List<JekyllPage>> sources,
            Function<String, JekyllPage> byPath, Collections collections, Map<String, Object> data,
            ZonedDateTime time, ContentRenderer renderer) {
        // Sorted when a list of the site is first read: most builds read none (a KB archive's
        // pages keep their Liquid in raw blocks), and sorting 60,000 paths took 20 ms of each.
        Supplier<List<JekyllPage>> sorted = memoized(() -> {
            List<JekyllPage> all = new ArrayList<>(sources.get());
            all.sort(Comparator.comparing(JekyllPage::relativePath));
            return all;
        });
        this.separator = String.valueOf(siteValues.getOrDefault("excerpt_separator", "\n\n"));
        this.time = time;
        this.renderer = renderer;
        this.sources = byPath;
        Map<String, Object> values = new LinkedHashMap<>(siteValues);
        values.put("data", data);
        values.put("time", time);
        Map<String, Supplier<Object>> lazy = new LinkedHashMap<>();
        lazy.put("pages", () -> list(sorted.get().stream().filter(p -> p.document().isEmpty())
                .sorted(Comparator.comparing(JekyllPage::name).thenComparing(JekyllPage::relativePath)).toList()));
        lazy.put("html_pages", () -> list(sorted.get().stream().filter(p -> p.document().isEmpty() && p.html())
                .sorted(Comparator.comparing(JekyllPage::name).thenComparing(JekyllPage::relativePath)).toList()));
        for (Collection c : collections.all()) {
            lazy.put(c.label(), () -> {
                List<Map<String, Object>> docs = docs(sorted.get(), c, time);
                return c.isPosts() ? reversed(docs) : docs;
            });
        }
        lazy.put("collections", () -> collections.all().stream()
                .sorted(Comparator.comparing(Collection::label))
                .map(c -> (Object) collection(c, docs(sorted.get(), c, time))).toList());
        lazy.put("documents", () -> {
            List<Map<String, Object>> all = new ArrayList<>();
            collections.all().forEach(c -> all.addAll(docs(sorted.get(), c, time)));
            return all;
        });
        lazy.put("categories", () -> grouped(sorted.get(), collections, time, "categories"));
        lazy.put("tags", () -> grouped(sorted.get(), collections, time, "tags"));
        lazy.put("static_files", List::of);
        this.site = new LazyMap(values, lazy);
    }

    /** {@code supplier}'s value, made once, when first asked for (from any thread). */
    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** {@code site}. */
    public Map<String, Object> site() {
        return site;
    }

    /** {@code page} for the source at {@code relativePath}, if the model has it. */
    public Optional<Map<String, Object>> page(String relativePath) {
        JekyllPage page = sources.apply(relativePath);
        return page == null ? Optional.empty()
                : Optional.of(pages.computeIfAbsent(relativePath, p -> variables(page, time, separator, renderer)));
    }

    private Map<String, Object> variablesOf(JekyllPage page) {
        return page(page.relativePath()).orElseThrow();
    }

    private Map<String, Object> variables(JekyllPage page, ZonedDateTime time, String siteSeparator,
            ContentRenderer renderer) {
        Map<String, Object> v = new LinkedHashMap<>(page.frontMatter());
        Map<String, Supplier<Object>> lazy = new LinkedHashMap<>();
        // Which of Jekyll's own values win over a front-matter key of the same name is Jekyll's
        // (checked with jekyll 4.3.1): a page's url, name and dir, but its own path; a document's
        // url, collection, id and path, but its own name, slug and ext.
        v.put("url", page.url());
        lazy.put("content", () -> renderer.content(page));
        if (page.document().isEmpty()) {
            String rel = page.relativePath();
            v.put("name", page.name());
            v.putIfAbsent("path", rel);
            v.put("dir", "/" + (rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : ""));
            return new LazyMap(v, lazy);
        }
        Document doc = page.document().get();
        String rel = page.relativePath();
        v.putIfAbsent("name", page.name());
        v.put("path", rel);
        v.put("relative_path", rel);
        v.put("collection", doc.collection().label());
        v.put("slug", page.frontMatter().getOrDefault("slug", doc.slug()));
        v.put("ext", page.frontMatter().getOrDefault("ext", extension(page.name())));
        v.put("date", doc.date().orElse(time));
        v.putIfAbsent("title", titleize(doc.slug()));
        String url = page.url();
        String folder = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        folder = folder.substring(0, folder.lastIndexOf('/') + 1);
        v.put("id", folder + doc.slug());
        if (doc.collection().isPosts()) {
            v.put("categories", doc.categories());
            List<String> tags = new ArrayList<>(DocumentUrls.words(page.frontMatter().get("tags")));
            tags.addAll(DocumentUrls.words(page.frontMatter().get("tag")));
            v.put("tags", tags);
        }
        Object own = page.frontMatter().get("excerpt_separator");
        String separator = own != null ? String.valueOf(own) : siteSeparator;
        if (!page.frontMatter().containsKey("excerpt")) {
            lazy.put("excerpt", () -> renderer.excerpt(page, separator));
        }
        return new LazyMap(v, lazy);
    }

    private List<Map<String, Object>> docs(List<JekyllPage> sorted, Collection c, ZonedDateTime time) {
        List<JekyllPage> docs = new ArrayList<>(sorted.stream()
                .filter(p -> p.document().map(d -> d.collection().equals(c)).orElse(false)).toList());
        docs.sort(Comparator.comparing((JekyllPage p) -> p.document().orElseThrow().date().orElse(time))
                .thenComparing(JekyllPage::relativePath));
        return docs.stream().map(this::variablesOf).toList();
    }

    private List<Object> list(List<JekyllPage> of) {
        return of.stream().map(p -> (Object) variablesOf(p)).toList();
    }

    private static Map<String, Object> collection(Collection c, List<Map<String, Object>> docs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", c.label());
        m.put("docs", docs);
        m.put("files", List.of());
        m.put("relative_directory", c.folder());
        m.put("output", c.output());
        c.permalink().ifPresent(p -> m.put("permalink", p));
        return m;
    }

    /** {@code site.categories} / {@code site.tags}: name to its posts, newest first. */
    private Map<String, Object> grouped(List<JekyllPage> sorted, Collections collections, ZonedDateTime time, String key) {
        Map<String, Object> grouped = new TreeMap<>();
        for (Collection c : collections.all()) {
            if (!c.isPosts()) {
                continue;
            }
            for (Map<String, Object> post : reversed(docs(sorted, c, time))) {
                if (post.get(key) instanceof List<?> names) {
                    for (Object name : names) {
                        @SuppressWarnings("unchecked")
                        List<Object> posts = (List<Object>) grouped.computeIfAbsent(String.valueOf(name), n -> new ArrayList<>());
                        posts.add(post);
                    }
                }
            }
        }
        return grouped;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    /** Jekyll's {@code titleize_slug}: {@code new-data-centre} -> {@code New Data Centre}. */
    static String titleize(String slug) {
        List<String> words = new ArrayList<>();
        for (String w : slug.split("-")) {
            if (!w.isEmpty()) {
                words.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
            }
        }
        return String.join(" ", words);
    }
}
