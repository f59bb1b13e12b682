package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import kb.search.ResultsJson;
import kb.search.SearchHit;
import kb.search.SearchRequest;
import kb.search.SearchResults;
import kb.search.SearchService;
import kb.serve.SiteInfo;
import org.jsoup.Jsoup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb search}: ranked hits from the index. */
@Command(name = "search", mixinStandardHelpOptions = true, modelTransformer = SearchCommand.WordsAfterDash.class,
        description = "Search the index written by 'kb build'. Syntax: words, \"phrases\", -exclude, prefix*, "
                + "product:sms type:kbbug year:2001 keyword:kbprint tech:... os:... version:..., IDs (Q319864, 319864, KB319864).")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--site", defaultValue = "site", description = "Site folder, for the base URL of the URLs shown, "
            + "as 'kb serve' reads it (default: ${DEFAULT-VALUE}; none there: URLs below the site root).")
    Path site;

    @Option(names = "--product", description = "Only this product (code such as sms, or the whole product name).")
    String product;

    @Option(names = "--type", description = "Only this issue type (kbbug, kbprb, kbinfo, kbhowto, ...).")
    String type;

    @Option(names = "--year", description = "Only articles last modified in this year.")
    Integer year;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance or date (newest first).")
    String sort;

    @Option(names = "--limit", defaultValue = "10", description = "Hits per page, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--page", defaultValue = "1", description = "Page of results (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--pages", description = "Search the other pages too (home page, listings), not only articles.")
    boolean pages;

    @Option(names = "--json", description = "Print the results as JSON (the same object as GET /api/search).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for.")
    List<String> words;

    /**
     * {@code -printer} excludes a word: a query word that starts with a dash and is no option of
     * the command is a word of the query, not an "unknown option" error.
     */
    static final class WordsAfterDash implements CommandLine.IModelTransformer {

        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().unmatchedOptionsArePositionalParams(true);
            return spec;
        }
    }

    @Override
    public Integer call() throws Exception {
        SearchRequest.Sort order = switch (sort.toLowerCase(java.util.Locale.ROOT)) {
            case "relevance" -> SearchRequest.Sort.RELEVANCE;
            case "date" -> SearchRequest.Sort.DATE;
            default -> throw new IllegalArgumentException("--sort must be relevance or date, not " + sort);
        };
        SearchRequest request = new SearchRequest(String.join(" ", words), Optional.ofNullable(product),
                Optional.ofNullable(type), Optional.ofNullable(year), order, page, limit, pages);
        SearchResults results;
        try (SearchService searcher = new SearchService(index)) {
            results = searcher.search(request);
        }
        // The same URLs as kb serve answers for this site: below the base URL it is served at.
        ResultsJson shape = new ResultsJson(SiteInfo.read(site).baseurl());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(shape.writePretty(results));
            return ExitCodes.OK;
        }
        if (results.shortened() != null) {
            out.println(results.shortened().note());
        }
        if (results.suggestion() != null) {
            out.println("Did you mean: " + results.suggestion());
        }
        if (results.hits().isEmpty()) {
            out.println(results.total() == 0 ? "No results for \"" + results.query() + "\"."
                    : "No results on page " + page + ": there are " + results.total() + " results for \""
                            + results.query() + "\".");
            return ExitCodes.OK;
        }
        for (SearchHit hit : results.hits()) {
            out.printf("%3d. %s%n     %s%n     %s%n", hit.rank(), hit.title(), shape.url(hit.url()), oneLine(hit.snippet()));
        }
        out.printf("%d-%d of %d results (%d ms)%n", results.hits().get(0).rank(),
                results.hits().get(results.hits().size() - 1).rank(), results.total(), results.tookMs());
        return ExitCodes.OK;
    }

    /** The snippet as plain text on one line, marks shown as [brackets]. */
    private static String oneLine(String snippet) {
        String marked = snippet.replace("<mark>", "[").replace("</mark>", "]");
        String text = Jsoup.parseBodyFragment(marked).text();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
