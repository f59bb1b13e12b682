package kb.site;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build and where.
 *
 * @param source    the source tree ({@code content/})
 * @param dest      the output folder for the site ({@code site/})
 * @param index     the output folder for the search index ({@code index/})
 * @param templates the template folder given with {@code --templates}, if any
 * @param baseUrl   a base URL overriding the configuration's, if given
 * @param strict    whether broken links and anchors are errors (else warnings)
 * @param clean     whether to ignore the last build's state and make everything
 */
public record BuildOptions(Path source, Path dest, Path index, Optional<Path> templates,
        Optional<String> baseUrl, boolean strict, boolean clean) {

    /** Options whose broken links are warnings. */
    public BuildOptions(Path source, Path dest, Path index, Optional<Path> templates, Optional<String> baseUrl) {
        this(source, dest, index, templates, baseUrl, false, false);
    }

    /** Options for a build that is incremental when it can be. */
    public BuildOptions(Path source, Path dest, Path index, Optional<Path> templates, Optional<String> baseUrl,
            boolean strict) {
        this(source, dest, index, templates, baseUrl, strict, false);
    }

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
