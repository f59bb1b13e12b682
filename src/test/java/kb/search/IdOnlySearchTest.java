package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search that is only an article ID goes to the article ({@link SearchResults#redirect()}). */
class IdOnlySearchTest {

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

    @Test
    void eachFormOfAnIdNamesTheArticle() {
        for (String query : List.of("Q730105", "q730105", "730105", "KB730105", "kb730105", "kb/730105", "KB/Q730105",
                "/kb/730105/", " Q730105 ", "Q0730105")) {
            SearchResults r = search.search(SearchRequest.of(query, 10));
            assertThat(r.redirect()).as(query).isEqualTo("/kb/730/Q730105/");
            assertThat(r.hits()).as(query).first().extracting(SearchHit::id).isEqualTo("Q730105");
            assertThat(r.suggestion()).as(query).isNull();
        }
    }

    @Test
    void anIdOfNoArticleOrMoreThanAnIdDoesNotRedirect() {
        for (String query : List.of("Q999999", "Q730105 outlook", "error 10054", "2001", "kb", "Q", "\"Q730105\"")) {
            assertThat(search.search(SearchRequest.of(query, 10)).redirect()).as(query).isNull();
        }
    }

    @Test
    void aFilteredSearchOrAnotherPageDoesNotRedirect() {
        SearchRequest filtered = new SearchRequest("Q730105", Optional.of("exchange"), Optional.empty(), Optional.empty(),
                SearchRequest.Sort.RELEVANCE, 1, 10);
        SearchRequest page2 = new SearchRequest("Q730105", Optional.empty(), Optional.empty(), Optional.empty(),
                SearchRequest.Sort.RELEVANCE, 2, 10);

        assertThat(search.search(filtered).redirect()).isNull();
        assertThat(search.search(page2).redirect()).isNull();
    }

    @Test
    void theQueryFormsRecognised() {
        assertThat(ArticleIdQuery.number("Q319864")).contains("319864");
        assertThat(ArticleIdQuery.number("kb/319864")).contains("319864");
        assertThat(ArticleIdQuery.number("10054")).contains("10054");
        assertThat(ArticleIdQuery.number("Q12")).contains("12");
        assertThat(ArticleIdQuery.number("123")).as("a short bare number is not an ID").isEmpty();
        assertThat(ArticleIdQuery.number("Q319864 Q319865")).isEmpty();
        assertThat(ArticleIdQuery.number("x319864")).isEmpty();
    }

    @Test
    void theArticleUrlByAnyIdForm() {
        assertThat(search.articleUrl("Q10054")).contains("/kb/010/Q10054/");
        assertThat(search.articleUrl("kb10054")).contains("/kb/010/Q10054/");
        assertThat(search.articleUrl("Q10055")).isEmpty();
        assertThat(search.articleUrl("about")).isEmpty();
    }
}
