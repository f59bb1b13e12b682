package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.model.Article;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Related articles on the search fixture: only those really like the article, however few. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedArticlesTest {

    private DirectoryReader reader;
    private RelatedArticles related;
    private Map<String, Article> articles;

    @BeforeAll
    void index(@TempDir Path dir) throws IOException {
        articles = FixtureIndex.write(dir);
        reader = DirectoryReader.open(FSDirectory.open(dir));
        related = new RelatedArticles(reader);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
    }

    private List<String> ids(String id) {
        return related.to(articles.get(id), 5).stream().map(RelatedArticles.Related::id).toList();
    }

    private static RelatedArticles.Candidate candidate(String id, float score, float self) {
        return new RelatedArticles.Candidate(new RelatedArticles.Related(id, id, "/" + id + "/"), score, self);
    }

    @Test
    void theNearDuplicateComesFirstAndOtherProductsDoNotPadTheList() {
        List<String> ids = ids("Q730101");

        assertThat(ids).first().isEqualTo("Q730102");
        assertThat(ids).allMatch(id -> articles.get(id).productCodes().contains("sms"));
        assertThat(related.candidates(articles.get("Q730101"), 5)).hasSizeGreaterThan(ids.size());
    }

    @Test
    void noArticleIsRelatedToItselfAndEveryKeptCandidatePassesTheCut() {
        for (Article a : articles.values()) {
            List<RelatedArticles.Candidate> candidates = related.candidates(a, 5);
            assertThat(candidates).extracting(c -> c.related().id()).doesNotContain(a.id());
            assertThat(candidates).allMatch(c -> c.self() >= c.score(), "its own score is the highest");
            assertThat(related.to(a, 5)).hasSizeLessThanOrEqualTo(candidates.size());
        }
    }

    @Test
    void candidatesBelowTheShareOfTheArticlesOwnScoreAreCut() {
        List<RelatedArticles.Candidate> kept = RelatedArticles.kept(List.of(candidate("A", 8, 10),
                candidate("B", 3, 10), candidate("C", 2.9f, 10), candidate("D", 1, 10)));

        assertThat(kept).extracting(c -> c.related().id()).containsExactly("A", "B");
    }

    @Test
    void aListMayBeEmpty() {
        assertThat(RelatedArticles.kept(List.of(candidate("A", 2, 10), candidate("B", 1, 10)))).isEmpty();
        assertThat(RelatedArticles.kept(List.of())).isEmpty();
    }

    @Test
    void withoutAnOwnScoreTheBestCandidateIsTheMeasure() {
        List<RelatedArticles.Candidate> kept = RelatedArticles.kept(List.of(candidate("A", 10, 0),
                candidate("B", 4, 0), candidate("C", 2, 0)));

        assertThat(kept).extracting(c -> c.related().id()).containsExactly("A", "B");
    }
}
