package kb.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kb.diag.SourcePosition;

/**
 * The site's {@code _config.yml}: the keys kb acts on, typed, plus every key as written so that
 * templates can read user-defined keys as {@code site.*}.
 *
 * @param title       site title ({@code title})
 * @param description site description ({@code description})
 * @param url         scheme and host, e.g. {@code https://example.com} ({@code url})
 * @param baseurl     path prefix of the site, "" or e.g. {@code /kb} ({@code baseurl})
 * @param exclude     glob-like names to skip ({@code exclude})
 * @param include     names starting with {@code _} or {@code .} to process anyway ({@code include})
 * @param permalink   the default permalink style or template ({@code permalink})
 * @param values      every key of the file, with {@code baseurl} as overridden
 * @param keys        where each top-level key is written in the file (for diagnostics; empty
 *                    when the configuration was not read from a file)
 */
public record SiteConfig(String title, String description, String url, String baseurl,
        List<String> exclude, List<String> include, String permalink, Map<String, Object> values,
        Map<String, SourcePosition> keys) {

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        baseurl = normalizeBaseurl(baseurl);
        exclude = List.copyOf(exclude);
        include = List.copyOf(include);
        Objects.requireNonNull(permalink, "permalink");
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
    }

    /** A configuration not read from a file (no key positions). */
    public SiteConfig(String title, String description, String url, String baseurl,
            List<String> exclude, List<String> include, String permalink, Map<String, Object> values) {
        this(title, description, url, baseurl, exclude, include, permalink, values, Map.of());
    }

    /** Where {@code key} is written, for a diagnostic about it; the start of {@code file} when unknown. */
    public SourcePosition at(String key, String file) {
        return keys.getOrDefault(key, SourcePosition.of(file));
    }

    /** The configuration of a site with no {@code _config.yml}. */
    public static SiteConfig defaults() {
        return new SiteConfig("", "", "", "", List.of(), List.of(), "date", Map.of());
    }

    /** A copy with another base URL (the {@code --base-url} option). */
    public SiteConfig withBaseurl(String newBaseurl) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(values);
        copy.put("baseurl", normalizeBaseurl(newBaseurl));
        return new SiteConfig(title, description, url, newBaseurl, exclude, include, permalink, copy, keys);
    }

    /**
     * Jekyll's {@code relative_url}: the base URL joined with a site path, one slash between
     * ({@code /assets/kb.css} -> {@code /base/assets/kb.css}). Absolute URLs are returned as given.
     */
    public String relativeUrl(String path) {
        if (isAbsolute(path)) {
            return path;
        }
        return baseurl + (path.startsWith("/") ? path : "/" + path);
    }

    /** Jekyll's {@code absolute_url}: the site's {@code url} in front of {@link #relativeUrl}. */
    public String absoluteUrl(String path) {
        if (isAbsolute(path)) {
            return path;
        }
        String site = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return site + relativeUrl(path);
    }

    /** A URL with a scheme ({@code https:}, {@code mailto:}) or protocol-relative ({@code //host}). */
    private static boolean isAbsolute(String path) {
        if (path.startsWith("//")) {
            return true;
        }
        // Called for every link of every page: the characters, not a regex.
        if (path.isEmpty() || !isAsciiLetter(path.charAt(0))) {
            return false;
        }
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** "" or a path starting with "/" and not ending with one, as Jekyll's filters expect. */
    static String normalizeBaseurl(String baseurl) {
        if (baseurl == null) {
            return "";
        }
        String b = baseurl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        if (!b.isEmpty() && !b.startsWith("/")) {
            b = "/" + b;
        }
        return b;
    }
}
