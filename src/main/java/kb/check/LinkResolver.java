package kb.check;

import java.net.URLDecoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.nio.charset.StandardCharsets;

/**
 * Tells where a link written in a page leads: relative links are resolved against the page's
 * folder, root-relative links must carry the base URL, absolute links to the site's own URL count
 * as internal, query strings are ignored. Thread-safe.
 */
public final class LinkResolver {

    /** Schemes that lead to no document: nothing to check, nothing to list. */
    private static final Set<String> IGNORED = Set.of("javascript", "data", "tel", "about", "blob");

    private final String baseurl;
    private final String siteUrl;

    /**
     * @param baseurl the site's base URL path, "" or e.g. {@code /kb}
     * @param siteUrl the site's own origin ({@code https://kb.example.com}), or "" when unknown
     */
    public LinkResolver(String baseurl, String siteUrl) {
        this.baseurl = stripTrailingSlash(baseurl);
        this.siteUrl = stripTrailingSlash(siteUrl).toLowerCase(Locale.ROOT);
    }

    /**
     * Where {@code link} leads from the page stored at {@code pagePath} (below the site folder,
     * e.g. {@code kb/319/Q319864/index.html}).
     */
    public Target resolve(String pagePath, String link) {
        String url = link.strip();
        if (url.startsWith("//")) {
            return new Target.External(url);
        }
        int colon = schemeEnd(url);
        if (colon > 0) {
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (IGNORED.contains(scheme)) {
                return new Target.Ignored();
            }
            if (siteUrl.isEmpty() || !isOwn(url)) {
                return new Target.External(url);
            }
            url = url.substring(siteUrl.length());
            url = url.isEmpty() ? "/" : url;
        }
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        int query = url.indexOf('?');
        if (query >= 0) {
            url = url.substring(0, query);
        }
        String path;
        try {
            path = decode(url);
            fragment = decode(fragment);
        } catch (IllegalArgumentException e) {
            return new Target.Invalid("bad %-escape");
        }
        String pageUrl = "/" + pagePath;
        if (path.isEmpty()) {
            return new Target.Internal(pageUrl, fragment);
        }
        String target;
        if (path.startsWith("/")) {
            if (!baseurl.isEmpty()) {
                if (!(path.equals(baseurl) || path.startsWith(baseurl + "/"))) {
                    return new Target.Invalid("does not start with the base URL " + baseurl);
                }
                path = path.substring(baseurl.length());
            }
            target = normalize(path.isEmpty() ? "/" : path);
        } else {
            target = normalize(pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1) + path);
        }
        if (target == null) {
            return new Target.Invalid("leads above the site root");
        }
        return new Target.Internal(target, fragment);
    }

    /** The URL as readers see it: the base URL in front of an internal path. */
    public String shown(String path) {
        return baseurl + path;
    }

    /** Where a URL's {@code scheme:} ends (the colon), or -1 when it has none. */
    private static int schemeEnd(String url) {
        if (url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Percent-decodes a path or fragment; a '+' stays a '+' (it means a space only in queries). */
    private static String decode(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private boolean isOwn(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith(siteUrl) && (lower.length() == siteUrl.length()
                || "/?#".indexOf(lower.charAt(siteUrl.length())) >= 0);
    }

    /** Resolves "." and ".." segments; null when ".." climbs above the root. Keeps a trailing slash. */
    public static String normalize(String path) {
        if (path.startsWith("/") && path.indexOf("/.") < 0 && path.indexOf("//") < 0) {
            return path; // the common case: nothing to resolve
        }
        boolean trailingSlash = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        String joined = "/" + String.join("/", parts);
        return trailingSlash && !joined.equals("/") ? joined + "/" : joined;
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
