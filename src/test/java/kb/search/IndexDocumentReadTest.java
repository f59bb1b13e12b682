package kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kb.model.Article;
import kb.render.ArticleJson;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What kb publishes to a cluster is read back from its own index: every value, as indexed. */
class IndexDocumentReadTest {

    @TempDir
    Path index;

    @Test
    void readsBackEveryValueOfEveryArticleAndPage() throws IOException {
        Map<String, Article> articles = FixtureIndex.write(index);
        ArticleJson json = new ArticleJson();
        Map<String, IndexDocument> expected = new HashMap<>();
        for (Article a : articles.values()) {
            expected.put(a.permalink(), IndexDocuments.values(a, a.permalink(), json.toJson(a, id -> Optional.empty()),
                    a.text()));
        }
        expected.put(FixtureIndex.PAGE_URL, IndexDocument.page(FixtureIndex.PAGE_URL, FixtureIndex.PAGE_TITLE,
                FixtureIndex.PAGE_TEXT));

        Map<String, IndexDocument> read = StoredDocuments.byUrl(index);

        assertThat(read).isEqualTo(expected);
        IndexDocument q730113 = read.get(articles.get("Q730113").permalink());
        assertThat(q730113.issueTypes()).containsExactly("kbinfo", "kbprb");
        assertThat(q730113.operatingSystems()).isNotEmpty();
        assertThat(q730113.sections()).isNotBlank();
        assertThat(read.get(FixtureIndex.PAGE_URL).isArticle()).isFalse();
    }

    @Test
    void refusesADocumentThatKbDidNotWrite() {
        assertThatThrownBy(() -> IndexDocuments.read(new Document()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not written by this kb");
    }
}
