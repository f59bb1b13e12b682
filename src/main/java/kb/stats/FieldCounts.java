package kb.stats;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kb.model.Article;
import kb.model.Section;

/** Counts, field by field, how many articles have a value. Thread-safe. */
final class FieldCounts {

    /** The fields counted, in report order. */
    static final List<String> FIELDS = List.of("id", "title", "products", "product_code", "versions",
            "operating_systems", "keywords", "last_modified", "applies_to", "sections", "footer",
            "technology", "issue_type", "solution_type", "hardware", "component", "platform",
            "kb_category", "kb_subcategory", "additional_query_words", "additional_reference_words",
            "references");

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void add(Article a) {
        count("id", !a.id().isEmpty());
        count("title", !a.title().isEmpty());
        count("products", !a.products().isEmpty());
        count("product_code", !a.productCodes().isEmpty());
        count("versions", !a.versions().isEmpty());
        count("operating_systems", !a.operatingSystems().isEmpty());
        count("keywords", !a.keywords().isEmpty());
        count("last_modified", !a.lastModified().isEmpty());
        count("applies_to", !a.appliesTo().isEmpty());
        count("sections", a.sections().stream().anyMatch(s -> s.level() > 0));
        count("footer", a.field("keywords").isPresent() || a.field("technology").isPresent());
        for (String key : List.of("technology", "issue_type", "solution_type", "hardware", "component",
                "platform", "kb_category", "kb_subcategory", "additional_query_words", "additional_reference_words")) {
            count(key, a.field(key).isPresent());
        }
        count("references", !a.references().isEmpty());
    }

    private void count(String field, boolean has) {
        AtomicInteger c = counts.computeIfAbsent(field, k -> new AtomicInteger());
        if (has) {
            c.incrementAndGet();
        }
    }

    int get(String field) {
        AtomicInteger c = counts.get(field);
        return c == null ? 0 : c.get();
    }

    static boolean hasHeadings(Article a) {
        return a.sections().stream().mapToInt(Section::level).anyMatch(l -> l > 0);
    }
}
