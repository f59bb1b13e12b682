package kb.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import kb.site.ArticleReader;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.model.Article;
import kb.model.Block;
import kb.model.ListItem;
import kb.model.Reference;
import kb.model.Section;

/** Measures a knowledge base: field coverage, sections, citations, block kinds, parse problems. */
public final class KbStats {

    private static final Pattern UNDERLINE = Pattern.compile("(?m)^[^\\s=-][^\\n]*\\n[=-]{3,}[ \\t]*$");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\b\\d+\\b|Q\\d+");

    /**
     * Reads every article of the source tree and counts. What reading it finds is reported to
     * {@code diagnostics}, one by one, and counted by kind in the report.
     */
    public StatsReport measure(Path source, Diagnostics diagnostics) {
        // Counted apart from anything the caller's collector held before.
        Diagnostics reading = diagnostics.child();
        FieldCounts fields = new FieldCounts();
        Map<String, AtomicInteger> sections = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> blocks = new ConcurrentHashMap<>();
        AtomicInteger underlined = new AtomicInteger();
        AtomicInteger underlinedWithSections = new AtomicInteger();
        AtomicInteger refs = new AtomicInteger();
        AtomicInteger resolved = new AtomicInteger();
        List<Reference> all = java.util.Collections.synchronizedList(new ArrayList<>());
        ArticleReader.Summary summary = new ArticleReader().read(source, reading, (page, extraction) -> {
            Article a = extraction.article();
            fields.add(a);
            if (UNDERLINE.matcher(extraction.bodyText()).find()) {
                underlined.incrementAndGet();
                if (FieldCounts.hasHeadings(a)) {
                    underlinedWithSections.incrementAndGet();
                }
            }
            for (Section s : a.sections()) {
                if (!s.heading().isEmpty()) {
                    sections.computeIfAbsent(s.heading(), k -> new AtomicInteger()).incrementAndGet();
                }
                s.blocks().forEach(b -> countBlock(b, blocks));
            }
            all.addAll(a.references());
        });
        for (Reference r : all) {
            refs.incrementAndGet();
            if (summary.plan().articleUrls().containsKey(r.id())) {
                resolved.incrementAndGet();
            }
        }
        Map<String, Integer> fieldCounts = new LinkedHashMap<>();
        FieldCounts.FIELDS.forEach(f -> fieldCounts.put(f, fields.get(f)));
        List<Map.Entry<String, Integer>> names = sections.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().get()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return new StatsReport(summary.pages(), summary.articlePages(), fieldCounts, underlined.get(),
                underlinedWithSections.get(), names, refs.get(), resolved.get(), refs.get() - resolved.get(),
                snapshot(blocks), byKind(reading, Severity.WARNING), byKind(reading, Severity.ERROR));
    }

    private static void countBlock(Block block, Map<String, AtomicInteger> blocks) {
        String kind = switch (block) {
            case Block.Paragraph p -> "paragraph";
            case Block.Quote q -> "quote";
            case Block.ListBlock l -> "list";
            case Block.ReferenceList r -> "reference_list";
            case Block.Preformatted pre -> "pre_" + pre.kind().cssName();
        };
        blocks.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (block instanceof Block.ListBlock list) {
            for (ListItem item : list.items()) {
                item.blocks().forEach(b -> countBlock(b, blocks));
            }
        }
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> map) {
        Map<String, Integer> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Diagnostics grouped by message with names and numbers taken out. */
    private static Map<String, Integer> byKind(Diagnostics diagnostics, Severity severity) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (Diagnostic d : diagnostics.sorted()) {
            if (d.severity() == severity) {
                kinds.merge(QUOTED.matcher(d.message()).replaceAll("…"), 1, Integer::sum);
            }
        }
        return kinds;
    }
}
