package kb.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each signal of the finder, shown by a site where it decides a list, and failing without it:
 * the citations of the articles like it, shared product codes, shared issue types, shared title
 * words.
 */
class RelatedSignalsTest {

    private static final RelatedFinder.Tuning DEFAULT = RelatedFinder.Tuning.DEFAULT;

    private static RelatedFinder.Tuning without(String signal) {
        return switch (signal) {
            case "citations" -> DEFAULT.withCitations(0, 0f);
            case "products" -> DEFAULT.withProductWeight(0f);
            case "kinds" -> DEFAULT.withKindWeight(0f);
            case "titles" -> DEFAULT.withTitleWeight(0f);
            default -> throw new IllegalArgumentException(signal);
        };
    }

    /** Forty articles on nothing in particular, so that document frequencies mean something. */
    private static Map<String, ArticleProfile> filler() {
        Map<String, ArticleProfile> site = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            site.put("Q2" + String.format("%03d", i), ArticleProfile.of(TermWindow.of("Filler topic " + i,
                    "General text about setup number " + i + " with common words and nothing else in particular.")));
        }
        return site;
    }

    private static List<String> list(RelatedFinder.Tuning tuning, Map<String, ArticleProfile> site, String id) {
        return new RelatedFinder(tuning).lists(site, 5).of(id);
    }

    @Test
    void theArticlesThatArticlesLikeItCiteAreRelated() {
        Map<String, ArticleProfile> site = filler();
        site.put("Q1001", ArticleProfile.of(TermWindow.of("Spooler stops with queued widget jobs",
                "The widget spooler stops when the queue holds jobs from the gadget driver.")));
        for (int i = 0; i < 4; i++) {
            // Articles like Q1001, each citing the service pack article Q1100.
            site.put("Q101" + i, new ArticleProfile(TermWindow.of("Widget spooler error " + i,
                    "The widget spooler reports an error when the gadget driver queue holds jobs."),
                    List.of("Q1100"), List.of(), List.of(), List.of()));
        }
        // No word in common with Q1001.
        site.put("Q1100", ArticleProfile.of(TermWindow.of("How to obtain the latest service pack",
                "Download the newest service pack from the download center and run its setup program.")));

        assertThat(list(DEFAULT, site, "Q1001")).contains("Q1100");
        assertThat(list(without("citations"), site, "Q1001")).doesNotContain("Q1100");
    }

    private static final String TITLE = "Spooler stops with queued widget jobs";
    private static final String TWIN_TITLE = "Widget spooler error";

    /**
     * Q1001 and two articles equally like it by words, Q1002 and Q1003: Q1003 has the product
     * codes, issue types and title given, Q1002 another product, issue type and title.
     */
    private static Map<String, ArticleProfile> twins(List<String> products, List<String> kinds, String title) {
        Map<String, ArticleProfile> site = filler();
        site.put("Q1001", new ArticleProfile(TermWindow.of(TITLE,
                "The widget spooler stops when the queue holds jobs from the gadget driver."),
                List.of(), List.of("widget"), List.of("kbbug"), TermWindow.titleTerms(TITLE)));
        TermWindow twin = TermWindow.of(TWIN_TITLE, "The widget spooler reports an error with gadget jobs.");
        site.put("Q1002", new ArticleProfile(twin, List.of(), List.of("other"), List.of("kbhowto"),
                TermWindow.titleTerms(TWIN_TITLE)));
        site.put("Q1003", new ArticleProfile(twin, List.of(), products, kinds, TermWindow.titleTerms(title)));
        return site;
    }

    @Test
    void aSharedProductCodeRanksFirst() {
        Map<String, ArticleProfile> site = twins(List.of("widget"), List.of("kbhowto"), TWIN_TITLE);

        assertThat(list(DEFAULT, site, "Q1001")).startsWith("Q1003", "Q1002");
        assertThat(list(without("products"), site, "Q1001")).startsWith("Q1002", "Q1003");
    }

    @Test
    void aSharedIssueTypeRanksFirst() {
        Map<String, ArticleProfile> site = twins(List.of("other"), List.of("kbbug"), TWIN_TITLE);

        assertThat(list(DEFAULT, site, "Q1001")).startsWith("Q1003", "Q1002");
        assertThat(list(without("kinds"), site, "Q1001")).startsWith("Q1002", "Q1003");
    }

    @Test
    void aTitleWithTheArticlesTitleWordsRanksFirst() {
        Map<String, ArticleProfile> site = twins(List.of("other"), List.of("kbhowto"), "Widget spooler stops with queued jobs");

        assertThat(list(DEFAULT, site, "Q1001")).startsWith("Q1003", "Q1002");
        assertThat(list(without("titles"), site, "Q1001")).startsWith("Q1002", "Q1003");
    }
}
