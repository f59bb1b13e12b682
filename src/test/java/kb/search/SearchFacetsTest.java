package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facet counts over the fixture index (see the table in {@link FixtureIndex}). */
class SearchFacetsTest {

    private static final String SMS = "Microsoft Systems Management Server";
    private static final String EXCHANGE = "Microsoft Exchange Server";
    private static final String VISUAL_C = "Microsoft Visual C++";
    private static final String WORD = "Microsoft Word 97 for Windows";
    private static final String NT = "Microsoft Windows NT Server";

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

    private static Map<String, List<FacetCount>> facets(String query) {
        return search.search(SearchRequest.of(query, 10)).facets();
    }

    /** One dimension's counts as value -> count, after checking they are listed most frequent first. */
    private static Map<String, Long> counts(Map<String, List<FacetCount>> facets, String dimension) {
        List<FacetCount> list = facets.get(dimension);
        assertThat(list).as(dimension).isNotNull();
        assertThat(list).extracting(FacetCount::count).as(dimension + " most frequent first")
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Map<String, Long> out = new LinkedHashMap<>();
        list.forEach(c -> out.put(c.value(), c.count()));
        return out;
    }

    @Test
    void theDimensionsInTheirOrder() {
        assertThat(facets("").keySet()).containsExactly("product", "issue_type", "year", "technology");
    }

    @Test
    void countsOverTheWholeIndexAreWhatTheFixtureHolds() {
        Map<String, List<FacetCount>> f = facets("");

        assertThat(counts(f, IndexFields.PRODUCT)).containsOnly(
                Map.entry(SMS, 4L), Map.entry(EXCHANGE, 4L), Map.entry(VISUAL_C, 2L), Map.entry(WORD, 2L),
                Map.entry(NT, 1L));
        // kbBug (Q730112) counts as kbbug; Q730113 is both kbinfo and kbprb.
        assertThat(counts(f, IndexFields.ISSUE_TYPE)).containsOnly(
                Map.entry("kbbug", 5L), Map.entry("kbprb", 4L), Map.entry("kbhowto", 3L), Map.entry("kbinfo", 2L));
        assertThat(counts(f, IndexFields.YEAR)).containsOnly(
                Map.entry("1999", 3L), Map.entry("2000", 3L), Map.entry("2001", 4L), Map.entry("2002", 3L));
        // Technology values are listed as written.
        assertThat(counts(f, IndexFields.TECHNOLOGY)).containsOnly(
                Map.entry("kbSMS200", 4L), Map.entry("kbSMSInventory", 3L), Map.entry("kbSMSSWDist", 1L),
                Map.entry("kbExchange550", 4L), Map.entry("kbXCLN", 3L), Map.entry("kbXADM", 1L),
                Map.entry("kbVC600", 2L), Map.entry("kbThread", 1L), Map.entry("kbWord97", 2L),
                Map.entry("kbPrinting", 2L), Map.entry("kbWinNT400", 1L), Map.entry("kbNetwork", 1L));
        assertThat(f.get(IndexFields.YEAR)).first().isEqualTo(new FacetCount("2001", 4));
    }

    @Test
    void aProductFilterNarrowsEveryDimension() {
        Map<String, List<FacetCount>> f = facets("product:sms");

        assertThat(counts(f, IndexFields.PRODUCT)).containsOnly(Map.entry(SMS, 4L));
        assertThat(counts(f, IndexFields.ISSUE_TYPE)).containsOnly(
                Map.entry("kbbug", 2L), Map.entry("kbhowto", 1L), Map.entry("kbprb", 1L));
        assertThat(counts(f, IndexFields.YEAR)).containsOnly(
                Map.entry("2002", 2L), Map.entry("2001", 1L), Map.entry("2000", 1L));
        assertThat(counts(f, IndexFields.TECHNOLOGY)).containsOnly(
                Map.entry("kbSMS200", 4L), Map.entry("kbSMSInventory", 3L), Map.entry("kbSMSSWDist", 1L));
    }

    @Test
    void anIssueTypeFilterNarrowsEveryDimension() {
        Map<String, List<FacetCount>> f = facets("type:kbprb");

        assertThat(counts(f, IndexFields.PRODUCT)).containsOnly(
                Map.entry(SMS, 1L), Map.entry(EXCHANGE, 1L), Map.entry(VISUAL_C, 1L), Map.entry(NT, 1L));
        assertThat(counts(f, IndexFields.ISSUE_TYPE)).containsOnly(Map.entry("kbprb", 4L), Map.entry("kbinfo", 1L));
        assertThat(counts(f, IndexFields.YEAR)).containsOnly(
                Map.entry("2000", 1L), Map.entry("1999", 1L), Map.entry("2001", 2L));
        assertThat(counts(f, IndexFields.TECHNOLOGY)).containsOnly(
                Map.entry("kbSMS200", 1L), Map.entry("kbSMSInventory", 1L), Map.entry("kbExchange550", 1L),
                Map.entry("kbXCLN", 1L), Map.entry("kbVC600", 1L), Map.entry("kbWinNT400", 1L),
                Map.entry("kbNetwork", 1L));
    }

