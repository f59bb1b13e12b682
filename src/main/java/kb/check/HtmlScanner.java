package kb.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * A light scanner of HTML tags and attributes: finds the URLs a page links to and the ids it
 * offers as anchors, without building a document tree. It reads start tags only, skips comments,
 * doctype and processing instructions, and does not look inside {@code <script>}, {@code <style>},
 * {@code <textarea>} and {@code <title>} (raw text: a URL there is not a link). On the dev
 * corpus's article pages it is about seven times faster than a jsoup parse (0.07 s against 0.5 s
 * for 5,000 pages, warm), which matters when every build checks 30,000 pages.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlScanner {

    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title");

    /** Scans one page. */
    public ScannedPage scan(String html) {
        List<FoundLink> links = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i < n - 1) {
            char next = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (next == '!' || next == '?' || next == '/') {
                int end = html.indexOf('>', i + 2);
                i = end < 0 ? n : end + 1;
            } else if (isAsciiLetter(next)) {
                i = startTag(html, i + 1, links, ids);
            } else {
                i++; // a '<' in text
            }
            i = i < n ? html.indexOf('<', i) : -1;
        }
        return new ScannedPage(links, ids);
    }

    /** Reads a start tag whose name begins at {@code at}; returns where scanning goes on. */
    private static int startTag(String html, int at, List<FoundLink> links, Set<String> ids) {
        int n = html.length();
        int i = at;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>' && html.charAt(i) != '/') {
            i++;
        }
        String tag = html.substring(at, i).toLowerCase(Locale.ROOT);
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && !isSpace(html.charAt(i)) && "=>/".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            int nameEnd = i;
            i = skipSpaces(html, i);
            if (i >= n || html.charAt(i) != '=') {
                continue; // an attribute without a value
            }
            i = skipSpaces(html, i + 1);
            int valueStart;
            int valueEnd;
            if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                valueStart = i + 1;
                valueEnd = html.indexOf(html.charAt(i), valueStart);
                if (valueEnd < 0) {
                    return n; // an unclosed quote swallows the rest of the page
                }
                i = valueEnd + 1;
            } else {
                valueStart = i;
                while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                    i++;
                }
                valueEnd = i;
            }
            attribute(tag, html, nameStart, nameEnd, valueStart, valueEnd, links, ids);
        }
        return RAW_TEXT.contains(tag) ? endOfRawText(html, i, tag) : i;
    }

    private static void attribute(String tag, String html, int nameStart, int nameEnd, int start, int end,
            List<FoundLink> links, Set<String> ids) {
        String name = html.substring(nameStart, nameEnd); // cheap: most names are 2 to 6 characters
        if (name.equalsIgnoreCase("href") || name.equalsIgnoreCase("src") || name.equalsIgnoreCase("poster")
                || (name.equalsIgnoreCase("action") && tag.equals("form"))) {
            links.add(new FoundLink(decode(html.substring(start, end)), start, end - start));
        } else if (name.equalsIgnoreCase("srcset")) {
            int from = start;
            for (String candidate : html.substring(start, end).split(",")) {
                String url = candidate.strip().split("\\s+", 2)[0];
                if (!url.isEmpty()) {
                    int at = html.indexOf(url, from);
                    links.add(new FoundLink(decode(url), at, url.length()));
                    from = at + url.length();
                }
            }
        } else if (name.equalsIgnoreCase("id") || (name.equalsIgnoreCase("name") && tag.equals("a"))) {
            String id = decode(html.substring(start, end));
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
    }

    /** Where the end tag of a raw-text element starts (or the end of the page). */
    private static int endOfRawText(String html, int from, String tag) {
        int i = from;
        while ((i = html.indexOf("</", i)) >= 0) {
            if (html.regionMatches(true, i + 2, tag, 0, tag.length())) {
                return i;
            }
            i += 2;
        }
        return html.length();
    }

    private static String decode(String value) {
        return value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
