package kb.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import kb.config.SiteConfig;
import kb.json.KbJson;

/**
 * The files a site needs for search beyond its pages: the compact title index the search page
 * falls back to on a static host ({@value #STATIC_INDEX}), the OpenSearch description
 * ({@value #OPENSEARCH}), the site facts {@code kb serve} reads ({@value #SITE_JSON}), the
 * compact ID index short links are resolved with ({@value #ID_INDEX}, see {@link ArticleIdIndex})
 * and the 404 page, rendered through the theme ({@value #NOT_FOUND_TEMPLATE}{@code .ftlh}).
 *
 * <p>The static index is small because numbers and titles are coded. Its JSON object holds:
 * <ul>
 * <li>{@code format}: {@value #FORMAT};</li>
 * <li>{@code alphabet} and {@code terminals}: the characters codes are written with. A code is
 *     zero or more continuation characters (those after the first {@code terminals} of
 *     {@code alphabet}) and one terminal character (one of the first {@code terminals}). Codes of
 *     one character stand for 0 to {@code T-1} ({@code T = terminals}), codes of two for the next
 *     {@code T*C} numbers ({@code C} = the number of continuation characters), and so on; within
 *     one length, the continuation characters are the base-{@code C} digits of
 *     {@code (value - first of that length) / T}, most significant first, and the terminal is the
 *     remainder. Codes follow each other without separators;</li>
 * <li>{@code prefix} and {@code url}: article {@code n} has the ID {@code prefix + n} and the URL
 *     (below the base URL) {@code url} with {@code {id}} replaced by the ID and {@code {group}} by
 *     the first three digits of {@code n} padded to six ({@code /kb/{group}/{id}/} gives
 *     {@code /kb/010/Q10022/});</li>
 * <li>{@code ids}: the article numbers in ascending order as codes, each the difference to the
 *     one before (the first as is);</li>
 * <li>{@code words}: the words of all titles (split at single spaces, as written), most frequent
 *     first, joined by single spaces;</li>
 * <li>{@code titles}: for each article of {@code ids}, its title as the codes of its words (which
 *     are joined by single spaces), the titles joined by single spaces;</li>
 * <li>{@code other}: {@code [id, title, url]} for articles whose ID or URL does not follow the
 *     pattern.</li>
 * </ul>
 * On the 30,000 articles of the archive's dev half it is about 0.75 MB (0.5 MB gzipped).
 */
public final class SearchAssets {

    /** Where the static title index goes, below the site folder. */
    public static final String STATIC_INDEX = "assets/search-index.json";
    /** Where the OpenSearch description goes, below the site folder. */
    public static final String OPENSEARCH = "opensearch.xml";
    /** Where the site facts for {@code kb serve} go, below the site folder. */
    public static final String SITE_JSON = "kb-site.json";
    /** The search page's URL below the base URL. */
    public static final String SEARCH_URL = "/search/";
    /** Where the search page goes, below the site folder (rendered with {@value #SEARCH_TEMPLATE}). */
    public static final String SEARCH_PAGE = "search/index.html";
    /** The layout the search page is rendered with ({@code search.ftlh}, whose parent is {@code default}). */
    public static final String SEARCH_TEMPLATE = "search";
    /** Where the compact ID index goes, below the site folder (see {@link ArticleIdIndex}). */
    public static final String ID_INDEX = "assets/article-ids.json";
    /** Where the 404 page goes, below the site folder, unless the site has its own. */
    public static final String NOT_FOUND_PAGE = "404.html";
    /** The layout the 404 page is rendered with ({@code 404.ftlh}, whose parent is {@code default}). */
    public static final String NOT_FOUND_TEMPLATE = "404";
    /** Every file the build writes for search and short links, below the site folder. */
    public static final List<String> OUTPUTS = List.of(STATIC_INDEX, OPENSEARCH, SITE_JSON, SEARCH_PAGE, ID_INDEX,
            NOT_FOUND_PAGE);
    /** The {@code format} value of the static index. */
    public static final String FORMAT = "kb-title-index/1";

