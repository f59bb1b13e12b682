package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SiteModelTest {

    private final DocumentUrls urls = new DocumentUrls("date", ZoneOffset.UTC);
    private final Collection guides = new Collection("guides", true, Optional.of("/guides/:name/"));
    private final Collection posts = new Collection("posts", true, Optional.empty());
    private final ZonedDateTime time = ZonedDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private final AtomicInteger rendered = new AtomicInteger();

    private JekyllPage page(String path, String url, Map<String, Object> frontMatter) {
        return new JekyllPage(path, url, frontMatter, Optional.empty(), url.endsWith("/") || url.endsWith(".html"));
    }

    private JekyllPage doc(Collection c, String path, String inside, Map<String, Object> frontMatter) {
        Document d = urls.document(c, inside, "", frontMatter);
        return new JekyllPage(path, urls.url(d, frontMatter, ".html"), frontMatter, Optional.of(d), true);
    }

    private SiteModel model() {
        Collections collections = Collections.from(Map.of("collections", Map.of("guides", Map.of("output", true,
                "permalink", "/guides/:name/"))), kb.diag.SourcePosition.of("_config.yml"), new kb.diag.Diagnostics());
        return new SiteModel(Map.of("title", "Help"), List.of(
                page("account/plans.md", "/account/plans.html", Map.of("title", "Plans")),
                page("about.md", "/about.html", Map.of("title", "About")),
                page("search.json", "/search.json", Map.of()),
                doc(guides, "_guides/offline-mode.md", "offline-mode.md", Map.of("title", "Offline mode")),
                doc(posts, "_posts/2023-11-02-five-released.md", "2023-11-02-five-released.md", Map.of()),
                doc(posts, "_posts/2024-03-08-maintenance.md", "2024-03-08-maintenance.md", Map.of("tags", "ops"))),
                collections, Map.of("plans", List.of()), time, new SiteModel.ContentRenderer() {
                    @Override
                    public String content(JekyllPage page) {
                        rendered.incrementAndGet();
                        return "<p>" + page.relativePath() + "</p>\n";
                    }

                    @Override
                    public String excerpt(JekyllPage page, String separator) {
                        return "<p>first of " + page.name() + "</p>\n";
                    }
                });
    }

    @Test
    void pagesGetJekyllsVariablesAndDocumentsTheirs() {
        SiteModel model = model();
        assertThat(model.page("account/plans.md").orElseThrow()).containsEntry("url", "/account/plans.html")
                .containsEntry("path", "account/plans.md").containsEntry("name", "plans.md").containsEntry("dir", "/account/")
                .doesNotContainKey("id").doesNotContainKey("collection");
        assertThat(model.page("_guides/offline-mode.md").orElseThrow()).containsEntry("id", "/guides/offline-mode")
                .containsEntry("collection", "guides").containsEntry("path", "_guides/offline-mode.md")
                .containsEntry("slug", "offline-mode").containsEntry("ext", ".md").containsEntry("date", time);
        Map<String, Object> post = model.page("_posts/2024-03-08-maintenance.md").orElseThrow();
        assertThat(post).containsEntry("title", "Maintenance").containsEntry("url", "/2024/03/08/maintenance.html")
                .containsEntry("tags", List.of("ops")).containsEntry("excerpt", "<p>first of 2024-03-08-maintenance.md</p>\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void siteListsAreOrderedAsJekyllOrdersThemAndShareThePagesMaps() {
        SiteModel model = model();
        Map<String, Object> site = model.site();
        List<Map<String, Object>> pages = (List<Map<String, Object>>) site.get("pages");
        assertThat(pages).extracting(p -> p.get("name")).containsExactly("about.md", "plans.md", "search.json");
        assertThat(pages.get(1)).isSameAs(model.page("account/plans.md").orElseThrow());
        assertThat((List<Map<String, Object>>) site.get("html_pages")).hasSize(2);
        assertThat((List<Map<String, Object>>) site.get("posts")).extracting(p -> p.get("slug"))
                .containsExactly("maintenance", "five-released");
        assertThat((List<Map<String, Object>>) site.get("collections")).extracting(c -> c.get("label"))
                .containsExactly("guides", "posts");
        assertThat((Map<String, Object>) site.get("tags")).containsOnlyKeys("ops");
        assertThat(site).containsEntry("title", "Help").containsEntry("time", time).containsEntry("data", Map.of("plans", List.of()));
    }

    @Test
    void ownValuesWinOrLoseAsInJekyll() {
        // As jekyll 4.3.1 shows them (a scratch site): a page's url, name and dir are Jekyll's, its
        // path its own; a document's url, id and path are Jekyll's, its name and slug its own.
        SiteModel model = new SiteModel(Map.of(), List.of(
                page("pg.html", "/pg.html", Map.of("name", "Custom", "dir", "/x/", "url", "/own/", "path", "p")),
                doc(guides, "_guides/bob.md", "bob.md", Map.of("name", "Bob", "slug", "s1", "id", "i"))),
                Collections.postsOnly(), Map.of(), time, null);
        assertThat(model.page("pg.html").orElseThrow()).containsEntry("name", "pg.html").containsEntry("dir", "/")
                .containsEntry("url", "/pg.html").containsEntry("path", "p");
        assertThat(model.page("_guides/bob.md").orElseThrow()).containsEntry("name", "Bob").containsEntry("slug", "s1")
                .containsEntry("id", "/guides/s1").containsEntry("path", "_guides/bob.md");
    }

    @Test
    void contentIsRenderedWhenFirstReadAndOnlyOnce() {
        SiteModel model = model();
        assertThat(rendered).hasValue(0);
        Map<String, Object> guide = model.page("_guides/offline-mode.md").orElseThrow();
        assertThat(guide.get("content")).isEqualTo("<p>_guides/offline-mode.md</p>\n");
        assertThat(guide.get("content")).isEqualTo("<p>_guides/offline-mode.md</p>\n");
        assertThat(rendered).hasValue(1);
    }
}
