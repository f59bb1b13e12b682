package kb.cli;

import java.nio.file.Path;
import java.util.Optional;
import kb.site.BuildOptions;
import picocli.CommandLine.Option;

/**
 * The options that say what a build reads and how it reports problems, mixed into
 * {@code kb build} and {@code kb serve} (which builds with them under {@code --watch}).
 */
final class BuildInputOptions {

    @Option(names = "--source", defaultValue = "content", description = "Source folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--templates", description = "Template folder (default: templates/ beside the source, else the built-in theme).")
    Path templates;

    @Option(names = "--base-url", description = "Base URL path, overriding _config.yml's baseurl (e.g. /kb).")
    String baseUrl;

    @Option(names = "--timings", description = "Print the wall time of each build phase (with --watch: of each rebuild).")
    boolean timings;

    @Option(names = "--strict", description = "Every warning is an error (exit code 1), broken links and anchors included.")
    boolean strict;

    @Option(names = "--max-diagnostics", defaultValue = "50", description = "Print at most this many errors and warnings of each kind (default: ${DEFAULT-VALUE}).")
    int maxDiagnostics;

    /**
     * The build of the source into {@code dest} and {@code index}, incremental when it can be.
     *
     * @throws IllegalArgumentException when the source folder does not exist
     */
    BuildOptions buildOptions(Path dest, Path index) {
        return buildOptions(dest, index, false);
    }

    /**
     * The build of the source into {@code dest} and {@code index}; {@code clean} ignores the last
     * build's state.
     *
     * @throws IllegalArgumentException when the source folder does not exist
     */
    BuildOptions buildOptions(Path dest, Path index, boolean clean) {
        if (!source.toFile().isDirectory()) {
            throw new IllegalArgumentException("source folder " + source + " does not exist");
        }
        return new BuildOptions(source, dest, index, Optional.ofNullable(templates), Optional.ofNullable(baseUrl),
                strict, clean);
    }
}
