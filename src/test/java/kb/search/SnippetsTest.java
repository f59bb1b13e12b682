package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Highlighted, HTML-escaped snippets, and {@link Snippets#shorten}. */
class SnippetsTest {

    @TempDir
    static Path index;

    private static SearchService search;

    @BeforeAll
    static void writeIndex() {
        FixtureIndex.write(index);
        search = new SearchService(index);
    }

    @AfterAll
    static void close() {
        search.close();
    }

    private static SearchHit hit(String query, String id) {
        return search.search(SearchRequest.of(query, 50)).hits().stream().filter(h -> h.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no hit " + id + " for " + query));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#x27|#39|#x2F);");

    /** Marks balanced and in order, and no markup but marks and whole entities. */
    private static void assertWellFormed(String html) {
        assertThat(count(html, "<mark>")).as(html).isEqualTo(count(html, "</mark>"));
        int depth = 0;
        Matcher m = Pattern.compile("</?mark>").matcher(html);
        while (m.find()) {
            depth += m.group().equals("<mark>") ? 1 : -1;
            assertThat(depth).as("marks nest properly in: %s", html).isBetween(0, 1);
        }
        String rest = html.replace("<mark>", "").replace("</mark>", "");
        assertThat(rest).as("no raw markup in: %s", html).doesNotContain("<", ">");
        assertThat(ENTITY.matcher(rest).replaceAll("")).as("no broken entity in: %s", html).doesNotContain("&");
    }

    @Test
    void queryWordsAreMarked() {
        assertThat(hit("quota", "Q730105").snippet()).contains("<mark>quota</mark>");
        assertThat(hit("Mailbox", "Q730105").snippet()).as("the text's case").contains("<mark>mailbox</mark>");
        assertThat(hit("socket error", "Q730113").snippet()).contains("<mark>socket</mark> <mark>error</mark> 10054");
    }

    @Test
    void stemmedFormsOfTheWordAreMarked() {
        // "delegates" -> delegat; the text says "delegate".
        assertThat(hit("delegates", "Q730107").snippet()).contains("<mark>delegate</mark>");
    }

    @Test
    void prefixMatchesAreMarked() {
        assertThat(hit("resync*", "Q730101").snippet()).contains("<mark>resynchronization</mark>");
    }

    @Test
    void phraseMatchesAreMarked() {
        assertThat(hit("\"public folder\"", "Q730106").snippet().replace("</mark> <mark>", " "))
                .contains("<mark>public folder</mark>");
    }

    @Test
    void theTextIsHtmlEscaped() {
        String snippet = hit("stdio.h", "Q730109").snippet();

        assertThat(snippet).contains("#include &lt;<mark>stdio.h</mark>&gt;");
        assertThat(snippet).contains("printf(&quot;hello &amp; goodbye");
        assertThat(snippet).doesNotContain("<stdio.h>");
        assertWellFormed(snippet);
    }

    @Test
    void aSnippetWithoutMatchIsTheEscapedStartOfTheText() {
        String snippet = hit("Q730109", "Q730109").snippet();

        assertThat(snippet).startsWith("The information in this article applies to:");
        assertThat(snippet).doesNotContain("<mark>");
        assertWellFormed(snippet);
    }

    @Test
    void everySnippetIsWellFormedAndShort() {
        for (String query : List.of("Inventory Agent could not open the history file because another process has locked it",
                "mailbox quota warning", "calendar delegate reminder", "compile include file windows.h",
                "resync*", "\"public folder\"", "product:sms", "thread dll")) {
            for (SearchHit hit : search.search(SearchRequest.of(query, 50)).hits()) {
                assertWellFormed(hit.snippet());
                assertThat(hit.snippet().length()).as(query + " " + hit.id()).isLessThanOrEqualTo(400);
            }
        }
    }

    // --- shorten ---------------------------------------------------------------------------

    private static String words(String word, int count) {
        return (word + " ").repeat(count).strip();
    }

    @Test
    void aShortPassageIsKeptAsItIs() {
        String html = "A <mark>short</mark> passage &amp; more.";

        assertThat(Snippets.shorten(html)).isEqualTo(html);
    }

    @Test
    void aLongPassageIsCutAroundItsFirstMarkAtWordBoundaries() {
        String html = words("before", 100) + " <mark>needle</mark> " + words("after", 100);

        String cut = Snippets.shorten(html);

        assertThat(cut).startsWith("… before ").endsWith(" after …");
        assertThat(cut).contains("<mark>needle</mark>");
        assertThat(cut.length()).isBetween(200, 300);
        assertThat(cut.indexOf("<mark>")).as("about a third in").isBetween(60, 120);
        assertThat(cut.replace("… ", "").replace(" …", "").split(" "))
                .allMatch(w -> w.equals("before") || w.equals("after") || w.equals("<mark>needle</mark>"));
        assertWellFormed(cut);
    }

    @Test
    void aMarkAtTheStartIsNotPrecededByAnEllipsis() {
        String cut = Snippets.shorten("<mark>needle</mark> " + words("after", 100));

        assertThat(cut).startsWith("<mark>needle</mark> after").endsWith(" …");
        assertWellFormed(cut);
    }

    @Test
    void aMarkedPhraseCutAtTheEndIsClosed() {
        String html = words("before", 10) + " <mark>" + words("marked", 80) + "</mark> " + words("after", 10);

        String cut = Snippets.shorten(html);

        assertThat(cut).contains("<mark>marked").endsWith("</mark> …");
        assertWellFormed(cut);
    }

    @Test
    void entitiesAndMarksAreNeverBroken() {
        for (int shift = 0; shift < 12; shift++) {
            String html = "x".repeat(shift) + " " + words("a&amp;b &lt;c&gt;", 40) + " <mark>needle</mark> "
                    + words("&quot;d&quot; <mark>e</mark> f&amp;g", 40);

            String cut = Snippets.shorten(html);

            assertWellFormed(cut);
            assertThat(cut).contains("<mark>needle</mark>");
        }
    }

    @Test
    void aPassageWithoutMarksIsCutFromItsStart() {
        String cut = Snippets.shorten(words("plain", 100));

        assertThat(cut).startsWith("plain plain").endsWith(" …");
        assertThat(cut.length()).isBetween(200, 300);
    }
}
