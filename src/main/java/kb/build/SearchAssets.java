package kb.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.config.SiteConfig;

/**
 * The files a site needs for search beyond its pages: the compact title index the search page
 * falls back to on a static host ({@value #STATIC_INDEX}), the OpenSearch description
 * ({@value #OPENSEARCH}), the site facts {@code kb serve} reads ({@value #SITE_JSON}) and a
 * default 404 page.
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
    /** Every file the build writes for search, below the site folder. */
    public static final List<String> OUTPUTS = List.of(STATIC_INDEX, OPENSEARCH, SITE_JSON, SEARCH_PAGE);
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

    private static final Pattern NUMBERED_ID = Pattern.compile("([A-Za-z]*)([1-9][0-9]{0,8})");
    private static final ObjectMapper JSON = new ObjectMapper();

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
        UrlPattern pattern = urlPattern(entries);
        List<Numbered> numbered = new ArrayList<>();
        List<List<String>> other = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = NUMBERED_ID.matcher(e.id());
            if (m.matches() && m.group(1).equals(pattern.prefix())
                    && pattern.url(m.group(1), Long.parseLong(m.group(2))).equals(e.url())) {
                numbered.add(new Numbered(Long.parseLong(m.group(2)), e.title()));
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
        return write(json);
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
        return write(json);
    }

    /** A plain "Not found" page with the search box, for a site without a {@code 404.html}. */
    public String notFoundHtml() {
        String title = config.title().isBlank() ? "Not found" : "Not found | " + config.title();
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="%s">
                <script src="%s" data-baseurl="%s" defer></script>
                </head>
                <body>
                <main id="main_content" class="wrap">
                <h1>Not found</h1>
                <p>There is no page at this address. Search the site, or go to the <a href="%s">home page</a>.</p>
                <form class="kb-search-form" role="search" method="get" action="%s">
                  <label for="kb-search-q">Search</label>
                  <input id="kb-search-q" type="search" name="q" autocomplete="off">
                  <button type="submit">Search</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(xml(title), xml(config.relativeUrl("/assets/kb.css")),
                xml(config.relativeUrl("/assets/search.js")), xml(config.baseurl()),
                xml(config.relativeUrl("/")), xml(config.relativeUrl(SEARCH_URL)));
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

    /** How most article URLs follow from the ID. */
    private record UrlPattern(String prefix, String template) {

        String url(String idPrefix, long n) {
            return template.replace("{id}", idPrefix + n).replace("{group}", group(n));
        }
    }

    private static String group(long n) {
        String digits = Long.toString(n);
        String padded = digits.length() >= 6 ? digits : "0".repeat(6 - digits.length()) + digits;
        return padded.substring(0, 3);
    }

    /** The prefix and URL template that fit the most articles, tried from the first ones. */
    private static UrlPattern urlPattern(List<Entry> entries) {
        Map<UrlPattern, Integer> fits = new LinkedHashMap<>();
        for (Entry e : entries.subList(0, Math.min(entries.size(), 100))) {
            Matcher m = NUMBERED_ID.matcher(e.id());
            if (!m.matches() || !e.url().contains(e.id())) {
                continue;
            }
            String template = e.url().replace(e.id(), "{id}");
            String group = "/" + group(Long.parseLong(m.group(2))) + "/";
            int at = template.indexOf(group);
            if (at >= 0) {
                template = template.substring(0, at) + "/{group}/" + template.substring(at + group.length());
            }
            fits.putIfAbsent(new UrlPattern(m.group(1), template), 0);
        }
        for (Entry e : entries) {
            Matcher m = NUMBERED_ID.matcher(e.id());
            if (m.matches()) {
                long n = Long.parseLong(m.group(2));
                fits.replaceAll((p, count) -> p.prefix().equals(m.group(1)) && p.url(m.group(1), n).equals(e.url())
                        ? count + 1 : count);
            }
        }
        return fits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(new UrlPattern("Q", "/{id}/"));
    }

    private static Entry withoutIdPrefix(Entry e) {
        String lead = e.id() + ": ";
        return e.title().startsWith(lead) ? new Entry(e.id(), e.title().substring(lead.length()), e.url()) : e;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
