package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import kb.search.RankingWeightsTest.Doc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed slips of every common shape, anywhere in any word (identifiers included), and pasted
 * passages of small words: each finds its article first among articles written to compete with
 * it (IDs {@code Q8001nn} for the article at position {@code nn}).
 */
class SlipsAndPassagesTest {

    @TempDir
    static Path dir;

    private static SearchService search;

    private static final List<Doc> ARTICLES = List.of(
            Doc.of("MPLAYER.INI Settings Ignored", "Media Player reads its settings from MPLAYER.INI at startup."),
            Doc.of("Resolve_Netbios_Names_Last Entry Has No Effect", "The entry is read only when the service starts."),
            Doc.of("Streets and Trips Route Planning", "Plan a route with stops."),
            Doc.of("How to Change Your Password", "Press CTRL+ALT+DEL and choose the option."),
            Doc.of("Train Schedule Printing", "The schedule prints in landscape."),
            Doc.of("Place Holders in Forms", "A place holder shows where text goes."),
            Doc.of("Inside the Print Spooler", "The spooler keeps jobs on disk."),
            Doc.of("Ribbon Setup", "This is a note on the ribbon."),
            // Competitors: the other words of the queries, or words one slip away from the slips.
            Doc.of("Change Regions", "Regions of the transaction server."),
            Doc.of("Changes to Printers", "Printers keep their changes."),
            Doc.of("Rain Sensor Driver", "The rain sensor reports every minute."),
            Doc.of("Schedule Backup Jobs", "Backups run on a schedule."),
            Doc.of("Streets Closed Message", "A message about closed streets."),
            Doc.of("Route Tables", "Tris buffer settings for route tables."),
            Doc.of("Holders of Licenses", "License holders may copy the disk."),
            Doc.of("Spooler Stops", "The spooler stops when the disk is full."),
            Doc.of("Label Setup", "Note the label. A note: the label notes what is on it; note it."),
            Doc.of("Settings Ignored at Logon", "The logon settings are ignored."),
            Doc.of("Entry Points", "An entry point has no effect on the entry."));

    @BeforeAll
    static void writeIndex() {
        List<Doc> all = new ArrayList<>(ARTICLES);
        IntStream.range(0, 8).forEach(i -> all.add(Doc.of("Modem Dial Tone " + i, "The modem waits for a dial tone " + i + ".")));
        RankingWeightsTest.writeArticles(dir.resolve("index"), all);
        search = new SearchService(dir.resolve("index"));
    }

    @AfterAll
    static void close() {
        search.close();
    }

    @ParameterizedTest(name = "{0} finds {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            MPALYER settings            | Q800100 | two letters swapped inside a file name
            settings MPLAYR.INI         | Q800100 | a letter dropped in a file name, typed whole
            Reslve entry                | Q800101 | a letter dropped in a part of an identifier
            Tris Streets                | Q800102 | a letter dropped in a short word, words out of title order
            Change Yor                  | Q800103 | a letter dropped in a three-letter word
            Chnage Your Password        | Q800103 | two letters swapped after the first
            rain schedule               | Q800104 | a letter dropped at the start, making another word
            lPace Holders               | Q800105 | the first two letters swapped
            Plcae Holders               | Q800105 | the second and third letters swapped
            holders Placce              | Q800105 | a letter doubled
            Inisde spooler              | Q800106 | two letters swapped near the start
            Insude spooler              | Q800106 | a keyboard neighbour substituted
            spooler Insiide             | Q800106 | a letter doubled
            Traiin Schedule             | Q800104 | a letter doubled, the first word
            is a note on the            | Q800107 | a pasted passage of small words around one word
            """)
    void slipsAndPassagesFindTheirArticleFirst(String query, String first, String what) {
        List<String> ids = search.search(SearchRequest.of(query.strip(), 10)).hits().stream().map(SearchHit::id).toList();
        assertThat(ids).as("%s: %s", what, ids).first().isEqualTo(first);
    }

    @Test
    void aWordTwoSlipsAwayIsCorrectedByTheSuggestion() {
        // Near words are one edit away (QueryBuilder.SLIP_EDITS); "did you mean" reaches two.
        SearchResults results = search.search(SearchRequest.of("Shcedle Printing", 10));
        assertThat(results.suggestion()).isEqualTo("schedule Printing");
        assertThat(results.hits()).extracting(SearchHit::id).first().isEqualTo("Q800104");
    }
}
