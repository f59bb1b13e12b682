package kb.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import kb.json.KbJson;
import kb.model.AppliesTo;
import kb.model.Article;
import kb.model.FooterField;
import kb.model.Section;

/**
 * An article's metadata as JSON, the shape other systems read: embedded in every article page
 * ({@code <script type="application/json" id="kb-article">}) and answered by the search API.
 * Thread-safe.
 */
public final class ArticleJson {

    /** The metadata as a map in a fixed key order. */
    public Map<String, Object> toMap(Article a, Function<String, Optional<String>> articleHref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("url", a.permalink());
        m.put("products", a.products());
        m.put("product_codes", a.productCodes());
        m.put("applies_to", a.appliesTo().stream().map(AppliesTo::text).toList());
        m.put("versions", a.versions().raw());
        m.put("versions_by_platform", a.versions().byPlatform());
        m.put("operating_systems", a.operatingSystems());
        m.put("keywords", a.keywords());
        m.put("last_modified", a.lastModified());
        m.put("technology", a.technology());
        m.put("issue_type", a.issueType());
        m.put("sections", a.sections().stream().map(Section::heading).filter(h -> !h.isEmpty()).toList());
        Map<String, String> fields = new LinkedHashMap<>();
        for (FooterField f : a.fields()) {
            fields.putIfAbsent(f.key(), f.value());
        }
        m.put("fields", fields);
        m.put("references", a.references().stream().map(r -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("id", r.id());
            ref.put("title", r.title());
            ref.put("url", articleHref.apply(r.id()).orElse(null));
            return ref;
        }).toList());
        return m;
    }

    /** The metadata as JSON text, safe to place inside a {@code <script>} element. */
    public String toJson(Article a, Function<String, Optional<String>> articleHref) {
        return KbJson.writeForScript(toMap(a, articleHref));
    }

    /** The fields {@code kb verify} compares between a reference and our page. */
    public static final List<String> COMPARED = List.of("id", "title", "products", "applies_to",
            "versions", "operating_systems", "keywords", "last_modified", "technology", "issue_type", "fields");
}
