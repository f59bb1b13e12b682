package kb.stats;

import java.util.List;
import java.util.Map;

/**
 * The health of a knowledge base, as {@code kb stats} reports it.
 *
 * @param pages            pages in the source tree
 * @param articles         KB articles among them
 * @param fields           for each field, how many articles have a value
 * @param underlined       articles whose text has an underlined line (a heading candidate)
 * @param underlinedWithSections of those, articles extracted with at least one section
 * @param sectionNames     section headings by frequency (the most frequent first), with counts
 * @param references       citations in all
 * @param resolved         citations of articles that are in the site
 * @param unresolved       citations of articles that are not
 * @param blocks           body blocks by kind (paragraph, list, code, table, ...)
 * @param warnings         parse warnings by kind
 * @param errors           parse errors by kind
 */
public record StatsReport(int pages, int articles, Map<String, Integer> fields, int underlined,
        int underlinedWithSections, List<Map.Entry<String, Integer>> sectionNames, int references,
        int resolved, int unresolved, Map<String, Integer> blocks, Map<String, Integer> warnings,
        Map<String, Integer> errors) {

    public StatsReport {
        fields = ordered(fields);
        sectionNames = List.copyOf(sectionNames);
        blocks = ordered(blocks);
        warnings = ordered(warnings);
        errors = ordered(errors);
    }

    private static Map<String, Integer> ordered(Map<String, Integer> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
}
