package kb.outputs;

import java.util.LinkedHashMap;
import java.util.Map;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import kb.json.KbJson;
import kb.model.Article;

/**
 * schema.org JSON-LD for article pages ({@code TechArticle} with {@code dateModified}), safe to
 * place inside a {@code <script type="application/ld+json">} element.
 */
final class StructuredData {

    private final SiteConfig config;

    StructuredData(SiteConfig config) {
        this.config = config;
    }

    String article(Article article, CatalogEntry entry, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", "TechArticle");
        m.put("headline", cut(article.displayTitle(), 110));
        m.put("name", article.displayTitle());
        m.put("identifier", article.id());
        m.put("url", config.absoluteUrl(url));
        if (!entry.summary().isEmpty()) {
            m.put("description", entry.summary());
        }
        if (!article.lastModified().isEmpty()) {
            m.put("dateModified", article.lastModified());
        }
        if (!article.products().isEmpty()) {
            m.put("about", article.products().stream().map(p -> ordered("@type", "Thing", "name", p)).toList());
        }
        if (!article.keywords().isEmpty()) {
            m.put("keywords", String.join(", ", article.keywords()));
        }
        if (!config.title().isBlank()) {
            m.put("publisher", ordered("@type", "Organization", "name", config.title()));
        }
        return KbJson.writeForScript(m);
    }

    /** A two-key object whose keys keep their order in the JSON (Map.of's order varies between runs). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