    @Test
    void aYearFilterFromTheRequestNarrowsEveryDimension() {
        Map<String, List<FacetCount>> f = search.search(new SearchRequest("", Optional.empty(), Optional.empty(),
                Optional.of(1999), SearchRequest.Sort.RELEVANCE, 1, 10)).facets();

        assertThat(counts(f, IndexFields.PRODUCT)).containsOnly(Map.entry(EXCHANGE, 2L), Map.entry(WORD, 1L));
        assertThat(counts(f, IndexFields.YEAR)).containsOnly(Map.entry("1999", 3L));
        assertThat(counts(f, IndexFields.ISSUE_TYPE)).containsOnly(
                Map.entry("kbbug", 1L), Map.entry("kbprb", 1L), Map.entry("kbinfo", 1L));
    }

    @Test
    void wordsNarrowTheCountsToTheMatchingArticles() {
        Map<String, List<FacetCount>> f = facets("inventory");

        assertThat(counts(f, IndexFields.PRODUCT)).containsOnly(Map.entry(SMS, 3L));
        assertThat(counts(f, IndexFields.ISSUE_TYPE)).containsOnly(Map.entry("kbbug", 2L), Map.entry("kbprb", 1L));
        assertThat(counts(f, IndexFields.YEAR)).containsOnly(Map.entry("2002", 2L), Map.entry("2000", 1L));
        assertThat(counts(f, IndexFields.TECHNOLOGY)).containsOnly(
                Map.entry("kbSMS200", 3L), Map.entry("kbSMSInventory", 3L));
    }

    @Test
    void noMatchGivesEveryDimensionWithoutValues() {
        Map<String, List<FacetCount>> f = facets("Q999999");

        assertThat(f.keySet()).containsExactly("product", "issue_type", "year", "technology");
        assertThat(f.values()).allSatisfy(list -> assertThat(list).isEmpty());
    }

    // --- counts and the total: the same documents --------------------------------------------

    @Test
    void theTotalAndTheCountsAreAboutTheArticlesOnly() {
        SearchResults r = search.search(SearchRequest.of("", 10));

        assertThat(r.total()).isEqualTo(13);
        // One year per article: the years add up to the total.
        assertThat(r.facets().get(IndexFields.YEAR).stream().mapToLong(FacetCount::count).sum()
                + r.notClassified().get(IndexFields.YEAR)).isEqualTo(r.total());
        assertThat(r.notClassified()).containsOnly(Map.entry("product", 0L), Map.entry("issue_type", 0L),
                Map.entry("year", 0L), Map.entry("technology", 0L));
        assertThat(r.facets().values()).allSatisfy(counts -> assertThat(counts)
                .allSatisfy(c -> assertThat(c.count()).isLessThanOrEqualTo(r.total())));
    }

    @Test
    void withOtherPagesThoseWithoutFacetsAreNotClassified() {
        SearchResults r = search.search(SearchRequest.of("", 10).withPages(true));

        assertThat(r.total()).isEqualTo(14);
        assertThat(r.notClassified()).containsOnly(Map.entry("product", 1L), Map.entry("issue_type", 1L),
                Map.entry("year", 1L), Map.entry("technology", 1L));
        assertThat(r.facets().get(IndexFields.YEAR).stream().mapToLong(FacetCount::count).sum()
                + r.notClassified().get(IndexFields.YEAR)).isEqualTo(r.total());
    }

    @Test
    void notClassifiedFollowsTheMatches() {
        SearchResults r = search.search(SearchRequest.of("narrow", 10).withPages(true));

        assertThat(r.notClassified().get(IndexFields.PRODUCT)).isEqualTo(1L);
        assertThat(search.search(SearchRequest.of("narrow", 10)).notClassified().get(IndexFields.PRODUCT)).isZero();
    }

    @Test
    void issueTypesHaveReadableNamesAndKeepTheirCodeAsValue() {
        List<FacetCount> types = facets("").get(IndexFields.ISSUE_TYPE);

        assertThat(types).contains(new FacetCount("kbbug", "Bug", 5), new FacetCount("kbhowto", "How-to", 3),
                new FacetCount("kbinfo", "Information", 2));
        assertThat(facets("").get(IndexFields.YEAR)).first().isEqualTo(new FacetCount("2001", "2001", 4));
    }
}