    /** Characters of word codes: printable ASCII without {@code "} and {@code \}, safe in JSON strings. */
    static final String ALPHABET;
    /** How many characters of {@link #ALPHABET} end a code. */
    static final int TERMINALS = 60;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            if (c != '"' && c != '\\') {
                sb.append(c);
            }
        }
        ALPHABET = sb.toString();
    }

    /**
     * One article of the static index.
     *
     * @param id    the article ID ({@code Q319864})
     * @param title the title without the ID ({@code Article.title()}); a leading {@code "Q319864: "} is cut
     * @param url   the page URL below the base URL, as {@code page.url()} ({@code /kb/319/Q319864/})
     */
    public record Entry(String id, String title, String url) {

        public Entry {
            Objects.requireNonNull(id, "id");
            title = title == null ? "" : title;
            Objects.requireNonNull(url, "url");
        }
    }

    private final SiteConfig config;

    public SearchAssets(SiteConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The static title index of the given articles (see the class comment for the format). */
    public String staticIndexJson(List<Entry> articles) {
        List<Entry> entries = articles.stream().map(SearchAssets::withoutIdPrefix).toList();
        ArticleUrlPattern pattern = ArticleUrlPattern.fitting(entries);
        List<Numbered> numbered = new ArrayList<>();
        List<List<String>> other = new ArrayList<>();
        for (Entry e : entries) {
            OptionalLong n = pattern.number(e);
            if (n.isPresent()) {
                numbered.add(new Numbered(n.getAsLong(), e.title()));
            } else {
                other.add(List.of(e.id(), e.title(), e.url()));
            }
        }
        numbered.sort(Comparator.comparingLong(Numbered::n));

        Map<String, Integer> frequency = new HashMap<>();
        for (Numbered n : numbered) {
            for (String word : n.title().split(" ", -1)) {
                frequency.merge(word, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>(frequency.keySet());
        words.sort(Comparator.comparing((String w) -> -frequency.get(w)).thenComparing(Comparator.naturalOrder()));
        Map<String, String> codes = new HashMap<>();
        for (int k = 0; k < words.size(); k++) {
            codes.put(words.get(k), code(k));
        }

        StringBuilder ids = new StringBuilder(numbered.size() * 2);
        StringBuilder titles = new StringBuilder(numbered.size() * 20);
        long previous = 0;
        for (Numbered n : numbered) {
            ids.append(code(n.n() - previous));
            previous = n.n();
            if (!titles.isEmpty()) {
                titles.append(' ');
            }
            for (String word : n.title().split(" ", -1)) {
                titles.append(codes.get(word));
            }
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("baseurl", config.baseurl());
        json.put("prefix", pattern.prefix());
        json.put("url", pattern.template());
        json.put("alphabet", ALPHABET);
        json.put("terminals", TERMINALS);
        json.put("ids", ids.toString());
        json.put("words", String.join(" ", words));
        json.put("titles", titles.toString());
        json.put("other", other);
        return KbJson.write(json);
    }

    /** The OpenSearch description of the site's search page, with the site's {@code url} (may be empty). */
    public String openSearchXml() {
        return openSearchXml(config.url());
    }

    /**
     * The OpenSearch description with the search page at {@code origin} ({@code http://localhost:4000});
     * {@code kb serve} answers with the origin the browser used.
     */
    public String openSearchXml(String origin) {
        String site = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        String searchPage = site + config.relativeUrl(SEARCH_URL);
        String name = config.title().isBlank() ? "kb" : config.title();
        String shortName = shortName(name);
        String description = config.description().isBlank() ? "Search " + name : config.description();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>%s</ShortName>
                  <Description>%s</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Url type="text/html" method="get" template="%s?q={searchTerms}"/>
                </OpenSearchDescription>
                """.formatted(xml(shortName), xml(description), xml(searchPage));
    }

    /**
     * {@code page.*} of the search page for the layout chain: {@code title} "Search", {@code url},
     * {@code path}, and an empty {@code content} (the template holds the whole page).
     */
    public Map<String, Object> searchPageVariables() {
        return Map.of("title", "Search", "url", SEARCH_URL, "path", SEARCH_TEMPLATE + ".ftlh", "content", "",
                "layout", SEARCH_TEMPLATE);
    }

    /** What {@code kb serve} needs to know about the site: {@code {baseurl, title, search}}. */
    public String siteJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("baseurl", config.baseurl());
        json.put("title", config.title());
        json.put("search", config.relativeUrl(SEARCH_URL));
        return KbJson.write(json);
    }

    /**
     * {@code page.*} of the 404 page for the layout chain ({@value #NOT_FOUND_TEMPLATE}{@code .ftlh},
     * whose parent is {@code default}): {@code title}, {@code url}, {@code path}, an empty
     * {@code content}. The page is served at any address, so its links are all from the site root.
     */
    public Map<String, Object> notFoundPageVariables() {
        return Map.of("title", "Page not found", "url", "/" + NOT_FOUND_PAGE, "path", NOT_FOUND_TEMPLATE + ".ftlh",
                "content", "", "layout", NOT_FOUND_TEMPLATE, "noindex", true);
    }

    /** OpenSearch's ShortName: at most 16 characters, cut at a word boundary when possible. */
    private static String shortName(String name) {
        if (name.length() <= 16) {
            return name;
        }
        int space = name.lastIndexOf(' ', 16);
        return (space > 0 ? name.substring(0, space) : name.substring(0, 16)).strip();
    }

    /** The code of word number {@code k}: continuation digits, then one terminal character. */
    static String code(long k) {
        int continuations = ALPHABET.length() - TERMINALS;
        long first = 0;
        long count = TERMINALS;
        int length = 1;
        while (k >= first + count) {
            first += count;
            count *= continuations;
            length++;
        }
        long rest = k - first;
        char[] out = new char[length];
        out[length - 1] = ALPHABET.charAt((int) (rest % TERMINALS));
        rest /= TERMINALS;
        for (int i = length - 2; i >= 0; i--) {
            out[i] = ALPHABET.charAt(TERMINALS + (int) (rest % continuations));
            rest /= continuations;
        }
        return new String(out);
    }

    private record Numbered(long n, String title) {
    }

    private static Entry withoutIdPrefix(Entry e) {
        String lead = e.id() + ": ";
        return e.title().startsWith(lead) ? new Entry(e.id(), e.title().substring(lead.length()), e.url()) : e;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
