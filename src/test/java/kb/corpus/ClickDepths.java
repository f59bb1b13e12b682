package kb.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many clicks each page of a built site is from its home page: a breadth-first walk over the
 * {@code <a href>} links of the HTML files as written, within the site (base URL stripped).
 */
final class ClickDepths {

    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*?href=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private ClickDepths() {
    }

    /** The depth of every page reached from {@code index.html}, by output path ({@code kb/010/Q10022/index.html}). */
    static Map<String, Integer> from(Path site, String baseurl) {
        Map<String, Integer> depth = new HashMap<>();
        Queue<String> queue = new ArrayDeque<>();
        depth.put("index.html", 0);
        queue.add("index.html");
        while (!queue.isEmpty()) {
            String page = queue.remove();
            int d = depth.get(page);
            String html;
            try {
                html = Files.readString(site.resolve(page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                String target = resolve(page, m.group(1).replace("&amp;", "&"), baseurl);
                if (target != null && !depth.containsKey(target) && Files.isRegularFile(site.resolve(target))) {
                    depth.put(target, d + 1);
                    queue.add(target);
                }
            }
        }
        return depth;
    }

    /** The output file a link leads to, or null when it leaves the site or is no page. */
    static String resolve(String page, String href, String baseurl) {
        String link = href;
        int cut = indexOfAny(link, '#', '?');
        if (cut >= 0) {
            link = link.substring(0, cut);
        }
        if (link.isEmpty() || link.contains("://") || link.startsWith("//") || link.startsWith("mailto:")) {
            return null;
        }
        String path;
        if (link.startsWith("/")) {
            if (!baseurl.isEmpty()) {
                if (!link.startsWith(baseurl + "/")) {
                    return null;
                }
                link = link.substring(baseurl.length());
            }
            path = link.substring(1);
        } else {
            path = page.substring(0, page.lastIndexOf('/') + 1) + link;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.equals(".")) {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (joined.isEmpty() || joined.endsWith("/")) {
            joined += "index.html";
        }
        return joined.endsWith(".html") ? joined : joined + "/index.html";
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
