package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kb.diag.Diagnostics;
import kb.json.KbJson;
import kb.stats.KbStats;
import kb.stats.StatsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kb stats}: the health of a knowledge base. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Report how many articles have each field, section names by frequency, "
                + "citations resolved/unresolved and parse warnings by kind.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = "content", description = "Source folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--sections", defaultValue = "20", description = "How many section names to list (default: ${DEFAULT-VALUE}).")
    int sections;

    @Option(names = "--max-diagnostics", defaultValue = "50",
            description = "Print at most this many errors and this many warnings (default: ${DEFAULT-VALUE}).")
    int maxDiagnostics;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("source folder " + source + " does not exist");
        }
        Diagnostics diagnostics = new Diagnostics();
        StatsReport r = new KbStats().measure(source, diagnostics);
        diagnostics.print(spec.commandLine().getErr(), maxDiagnostics);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(KbJson.writePretty(toJson(r)));
            return ExitCodes.OK;
        }
        out.printf("%d pages, %d KB articles%n%n", r.pages(), r.articles());
        out.println("field                        articles       %");
        r.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(
                        k -> kb.stats.StatsFields.order(k))))
                .forEach(e -> out.printf(Locale.ROOT, "  %-26s %8d  %6.2f%n", e.getKey(), e.getValue(),
                        percent(e.getValue(), r.articles())));
        out.printf(Locale.ROOT, "%narticles with underlined headings: %d, extracted with sections: %d (%.2f%%)%n",
                r.underlined(), r.underlinedWithSections(), percent(r.underlinedWithSections(), r.underlined()));
        out.printf(Locale.ROOT, "citations: %d (%d resolved to articles in the site, %d not)%n",
                r.references(), r.resolved(), r.unresolved());
        out.println("\nsection names (most frequent first):");
        r.sectionNames().stream().limit(sections).forEach(e -> out.printf("  %-40s %7d%n", e.getKey(), e.getValue()));
        out.println("\nblocks:");
        r.blocks().forEach((k, v) -> out.printf("  %-26s %8d%n", k, v));
        out.println("\nwarnings by kind:" + (r.warnings().isEmpty() ? " none" : ""));
        r.warnings().forEach((k, v) -> out.printf("  %6d  %s%n", v, k));
        out.println("errors by kind:" + (r.errors().isEmpty() ? " none" : ""));
        r.errors().forEach((k, v) -> out.printf("  %6d  %s%n", v, k));
        return r.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static Map<String, Object> toJson(StatsReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", r.pages());
        m.put("articles", r.articles());
        Map<String, Object> fields = new LinkedHashMap<>();
        r.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(k -> kb.stats.StatsFields.order(k))))
                .forEach(e -> fields.put(e.getKey(), Map.of("articles", e.getValue(),
                        "percent", Math.round(percent(e.getValue(), r.articles()) * 1000) / 1000.0)));
        m.put("fields", fields);
        m.put("underlined_headings", Map.of("articles", r.underlined(), "with_sections", r.underlinedWithSections()));
        m.put("sections", r.sectionNames().stream().map(e -> Map.of("name", e.getKey(), "articles", e.getValue())).toList());
        m.put("references", Map.of("citations", r.references(), "resolved", r.resolved(), "unresolved", r.unresolved()));
        m.put("blocks", r.blocks());
        m.put("warnings", r.warnings());
        m.put("errors", r.errors());
        return m;
    }
}
