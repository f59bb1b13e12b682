package kb.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Runs the ordered list of {@link ContentTransform}s over a page's content HTML, then collects its
 * internal links and visible text. Parses the HTML once. Thread-safe when the transforms are.
 */
public final class ContentPostProcessor {

    private final List<ContentTransform> transforms;

    public ContentPostProcessor(List<ContentTransform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /** Post-processes one content fragment. */
    public ProcessedContent process(String html) {
        Document doc = Parser.parseBodyFragment(html, "");
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        boolean changed = false;
        for (ContentTransform t : transforms) {
            changed |= t.apply(body);
        }
        // Keep the renderer's own bytes when nothing changed: serialising again would only move
        // whitespace and quotes around.
        String out = changed ? body.html() : html;
        return new ProcessedContent(out, body.text(), internalLinks(body));
    }

    private static List<String> internalLinks(Element body) {
        List<String> links = new ArrayList<>();
        for (Element e : body.select("a[href], img[src], link[href], script[src], source[src]")) {
            String value = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (isInternal(value)) {
                links.add(value);
            }
        }
        return links;
    }

    /** Relative or root-relative links; not other hosts, schemes, or bare fragments. */
    static boolean isInternal(String link) {
        if (link.isEmpty() || link.startsWith("#") || link.startsWith("//")) {
            return false;
        }
        return !link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }
}
