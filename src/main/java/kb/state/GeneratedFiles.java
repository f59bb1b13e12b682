package kb.state;

import java.util.List;
import kb.diag.Diagnostic;

/**
 * What the last build generated from the catalog rather than from sources (listings, feeds,
 * sitemaps, short links, redirect pages, the search files), so that a build whose site has the
 * same pages and catalog can keep them all without making them again.
 *
 * @param paths       the files generated, below the output folder
 * @param counted     how many of them the build's summary counts as generated (the search
 *                    files are not counted)
 * @param diagnostics what generating them reported that no single file's record holds (a
 *                    {@code redirect_from} that was skipped, a template of the hub that failed)
 */
public record GeneratedFiles(List<String> paths, int counted, List<Diagnostic> diagnostics) {

    public GeneratedFiles {
        paths = List.copyOf(paths);
        diagnostics = List.copyOf(diagnostics);
    }
}
