package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kb.model.Article;
import kb.render.ArticleJson;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looking an article up by ID ({@link SearchService#articleJson}) and {@link RelatedArticles}. */
class ArticleLookupTest {

    @TempDir
    static Path index;

    private static Map<String, Article> articles;
    private static SearchService search;
    private static DirectoryReader reader;

    @BeforeAll
    static void writeIndex() throws IOException {
        articles = FixtureIndex.write(index);
        search = new SearchService(index);
        reader = DirectoryReader.open(FSDirectory.open(index));
    }

    @AfterAll
    static void close() throws IOException {
        search.close();
        reader.close();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- articleJson -----------------------------------------------------------------------

    @Test
    void articleJsonByEachIdForm() {
        String expected = new ArticleJson().toJson(articles.get("Q730105"), id -> Optional.empty());

        for (String form : List.of("Q730105", "q730105", "730105", "KB730105", "kb730105", " Q730105 ")) {
            assertThat(search.articleJson(form)).as(form).contains(expected);
        }
    }

    @Test
    void articleJsonHoldsTheArticlesMetadata() {
        JsonNode json = json(search.articleJson("10054").orElseThrow());

        assertThat(json.get("id").asText()).isEqualTo("Q10054");
        assertThat(json.get("title").asText()).isEqualTo("WD97: Envelope Prints on the Wrong Side When Fed Manually");
        assertThat(json.get("url").asText()).isEqualTo("/kb/010/Q10054/");
        assertThat(json.get("product_codes").get(0).asText()).isEqualTo("word97");
        assertThat(json.get("last_modified").asText()).isEqualTo("1999-04-05");
        assertThat(json.get("issue_type").get(0).asText()).isEqualTo("kbinfo");
    }

    @Test
    void anUnknownIdHasNoArticle() {
        for (String id : List.of("Q999999", "999999", "KB999999", "Q73010", "", "mailbox", "/about/")) {
            assertThat(search.articleJson(id)).as("'%s'", id).isEmpty();
        }
    }

    // --- related articles --------------------------------------------------------------------

    @Test
    void theNearDuplicateComesFirst() {
        RelatedArticles related = new RelatedArticles(reader);

        assertThat(related.to(articles.get("Q730101"), 5)).first()
                .isEqualTo(new RelatedArticles.Related("Q730102",
                        "SMS: Hardware Inventory Resynchronization Runs Twice on Secondary Sites After a Site Reset",
                        "/kb/730/Q730102/"));
        assertThat(related.to(articles.get("Q730102"), 5)).first()
                .extracting(RelatedArticles.Related::id).isEqualTo("Q730101");
    }

    @Test
    void neverItselfNeverAPageAtMostTheLimitNoRepeats() {
        RelatedArticles related = new RelatedArticles(reader);

        for (Article a : articles.values()) {
            for (int limit : List.of(1, 2, 5, 50)) {
                List<RelatedArticles.Related> list = related.to(a, limit);
                assertThat(list).as(a.id() + " limit " + limit).hasSizeLessThanOrEqualTo(limit);
                assertThat(list).extracting(RelatedArticles.Related::id).as(a.id())
                        .doesNotContain(a.id())
                        .allSatisfy(id -> assertThat(articles).containsKey(id));
                Set<String> seen = new HashSet<>();
                assertThat(list).allMatch(r -> seen.add(r.id()), "no article twice");
            }
        }
    }

    @Test
    void aSmallerLimitKeepsTheBestOnes() {
        RelatedArticles related = new RelatedArticles(reader);
        List<RelatedArticles.Related> five = related.to(articles.get("Q730101"), 5);

        assertThat(related.to(articles.get("Q730101"), 1)).containsExactly(five.get(0));
    }
}
