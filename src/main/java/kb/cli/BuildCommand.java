package kb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kb.site.BuildOptions;
import kb.site.BuildResult;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb build}: source tree -> site folder + search index. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site and its search index from a Jekyll source tree.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = "content", description = "Source folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--dest", defaultValue = "site", description = "Output folder for the site (default: ${DEFAULT-VALUE}).")
    Path dest;

    @Option(names = "--index", defaultValue = "index", description = "Output folder for the search index (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--templates", description = "Template folder (default: templates/ beside the source, else the built-in theme).")
    Path templates;

    @Option(names = "--base-url", description = "Base URL path, overriding _config.yml's baseurl (e.g. /kb).")
    String baseUrl;

    @Option(names = "--max-diagnostics", defaultValue = "50", description = "Print at most this many errors and warnings of each kind (default: ${DEFAULT-VALUE}).")
    int maxDiagnostics;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    @Option(names = "--strict", description = "Broken links and anchors are errors (exit code 1), not warnings.")
    boolean strict;

    @Option(names = "--clean", description = "Make everything, ignoring what the last build left in .kb-state/ beside the output.")
    boolean clean;

    @Option(names = "--timings", description = "Print the wall time of each build phase.")
    boolean timings;

    @Override
    public Integer call() {
        if (!source.toFile().isDirectory()) {
            throw new IllegalArgumentException("source folder " + source + " does not exist");
        }
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result;
        try (ProgressBarView progress = ProgressBarView.create(!noProgress)) {
            result = new SiteBuilder(progress).build(new BuildOptions(source, dest, index,
                    Optional.ofNullable(templates), Optional.ofNullable(baseUrl), strict, clean), diagnostics);
        }
        diagnostics.print(spec.commandLine().getErr(), maxDiagnostics);
        spec.commandLine().getOut().println("kb build: " + result.summary() + " -> " + dest + ", " + index);
        if (timings) {
            spec.commandLine().getOut().println("kb build: phases: " + result.timingLine());
        }
        return diagnostics.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
