package kb.jekyll;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs of a collection's documents, as Jekyll 4 makes them: the document's
 * {@code permalink:}, else its collection's, else {@code /:collection/:path:output_ext} (posts:
 * the site's permalink style, {@code /:categories/:year/:month/:day/:title:output_ext} by
 * default), with the placeholders {@code :collection :path :name :title :slug :output_ext} and, for
 * dated documents, {@code :year :month :day :i_month :i_day :short_year :hour :minute :second
 * :y_day :categories}. Thread-safe.
 */
public final class DocumentUrls {

    /** {@code 2024-01-15-new-data-centre.md}: a post's date and slug. */
    private static final Pattern DATED = Pattern.compile("^(\\d{2,4}-\\d{1,2}-\\d{1,2})-(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");

    private final String siteStyle;
    private final ZoneId zone;

    /**
     * @param siteStyle the site's {@code permalink} setting
     * @param zone      the site's time zone
     */
    public DocumentUrls(String siteStyle, ZoneId zone) {
        this.siteStyle = siteStyle == null || siteStyle.isBlank() ? "date" : siteStyle;
        this.zone = zone;
    }

    /**
     * What a document's file name and front matter say about it.
     *
     * @param relativePath its path below the collection's folder ({@code offline-mode.md})
     * @param folderAbove  the folders above the collection's folder ({@code ""}, or a post's categories)
     */
    public Document document(Collection collection, String relativePath, String folderAbove,
            Map<String, Object> frontMatter) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String basename = dot <= 0 ? name : name.substring(0, dot);
        String slug = basename;
        Optional<ZonedDateTime> date = Optional.empty();
        Matcher dated = DATED.matcher(basename);
        if (collection.isPosts() && dated.matches()) {
            date = JekyllDates.parse(dated.group(1), zone);
            slug = dated.group(2);
        }
        Optional<ZonedDateTime> own = JekyllDates.parse(frontMatter.get("date"), zone);
        if (own.isPresent()) {
            date = own;
        }
        Object slugValue = frontMatter.get("slug");
        if (slugValue != null && !String.valueOf(slugValue).isBlank()) {
            slug = String.valueOf(slugValue);
        }
        List<String> categories = new ArrayList<>();
        if (collection.isPosts()) {
            for (String folder : folderAbove.split("/")) {
                if (!folder.isEmpty()) {
                    categories.add(folder);
                }
            }
            categories.addAll(words(frontMatter.get("category")));
            categories.addAll(words(frontMatter.get("categories")));
        }
        return new Document(collection, relativePath, basename, slug, date, categories);
    }

    /** A document's URL. */
    public String url(Document document, Map<String, Object> frontMatter, String outputExt) {
        Collection collection = document.collection();
        Object own = frontMatter.get("permalink");
        String template = own != null && !String.valueOf(own).isBlank() ? String.valueOf(own)
                : collection.permalink().map(this::expandStyle).orElseGet(() -> defaultTemplate(collection));
        Map<String, String> values = placeholders(document, outputExt);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(url, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(url);
        return clean("/" + url);
    }

    private String defaultTemplate(Collection collection) {
        if (collection.isPosts()) {
            return expandStyle(siteStyle);
        }
        return withSuffix("/:collection/:path");
    }

    /** A built-in style's template, or the template as written. */
    private String expandStyle(String style) {
        return switch (style) {
            case "date" -> "/:categories/:year/:month/:day/:title:output_ext";
            case "pretty" -> "/:categories/:year/:month/:day/:title/";
            case "ordinal" -> "/:categories/:year/:y_day/:title:output_ext";
            case "weekdate" -> "/:categories/:year/W:week/:short_day/:title:output_ext";
            case "none" -> "/:categories/:title:output_ext";
            default -> style;
        };
    }

    /** Jekyll's {@code add_permalink_suffix}: the site style decides how a collection URL ends. */
    private String withSuffix(String template) {
        return switch (siteStyle) {
            case "pretty" -> template + "/";
            case "date", "ordinal", "none", "weekdate" -> template + ":output_ext";
            default -> siteStyle.endsWith("/") ? template + "/"
                    : siteStyle.endsWith(":output_ext") ? template + ":output_ext" : template;
        };
    }

    private static Map<String, String> placeholders(Document facts, String outputExt) {
        Collection collection = facts.collection();
        Map<String, String> v = new LinkedHashMap<>();
        String path = facts.relativePath();
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/') + 1) {
            path = path.substring(0, dot);
        }
        v.put("collection", collection.label());
        v.put("path", path);
        v.put("output_ext", outputExt);
        v.put("name", escape(kb.liquid.Slugify.slugify(facts.basename(), "default", false)));
        v.put("title", escape(kb.liquid.Slugify.slugify(facts.slug(), "pretty", true)));
        v.put("slug", escape(kb.liquid.Slugify.slugify(facts.slug(), "default", false)));
        v.put("categories", String.join("/", facts.categories().stream()
                .map(c -> escape(c.toLowerCase(java.util.Locale.ROOT))).toList()));
        facts.date().ifPresent(d -> {
            v.put("year", String.format("%04d", d.getYear()));
            v.put("month", String.format("%02d", d.getMonthValue()));
            v.put("day", String.format("%02d", d.getDayOfMonth()));
            v.put("i_month", String.valueOf(d.getMonthValue()));
            v.put("i_day", String.valueOf(d.getDayOfMonth()));
            v.put("short_year", String.format("%02d", d.getYear() % 100));
            v.put("hour", String.format("%02d", d.getHour()));
            v.put("minute", String.format("%02d", d.getMinute()));
            v.put("second", String.format("%02d", d.getSecond()));
            v.put("y_day", String.format("%03d", d.getDayOfYear()));
            v.put("short_month", d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
            v.put("long_month", d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        });
        return v;
    }

    /** A placeholder's value as one URL segment (Jekyll escapes what a path may not hold). */
    private static String escape(String segment) {
        List<String> parts = new ArrayList<>();
        for (String part : segment.split("/", -1)) {
            parts.add(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("%28", "(").replace("%29", ")").replace("%21", "!").replace("%27", "'")
                    .replace("%7E", "~").replace("%24", "$").replace("%26", "&").replace("%2C", ",")
                    .replace("%3B", ";").replace("%3D", "=").replace("%40", "@").replace("%3A", ":"));
        }
        return String.join("/", parts);
    }

    /** Names given as a list, or as one string of blank-separated words ({@code categories: a b}). */
    static List<String> words(Object value) {
        List<String> words = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> words.add(String.valueOf(v)));
        } else if (value != null) {
            for (String s : String.valueOf(value).split("\\s+")) {
                if (!s.isEmpty()) {
                    words.add(s);
                }
            }
        }
        return words;
    }

    /** Runs of slashes made one; {@code ..} segments dropped. */
    private static String clean(String url) {
        String u = url.replaceAll("/{2,}", "/");
        return u.replace("/../", "/").replace("/./", "/");
    }
}
