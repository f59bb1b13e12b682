package kb.html;

import org.jsoup.nodes.Element;

/**
 * Puts the site's base URL in front of root-relative links ({@code /kb/319/Q319864/} becomes
 * {@code /base/kb/319/Q319864/}) that do not carry it yet, so links written for the site root keep
 * working when the site is published below a path. Relative links need no change.
 */
public final class BaseUrlLinks implements ContentTransform {

    private final String baseurl;

    /** @param baseurl "" (then nothing changes) or a path such as {@code /kbarchive} */
    public BaseUrlLinks(String baseurl) {
        this.baseurl = baseurl;
    }

    @Override
    public boolean apply(Element content) {
        if (baseurl.isEmpty()) {
            return false;
        }
        boolean changed = false;
        for (Element e : content.select("a[href^=/], img[src^=/], link[href^=/], script[src^=/], source[src^=/]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String value = e.attr(attr);
            if (value.startsWith("//") || value.equals(baseurl) || value.startsWith(baseurl + "/")
                    || value.startsWith(baseurl + "?") || value.startsWith(baseurl + "#")) {
                continue;
            }
            e.attr(attr, baseurl + value);
            changed = true;
        }
        return changed;
    }
}
