package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kb.diag.Diagnostics;
import kb.json.KbJson;
import kb.verify.SiteVerifier;
import kb.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kb verify}: proof that a migrated site lost nothing of a Jekyll-built one. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that every page of a reference site (e.g. Jekyll's _site) exists in ours "
                + "with the same title and its content's words in the same order.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", defaultValue = "site", description = "Our site folder (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--reference", description = "The reference site folder (a Jekyll _site).")
    Path reference;

    @Option(names = "--source", description = "Instead of a reference site: check every KB article of this "
            + "source tree against our page for it.")
    Path source;

    @Option(names = "--selector", defaultValue = "#main_content",
            description = "CSS selector of the reference's content area (default: ${DEFAULT-VALUE}).")
    String selector;

    @Option(names = "--ignore", split = ",", description = "CSS selectors of reference parts to leave out, comma-separated.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--max-listed", defaultValue = "20", description = "List at most this many differences of each kind (default: ${DEFAULT-VALUE}).")
    int maxListed;

    @Override
    public Integer call() throws Exception {
        if ((reference == null) == (source == null)) {
            throw new IllegalArgumentException("give either --reference DIR or --source DIR");
        }
        Path other = reference != null ? reference : source;
        for (Path dir : List.of(site, other)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("folder " + dir + " does not exist");
            }
        }
        SiteVerifier verifier = new SiteVerifier(selector, ignore);
        Diagnostics diagnostics = new Diagnostics();
        VerifyReport report = reference != null ? verifier.verify(site, reference, diagnostics)
                : verifier.verifySources(site, source, diagnostics);
        diagnostics.print(spec.commandLine().getErr(), maxListed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(KbJson.writePretty(new JsonReport(report.passed(), report.pagesChecked(), report.present(),
                    report.unread().size(), report.missing().size(), report.titleMismatches().size(),
                    report.textMismatches().size(), report)));
        } else {
            print(report, out);
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The JSON shape of a report: the counts first, then the differences. */
    record JsonReport(boolean passed, int pagesChecked, int present, int unreadCount, int missingCount,
            int titleMismatchCount, int textMismatchCount, VerifyReport details) {
    }

    private void print(VerifyReport r, PrintWriter out) {
        int n = r.pagesChecked();
        if (source != null) {
            report(out, "sources read", n - r.unread().size(), n);
        }
        report(out, "URLs present", r.present(), n);
        report(out, "titles equal", r.present() - r.titleMismatches().size(), r.present());
        report(out, "text in order", r.present() - r.textMismatches().size(), r.present());
        if (r.articles() > 0) {
            out.printf(Locale.ROOT, "(%d of them KB articles: fields equal, every field shown, body words in order)%n", r.articles());
        }
        r.unread().stream().limit(maxListed).forEach(d -> out.println("not read: " + d));
        r.missing().stream().limit(maxListed).forEach(url -> out.println("missing: " + url));
        r.titleMismatches().stream().limit(maxListed).forEach(m ->
                out.println("title differs: " + m.url() + "\n  reference: " + m.expected() + "\n  ours:      " + m.actual()));
        r.textMismatches().stream().limit(maxListed).forEach(m ->
                out.println("text differs: " + m.url() + "\n  reference: " + m.expected() + "\n  ours:      " + m.actual()));
        out.println(r.passed() ? "kb verify: OK, nothing lost" : "kb verify: FAILED");
    }

    private static void report(PrintWriter out, String what, int good, int of) {
        out.printf(Locale.ROOT, "%-14s %6d / %-6d (%.2f%%)%n", what, good, of, of == 0 ? 100.0 : 100.0 * good / of);
    }
}
