package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranked article IDs for search-box queries over the fixture index (see {@link FixtureIndex}). */
class SearchRankingTest {

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

    private static SearchResults results(String query) {
        return search.search(SearchRequest.of(query, 50));
    }

    /** A search of the articles and the other pages. */
    private static SearchResults withPages(String query) {
        return search.search(SearchRequest.of(query, 50).withPages(true));
    }

    /** The IDs of the hits, best first ("" for the ordinary page). */
    private static List<String> ids(String query) {
        return ids(results(query));
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }

    private static SearchRequest request(String query, SearchRequest.Sort sort, int page, int size) {
        return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), sort, page, size);
    }

    // --- words -----------------------------------------------------------------------------

    @Test
    void titleWordsRankTheTitleMatchFirst() {
        // Q730106 has all three words in its text, several times; Q730105 has them in its title.
        assertThat(ids("mailbox quota warning")).startsWith("Q730105", "Q730106");
        assertThat(ids("Quota Warning")).first().isEqualTo("Q730105");
    }

    @Test
    void aPastedDisplayTitleFindsItsArticleFirst() {
        assertThat(ids("Q730112: WD97: Printing Document Properties Adds a Blank Page")).first().isEqualTo("Q730112");
    }

    @Test
    void anArticleWithAllWordsBeatsOneWithTwoOfThemRepeated() {
        // Q730107 has calendar, delegate and reminder once each; Q730108 repeats calendar and
        // delegate half a dozen times but never says reminder.
        assertThat(ids("calendar delegate reminder")).startsWith("Q730107", "Q730108");
    }

    @Test
    void aPastedErrorMessageFindsTheArticleQuotingItFirst() {
        // Q730101 holds most of these words too (open, history file, another process, locked,
        // inventory agent), but not together.
        List<String> ids = ids("Inventory Agent could not open the history file because another process has locked it");

        assertThat(ids).first().isEqualTo("Q730104");
    }

    @Test
    void aSearchForSmsFindsArticlesThatSaySms() {
        assertThat(ids("SMS secondary site")).first().isEqualTo("Q730102");
    }

    // --- IDs -------------------------------------------------------------------------------

    @Test
    void anIdInEachFormRanksItsArticleFirst() {
        for (String form : List.of("Q730105", "q730105", "730105", "KB730105", "kb730105")) {
            assertThat(ids(form)).as(form).first().isEqualTo("Q730105");
        }
    }

    @Test
    void anIdAmongWordsRanksItsArticleFirst() {
        assertThat(ids("site reset Q730102")).first().isEqualTo("Q730102");
        assertThat(ids("inventory kb730104 resynchronization")).first().isEqualTo("Q730104");
    }

    @Test
    void anIdWithPunctuationAroundItRanksItsArticleFirst() {
        for (String query : List.of("Q730105:", "see Q730105.", "(Q730105)", "Q730105, Q730106")) {
            assertThat(ids(query)).as(query).first().isEqualTo("Q730105");
        }
    }

    @Test
    void aBareNumberAloneIsAnIdAndStillAWord() {
        // Q10054 is an article ID; Q730113 quotes socket error 10054.
        assertThat(ids("10054")).containsExactly("Q10054", "Q730113");
    }

    @Test
    void aNumberAmongWordsIsNotAnId() {
        List<String> ids = ids("error 10054");

        assertThat(ids).first().isEqualTo("Q730113");
        assertThat(ids).doesNotContain("Q10054");
    }

    @Test
    void aWordWithAnUnknownPrefixIsSearchedLikeItsParts() {
        assertThat(ids("error:10054")).first().isEqualTo("Q730113");
    }

    // --- spelling --------------------------------------------------------------------------

    @Test
    void aMisspeltWordStillFindsTheArticleAndIsCorrected() {
        SearchResults r = results("resyncronization");

        assertThat(ids(r)).containsExactlyInAnyOrder("Q730101", "Q730102");
        assertThat(r.suggestion()).isEqualTo("resynchronization");
    }

    @Test
    void theSuggestionCorrectsOnlyTheMisspeltWordOfTheQuery() {
        SearchResults r = results("hardware inventory resyncronization");

        assertThat(ids(r)).startsWith("Q730101");
        assertThat(r.suggestion()).isEqualTo("hardware inventory resynchronization");
        assertThat(results("envelope fed manualy").suggestion()).isEqualTo("envelope fed manually");
    }

    @Test
    void aCorrectQueryHasNoSuggestion() {
        assertThat(results("hardware inventory resynchronization").suggestion()).isNull();
        assertThat(results("Q730105").suggestion()).isNull();
        assertThat(results("product:sms type:kbbug").suggestion()).isNull();
    }

    @Test
    void aFileNameInTheIndexHasNoSuggestion() {
        SearchResults r = results("stdio.h");

        assertThat(ids(r)).containsExactly("Q730109");
        assertThat(r.suggestion()).isNull();
    }

    @Test
    void aRareButCorrectWordDoesNotMatchUnrelatedArticles() {
        SearchResults r = results("warning");

        assertThat(ids(r)).containsExactlyInAnyOrder("Q730105", "Q730106");
        assertThat(r.total()).isEqualTo(2);
    }

    @Test
    void anExactMatchOutranksFuzzyMatchesOfOtherWords() {
        assertThat(ids(withPages("quotes"))).first().isEqualTo("");
    }

    // --- phrases, exclusions, prefixes ---------------------------------------------------

    @Test
    void aQuotedPhraseRequiresTheWordsTogether() {
        // Q730108 says "folder whose permissions are public": both words, not the phrase.
        assertThat(ids("\"public folder\"")).containsExactly("Q730106");
        assertThat(ids("public folder")).contains("Q730106", "Q730108");
    }

    @Test
    void aQuotedPhraseWithAStopWordMatchesAcrossTheStopWordsGap() {
        // "the" leaves a one-word gap, as it does in the index: Q730104 has "open the history
        // file"; Q730101's "open its history file" fills the gap with another word.
        List<String> ids = ids("\"open the history file\"");

        assertThat(ids).containsExactlyInAnyOrder("Q730104", "Q730101");
        assertThat(ids).first().isEqualTo("Q730104");
    }

    @Test
    void aQuotedPhraseNothingContainsIsSearchedAsWords() {
        assertThat(ids("\"public folder relocation\"")).first().isEqualTo("Q730106");
    }

    @Test
    void minusExcludesAWord() {
        assertThat(ids("inventory")).containsExactlyInAnyOrder("Q730101", "Q730102", "Q730104");
        assertThat(ids("inventory -mof")).containsExactlyInAnyOrder("Q730102", "Q730104");
        assertThat(ids("inventory -MOF")).containsExactlyInAnyOrder("Q730102", "Q730104");
    }

    @Test
    void minusExcludesAPhrase() {
        assertThat(ids("inventory -\"site reset\"")).containsExactly("Q730104");
    }

    @Test
    void aPrefixMatchesWordsStartingSo() {
        // resynchronization (titles and text) and resync (additional query words)
        assertThat(ids("resync*")).containsExactlyInAnyOrder("Q730101", "Q730102");
        assertThat(ids("Resync*")).containsExactlyInAnyOrder("Q730101", "Q730102");
        assertThat(ids("envel*")).containsExactly("Q10054");
    }

    // --- filters ---------------------------------------------------------------------------

    @Test
    void productFilterByCodeOrExactName() {
        List<String> sms = List.of("Q730101", "Q730102", "Q730103", "Q730104");
        assertThat(ids("product:sms")).containsExactlyInAnyOrderElementsOf(sms);
        assertThat(ids("product:SMS")).containsExactlyInAnyOrderElementsOf(sms);
        assertThat(ids("code:sms")).containsExactlyInAnyOrderElementsOf(sms);
        assertThat(ids("product:\"Microsoft Exchange Server\""))
                .containsExactlyInAnyOrder("Q730105", "Q730106", "Q730107", "Q730108");
        assertThat(ids("product:visualc")).containsExactlyInAnyOrder("Q730109", "Q730110");
    }

    @Test
    void productNameFilterIgnoresCase() {
        assertThat(ids("product:\"microsoft exchange server\""))
                .containsExactlyInAnyOrder("Q730105", "Q730106", "Q730107", "Q730108");
    }

    @Test
    void issueTypeFilterIsCaseInsensitiveAndMatchesEachToken() {
        // Q730112's footer says kbBug; Q730113's says "kbinfo kbprb".
        assertThat(ids("type:kbbug")).containsExactlyInAnyOrder("Q730101", "Q730102", "Q730105", "Q730107", "Q730112");
        assertThat(ids("type:KBBUG")).containsExactlyInAnyOrder("Q730101", "Q730102", "Q730105", "Q730107", "Q730112");
        assertThat(ids("type:kbhowto")).containsExactlyInAnyOrder("Q730103", "Q730106", "Q730110");
        assertThat(ids("type:kbinfo")).containsExactlyInAnyOrder("Q10054", "Q730113");
        assertThat(ids("issue:kbprb")).containsExactlyInAnyOrder("Q730104", "Q730108", "Q730109", "Q730113");
    }

    @Test
    void yearKeywordTechnologyOsAndVersionFilters() {
        assertThat(ids("year:2001")).containsExactlyInAnyOrder("Q730103", "Q730107", "Q730109", "Q730113");
        assertThat(ids("keyword:kbprint")).containsExactlyInAnyOrder("Q10054", "Q730112");
        assertThat(ids("keyword:kbPrinting")).containsExactly("Q730112");
        assertThat(ids("tech:kbSMS200")).containsExactlyInAnyOrder("Q730101", "Q730102", "Q730103", "Q730104");
        assertThat(ids("tech:kbsms200")).containsExactlyInAnyOrder("Q730101", "Q730102", "Q730103", "Q730104");
        assertThat(ids("tech:kbThread")).containsExactly("Q730110");
        assertThat(ids("os:winnt")).containsExactlyInAnyOrder("Q730110", "Q730113");
        assertThat(ids("version:2.0")).containsExactlyInAnyOrder("Q730101", "Q730102", "Q730103", "Q730104");
        assertThat(ids("version:97")).containsExactlyInAnyOrder("Q10054", "Q730112");
    }

    @Test
    void filtersCombineWithEachOtherAndWithWords() {
        assertThat(ids("product:sms year:2002")).containsExactlyInAnyOrder("Q730101", "Q730102");
        assertThat(ids("inventory product:sms type:kbprb")).containsExactly("Q730104");
        assertThat(ids("year:2001 year:2002")).as("two values of one filter: both required").isEmpty();
    }

    @Test
    void wordsPlusAFilterMatchOnlyArticlesWithTheWords() {
        SearchResults r = results("mailbox product:sms");

        assertThat(ids(r)).isEmpty();
        assertThat(r.total()).isZero();
        assertThat(ids("printer year:2002")).isEmpty();
    }

    @Test
    void requestFiltersNarrowLikeTypedOnes() {
        SearchResults r = search.search(new SearchRequest("", Optional.of("exchange"), Optional.of("kbbug"),
                Optional.of(1999), SearchRequest.Sort.RELEVANCE, 1, 10));

        assertThat(ids(r)).containsExactly("Q730105");
        assertThat(r.total()).isEqualTo(1);
    }

    @Test
    void aNegatedFilterLeavesThoseArticlesOut() {
        assertThat(ids("-product:sms")).isNotEmpty()
                .doesNotContain("Q730101", "Q730102", "Q730103", "Q730104");
        assertThat(ids("-type:kbbug")).isNotEmpty()
                .doesNotContain("Q730101", "Q730102", "Q730105", "Q730107", "Q730112");
    }

    // --- order and paging --------------------------------------------------------------------

    @Test
    void anEmptyQueryOrAMinusAloneMatchesEverything() {
        assertThat(withPages("").total()).isEqualTo(14);
        assertThat(withPages("-").total()).isEqualTo(14);
        assertThat(results("").total()).as("articles only").isEqualTo(13);
        assertThat(results("-").total()).as("articles only").isEqualTo(13);
    }

    @Test
    void sortByDateOrdersNewestFirstAndUndatedPagesLast() {
        SearchResults r = search.search(request("", SearchRequest.Sort.DATE, 1, 20).withPages(true));

        assertThat(ids(r)).containsExactly("Q730110", "Q730102", "Q730101", "Q730103", "Q730107", "Q730113",
                "Q730109", "Q730112", "Q730104", "Q730106", "Q730108", "Q730105", "Q10054", "");
        assertThat(r.hits().get(0).lastModified()).isEqualTo("2002-07-30");
        assertThat(r.hits().get(13).lastModified()).isEmpty();
    }

    @Test
    void sortByDateWithWords() {
        assertThat(ids(search.search(request("inventory", SearchRequest.Sort.DATE, 1, 10))))
                .containsExactly("Q730102", "Q730101", "Q730104");
    }

    @Test
    void pageTwoOfSizeTwoHoldsRanksThreeAndFour() {
        String query = "Inventory Agent could not open the history file because another process has locked it";
        SearchResults all = search.search(request(query, SearchRequest.Sort.RELEVANCE, 1, 10));
        SearchResults page2 = search.search(request(query, SearchRequest.Sort.RELEVANCE, 2, 2));

        assertThat(all.hits()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page2.hits()).extracting(SearchHit::rank).containsExactly(3, 4);
        assertThat(ids(page2)).containsExactly(all.hits().get(2).id(), all.hits().get(3).id());
        assertThat(page2.total()).isEqualTo(all.total());
    }

    @Test
    void pagingBySortedDate() {
        SearchResults page2 = search.search(request("product:sms", SearchRequest.Sort.DATE, 2, 2));

        assertThat(ids(page2)).containsExactly("Q730103", "Q730104");
        assertThat(page2.hits()).extracting(SearchHit::rank).containsExactly(3, 4);
        assertThat(page2.total()).isEqualTo(4);
    }

    @Test
    void aPageAfterTheLastIsEmptyButKeepsTheTotal() {
        SearchResults r = search.search(request("product:sms", SearchRequest.Sort.RELEVANCE, 3, 2));

        assertThat(r.hits()).isEmpty();
        assertThat(r.total()).isEqualTo(4);
    }

    @Test
    void aHugePageNumberIsAnEmptyPage() {
        SearchResults r = search.search(request("inventory", SearchRequest.Sort.RELEVANCE, 21_474_837, 100));

        assertThat(r.hits()).isEmpty();
        assertThat(r.total()).isEqualTo(3);
    }

    // --- hits ------------------------------------------------------------------------------

    @Test
    void aHitCarriesTheArticlesDisplayTitleUrlProductAndDate() {
        SearchHit hit = results("Q730113").hits().get(0);

        assertThat(hit.rank()).isEqualTo(1);
        assertThat(hit.kind()).isEqualTo(IndexDocuments.ARTICLE);
        assertThat(hit.id()).isEqualTo("Q730113");
        assertThat(hit.title()).isEqualTo("Q730113: Idle Socket Connections Are Closed After Two Hours");
        assertThat(hit.url()).isEqualTo("/kb/730/Q730113/");
        assertThat(hit.product()).isEqualTo("Microsoft Windows NT Server");
        assertThat(hit.lastModified()).isEqualTo("2001-05-28");
        assertThat(hit.score()).isPositive();
    }

    @Test
    void anOrdinaryPageIsAHitWithoutId() {
        SearchHit page = withPages("narrow").hits().get(0);

        assertThat(page.kind()).isEqualTo(IndexDocuments.PAGE);
        assertThat(page.id()).isEmpty();
        assertThat(page.title()).isEqualTo(FixtureIndex.PAGE_TITLE);
        assertThat(page.url()).isEqualTo(FixtureIndex.PAGE_URL);
        assertThat(page.product()).isEmpty();
        assertThat(page.lastModified()).isEmpty();
    }

    @Test
    void pagesAreLeftOutUnlessAskedFor() {
        assertThat(ids("narrow")).doesNotContain("");
        assertThat(results("").hits()).extracting(SearchHit::id).doesNotContain("");
        assertThat(ids(withPages("narrow"))).contains("");
    }
}
