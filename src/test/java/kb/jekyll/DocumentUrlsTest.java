package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** URLs as Jekyll 4.3.1 gave them to the fixture site src/test/resources/sites/jekyll-full. */
class DocumentUrlsTest {

    private final DocumentUrls urls = new DocumentUrls("date", ZoneOffset.UTC);
    private final Collection guides = new Collection("guides", true, Optional.of("/guides/:name/"));
    private final Collection posts = new Collection("posts", true, Optional.empty());

    private String url(Collection c, String path, String above, Map<String, Object> frontMatter) {
        return urls.url(urls.document(c, path, above, frontMatter), frontMatter, ".html");
    }

    @Test
    void aCollectionsPermalinkAndItsDefault() {
        assertThat(url(guides, "offline-mode.md", "", Map.of())).isEqualTo("/guides/offline-mode/");
        assertThat(url(new Collection("recipes", true, Optional.empty()), "bread/Sour Dough.md", "", Map.of()))
                .isEqualTo("/recipes/bread/Sour Dough.html");
        assertThat(new DocumentUrls("pretty", ZoneOffset.UTC).url(new DocumentUrls("pretty", ZoneOffset.UTC)
                .document(new Collection("recipes", true, Optional.empty()), "bread.md", "", Map.of()), Map.of(), ".html"))
                .isEqualTo("/recipes/bread/");
    }

    @Test
    void postsTakeTheirDateAndSlugFromTheFileNameAndTheirOwnDateWins() {
        assertThat(url(posts, "2023-11-02-acme-sync-5-0-released.md", "", Map.of()))
                .isEqualTo("/2023/11/02/acme-sync-5-0-released.html");
        assertThat(url(posts, "2024-01-15-new-data-centre-in-frankfurt.md", "",
                Map.of("date", "2024-01-15 09:30:00 +0100", "permalink", "/news/:year/:month/:title/")))
                .isEqualTo("/news/2024/01/new-data-centre-in-frankfurt/");
        assertThat(url(posts, "2024-03-08-scheduled-maintenance.md", "", Map.of("date", "2024-12-31 23:30:00 -0100")))
                .isEqualTo("/2025/01/01/scheduled-maintenance.html");
    }

    @Test
    void foldersAboveAndFrontMatterCategoriesComeFirst() {
        assertThat(url(posts, "2024-01-15-x.md", "Releases/", Map.of("categories", "desktop mobile")))
                .isEqualTo("/releases/desktop/mobile/2024/01/15/x.html");
    }
}
