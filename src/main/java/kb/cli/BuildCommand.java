package kb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kb.site.BuildOptions;
import kb.site.BuildResult;
import kb.site.BuildStopped;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb build}: source tree -> site folder + search index. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site and its search index from a Jekyll source tree.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BuildInputOptions input;

    @Option(names = "--dest", defaultValue = "site", description = "Output folder for the site (default: ${DEFAULT-VALUE}).")
    Path dest;

    @Option(names = "--index", defaultValue = "index", description = "Output folder for the search index (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    @Option(names = "--clean", description = "Make everything, ignoring what the last build left in .kb-state/ beside the output.")
    boolean clean;


    @Override
    public Integer call() {
        BuildOptions options = input.buildOptions(dest, index, clean);
        Diagnostics diagnostics = new Diagnostics(input.strict);
        BuildResult result;
        try (ProgressBarView progress = ProgressBarView.create(!noProgress)) {
            result = new SiteBuilder(progress).build(options, diagnostics);
        } catch (BuildStopped e) {
            // The configuration or a template is broken: nothing was written, the last site stays.
            diagnostics.print(spec.commandLine().getErr(), input.maxDiagnostics);
            spec.commandLine().getErr().println("kb build: stopped: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        diagnostics.print(spec.commandLine().getErr(), input.maxDiagnostics);
        spec.commandLine().getOut().println("kb build: " + result.summary() + " -> " + dest + ", " + index);
        if (input.timings) {
            spec.commandLine().getOut().println("kb build: phases: " + result.timingLine());
        }
        return diagnostics.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
