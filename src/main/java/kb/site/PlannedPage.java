package kb.site;

import java.util.Objects;
import kb.parse.FrontMatter;
import kb.source.SourceFile;

/**
 * A page whose front matter is parsed and whose place in the site is decided.
 *
 * @param source     the source file
 * @param frontMatter its front matter
 * @param url        its URL path below the site root ({@code /kb/319/Q319864/})
 * @param outputPath its output file below the output folder ({@code kb/319/Q319864/index.html})
 * @param markdown   whether its body is Markdown (else HTML or another text format)
 */
public record PlannedPage(SourceFile source, FrontMatter frontMatter, String url, String outputPath,
        boolean markdown) {

    public PlannedPage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outputPath, "outputPath");
    }
}
