package kb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kb.search.IndexSearcherService;
import kb.search.SearchHit;
import kb.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb search}: ranked hits from the index. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index written by 'kb build'.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--limit", defaultValue = "10", description = "Number of hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        SearchResults results;
        try (IndexSearcherService searcher = new IndexSearcherService(index)) {
            results = searcher.search(String.join(" ", words), limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
            return ExitCodes.OK;
        }
        if (results.hits().isEmpty()) {
            out.println("No results for \"" + results.query() + "\".");
            return ExitCodes.OK;
        }
        for (SearchHit hit : results.hits()) {
            out.printf("%3d. %s%n     %s%n", hit.rank(), hit.title(), hit.url());
        }
        out.printf("%d of %d results%n", results.hits().size(), results.total());
        return ExitCodes.OK;
    }
}
