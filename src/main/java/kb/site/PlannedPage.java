package kb.site;

import java.util.Optional;
import kb.jekyll.Document;

import java.util.Objects;
import kb.parse.FrontMatter;
import kb.source.SourceFile;

/**
 * A page whose front matter is parsed and whose place in the site is decided.
 *
 * @param source     the source file
 * @param frontMatter its front matter
 * @param url        its URL path below the site root ({@code /kb/319/Q319864/})
 * @param outputPath its output file below the output folder ({@code kb/319/Q319864/index.html}); empty for a
 *                   document of a collection without output
 * @param markdown   whether its body is Markdown (else HTML or another text format)
 * @param document   what it is in its collection, when it is a collection's document (a post, a guide)
 */
public record PlannedPage(SourceFile source, FrontMatter frontMatter, String url, String outputPath,
        boolean markdown, Optional<Document> document) {

    public PlannedPage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(document, "document");
    }
}
