package kb.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.related.TermWindow;

/**
 * What a build knows of one page it wrote, for the next build to decide whether to write it again.
 *
 * @param outputPath  the file below the output folder ({@code kb/319/Q319864/index.html})
 * @param url         its URL below the base URL (its search document's key)
 * @param source      the source path below the source folder
 * @param extraction  the fingerprint of everything its extraction read (source, URL, listing codes)
 * @param inputs      the fingerprint of everything its rendering read (extraction, navigation,
 *                    related articles, links to other articles), 0 when it must always be rendered
 * @param document    the fingerprint of its search document, 0 when it has none
 * @param article     the facts of its article, when it is an article page
 * @param diagnostics what extracting, rendering and checking it reported
 */
public record PageRecord(String outputPath, String url, String source, long extraction, long inputs, long document,
        Optional<ArticleFacts> article, List<Diagnostic> diagnostics) {

    /**
     * The facts of an article the whole site needs, kept so that an unchanged article is not read
     * again: its catalog entry (listings, backlinks, neighbours, search files), its term window
     * and its title's terms (related articles).
     *
     * @param titleTerms the terms of its title, as {@link TermWindow#titleTerms} gives them
     */
    public record ArticleFacts(CatalogEntry entry, TermWindow window, List<String> titleTerms) {

        public ArticleFacts {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(window, "window");
            titleTerms = List.copyOf(titleTerms);
        }
    }

    public PageRecord {
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(article, "article");
        diagnostics = List.copyOf(diagnostics);
    }

    /** This record with another search document's fingerprint. */
    public PageRecord withDocument(long document) {
        return new PageRecord(outputPath, url, source, extraction, inputs, document, article, diagnostics);
    }
}
