package kb.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.model.FooterField;

/**
 * Finds the metadata at the end of an article body: the footer between two rules of {@code =}
 * ({@code Keywords          : ...}), the {@code Additional query words:} line before it, and the
 * older in-body tag lines ({@code KBCategory:}, {@code KBSubcategory:}, {@code Additional reference
 * words:}). What it takes is removed from the body; nothing else is.
 */
final class FooterParser {

    private static final Pattern RULE = Pattern.compile("^\\s*={20,}\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][A-Za-z/ ()-]{0,30}?)\\s*:\\s?(.*)$");
    private static final Pattern TAG_LINE = Pattern.compile(
            "^\\s*(KBCategory|KBSubcategory|Additional reference words|Additional query words)\\s*:\\s?(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPONENT_LINE = Pattern.compile("^\\s*(Component)\\s*:\\s?(.*)$");
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("keywords", "keywords"), Map.entry("technology", "technology"),
            Map.entry("version", "version"), Map.entry("issue type", "issue_type"),
            Map.entry("solution type", "solution_type"), Map.entry("hardware", "hardware"),
            Map.entry("component", "component"), Map.entry("platform", "platform"),
            Map.entry("kbcategory", "kb_category"), Map.entry("kbsubcategory", "kb_subcategory"),
            Map.entry("additional query words", "additional_query_words"),
            Map.entry("additional reference words", "additional_reference_words"));

    /**
     * The result.
     *
     * @param body   the body lines left once the metadata is taken out
     * @param fields the metadata, in source order
     */
    record Result(List<Line> body, List<FooterField> fields) {
    }

    private FooterParser() {
    }

    static Result parse(List<Line> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        List<FooterField> footer = new ArrayList<>();
        int bodyEnd = end;
        if (end > 0 && RULE.matcher(lines.get(end - 1).text()).matches()) {
            int open = end - 2;
            while (open >= 0 && !RULE.matcher(lines.get(open).text()).matches()) {
                open--;
            }
            if (open >= 0 && onlyFields(lines, open + 1, end - 1)) {
                for (int i = open + 1; i < end - 1; i++) {
                    if (!lines.get(i).isBlank()) {
                        footer.add(field(lines.get(i).text()));
                    }
                }
                bodyEnd = open;
            }
        }
        List<Line> body = new ArrayList<>(lines.subList(0, bodyEnd));
        List<FooterField> fields = new ArrayList<>(takeTagLines(body));
        fields.addAll(footer);
        return new Result(body, fields);
    }

    private static boolean onlyFields(List<Line> lines, int from, int to) {
        boolean any = false;
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!FIELD.matcher(line.text()).matches()) {
                return false;
            }
            any = true;
        }
        return any || from == to;
    }

    /**
     * Takes the tag lines out of the body: {@code Additional query words:} and the older
     * {@code KBCategory:} block, when they stand at the start of a line at column 0 and the
     * rest of the body follows or precedes them after a blank line. {@code Component:} counts
     * only next to another tag line.
     */
    private static List<FooterField> takeTagLines(List<Line> body) {
        List<FooterField> fields = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Line line = body.get(i);
            if (line.indent() > 0 || !TAG_LINE.matcher(line.text()).matches()) {
                continue;
            }
            int from = i;
            while (from > 0 && body.get(from - 1).indent() == 0 && isTag(body.get(from - 1))) {
                from--;
            }
            int to = i + 1;
            while (to < body.size() && body.get(to).indent() == 0 && isTag(body.get(to))) {
                to++;
            }
            // A tag line stands in a block of its own: blank (or the edge) before and after.
            boolean alone = (from == 0 || body.get(from - 1).isBlank())
                    && (to == body.size() || body.get(to).isBlank());
            if (!alone) {
                i = to - 1;
                continue;
            }
            for (int k = from; k < to; k++) {
                fields.add(field(body.get(k).text()));
            }
            for (int k = from; k < to; k++) {
                body.remove(from);
            }
            i = from - 1;
        }
        return fields;
    }

    private static boolean isTag(Line line) {
        return TAG_LINE.matcher(line.text()).matches() || COMPONENT_LINE.matcher(line.text()).matches();
    }

    private static FooterField field(String text) {
        Matcher m = FIELD.matcher(text);
        if (!m.matches()) {
            return new FooterField("other", "", text.strip());
        }
        String label = m.group(1).strip();
        String key = KEYS.getOrDefault(label.toLowerCase(Locale.ROOT),
                label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
        return new FooterField(key, label, m.group(2).strip());
    }
}
