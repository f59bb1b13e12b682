package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kb.check.CheckReport;
import kb.check.SiteChecker;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kb check}: every internal link and anchor of a built site leads somewhere. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check that every internal link and #anchor of a built site resolves, generated pages "
                + "included; broken ones are reported at their source file and line. External links are "
                + "counted, never fetched.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", defaultValue = "site", description = "The built site folder (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--strict", description = "Broken links and anchors are errors (exit code 1), not warnings.")
    boolean strict;

    @Option(names = "--max-diagnostics", defaultValue = "50", description = "Print at most this many errors and warnings of each kind (default: ${DEFAULT-VALUE}).")
    int maxDiagnostics;

    @Option(names = "--list-external", description = "List every external link (with how often it occurs).")
    boolean listExternal;

    @Override
    public Integer call() {
        Diagnostics diagnostics = new Diagnostics();
        CheckReport report = new SiteChecker().check(site, strict ? Severity.ERROR : Severity.WARNING, diagnostics);
        diagnostics.print(spec.commandLine().getErr(), maxDiagnostics);
        PrintWriter out = spec.commandLine().getOut();
        if (listExternal) {
            report.external().forEach((url, count) -> out.println(count + "\t" + url));
        }
        out.println("kb check: " + report.summary());
        return diagnostics.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
