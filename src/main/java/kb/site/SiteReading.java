package kb.site;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.parse.FirstCharFind;

/**
 * Whether a page's Liquid reads other files of the site: {@code site.pages}, {@code site.posts},
 * {@code site.static_files}, a collection and the like, or the {@code include_relative},
 * {@code link} and {@code post_url} tags. What such a page shows may change with any other
 * source, so an incremental build reads and lays it out again every time (as Jekyll does every
 * page); {@code site.*} values of the configuration do not count (a configuration change
 * rebuilds everything anyway), nor does markup inside {@code raw} blocks.
 */
final class SiteReading {

    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%\\}");
    private static final Pattern MARKUP = Pattern.compile("\\{\\{(.*?)\\}\\}|\\{%-?\\s*(\\w+)(.*?)-?%\\}", Pattern.DOTALL);
    private static final Pattern SITE = Pattern.compile("\\bsite\\b(?:\\s*\\.\\s*(\\w+))?");
    private static final Set<String> READING_TAGS = Set.of("include_relative", "link", "post_url");

    private SiteReading() {
    }

    /**
     * Whether {@code body} (a page's source after its front matter) reads other files of the
     * site, given the configuration's keys ({@code site.title} is one of them).
     */
    static boolean readsSite(String body, Set<String> configKeys) {
        if (!body.contains("{{") && !body.contains("{%")) {
            return false;
        }
        // Scanned once, a raw block skipped whole (an archive article is one): no copy of the text.
        Matcher markup = MARKUP.matcher(body);
        Matcher endRaw = END_RAW.matcher(body);
        int from = 0;
        while (from < body.length() && FirstCharFind.find(markup, body, '{', from)) {
            from = markup.end();
            if ("raw".equals(markup.group(2))) {
                if (!FirstCharFind.find(endRaw, body, '{', from)) {
                    return false;
                }
                from = endRaw.end();
                continue;
            }
            if (markup.group(2) != null && READING_TAGS.contains(markup.group(2))) {
                return true;
            }
            String expression = markup.group(1) != null ? markup.group(1) : markup.group(3);
            Matcher site = SITE.matcher(expression);
            while (site.find()) {
                if (site.group(1) == null || !configKeys.contains(site.group(1))) {
                    return true; // site.pages, site.data, site.time, or site itself handed on
                }
            }
        }
        return false;
    }
}
