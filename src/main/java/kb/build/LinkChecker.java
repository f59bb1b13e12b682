package kb.build;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that an internal link of a page leads to a file the build writes. Relative links are
 * resolved against the page's URL; root-relative links must carry the base URL.
 */
final class LinkChecker {

    private final Set<String> outputs;
    private final String baseurl;

    /**
     * @param outputs every output path of the build, below the output folder ({@code a/index.html})
     * @param baseurl the site's base URL
     */
    LinkChecker(Set<String> outputs, String baseurl) {
        this.outputs = Set.copyOf(outputs);
        this.baseurl = baseurl;
    }

    /** Why the link is broken, or empty when it resolves. */
    Optional<String> check(String pageUrl, String link) {
        String path = link;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        String target;
        if (path.startsWith("/")) {
            if (!baseurl.isEmpty()) {
                if (!(path.equals(baseurl) || path.startsWith(baseurl + "/"))) {
                    return Optional.of("does not start with the base URL " + baseurl);
                }
                path = path.substring(baseurl.length());
            }
            target = normalize(path.isEmpty() ? "/" : path);
        } else {
            String dir = pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1);
            target = normalize(dir + path);
        }
        if (target == null) {
            return Optional.of("leads above the site root");
        }
        return exists(target) ? Optional.empty() : Optional.of("no page or file at " + baseurl + target);
    }

    private boolean exists(String target) {
        String rel = target.substring(1);
        if (rel.isEmpty() || rel.endsWith("/")) {
            return outputs.contains(rel + "index.html");
        }
        return outputs.contains(rel) || outputs.contains(rel + "/index.html") || outputs.contains(rel + ".html");
    }

    /** Resolves "." and ".." segments; null when ".." climbs above the root. Keeps a trailing slash. */
    static String normalize(String path) {
        boolean trailingSlash = path.endsWith("/");
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

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
