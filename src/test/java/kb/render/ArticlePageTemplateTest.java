package kb.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.extract.ArticleTexts;
import kb.model.Article;
import kb.verify.Words;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The article view ({@code templates/article.ftlh} through {@code page.ftlh}) rendered with the
 * variables the build passes, with and without the optional ones, read back with jsoup.
 */
class ArticlePageTemplateTest {

    private static final Path Q900620 = Path.of("content/kb/900/Q900620/README.md");
    private static final Path Q319864 = Path.of("content/kb/319/Q319864/README.md");

    private final SiteConfig config = SiteConfig.defaults().withBaseurl("/base");
    private final LayoutRenderer layouts = new LayoutRenderer(new Theme(List.of(Path.of("templates"))), config);
    private final ArticleBodyRenderer body = new ArticleBodyRenderer(new InlineText(id -> Optional.empty()));

    private static Article article(Path page, String code) {
        return ArticleTexts.extractPage(page, List.of(code), new Diagnostics()).article();
    }

    /** The variables every article page has; {@code extra} adds the optional ones. */
    private Document render(Article article, Map<String, Object> extra) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("url", article.permalink());
        page.put("title", article.displayTitle());
        page.put("article", article);
        page.put("article_json", new ArticleJson().toJson(article, id -> Optional.empty()));
        page.put("title_id", "title");
        page.put("product_links", Map.of());
        page.put("related", List.of());
        page.putAll(extra);
        Diagnostics diagnostics = new Diagnostics();
        String html = layouts.renderComplete(Optional.of("page"), Map.of("title", "KB"), page, body.render(article),
                SourcePosition.of("test.md"), diagnostics).orElseThrow();
        assertThat(diagnostics.sorted()).isEmpty();
        return Jsoup.parse(html);
    }

    private static Map<String, String> link(String id, String title, String url) {
        return Map.of("id", id, "title", title, "url", url);
    }

    @Test
    void withoutTheOptionalVariablesThePageHasNoBreadcrumbsBacklinksOrNeighbours() {
        Document doc = render(article(Q319864, "sms"), Map.of());

        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.select("nav[aria-label=Breadcrumb], .kb-backlinks, .kb-prevnext, .kb-related")).isEmpty();
        assertThat(doc.select(".kb-toc")).as("two sections: no contents").isEmpty();
        assertThat(doc.select(".kb-facts li").eachText()).containsExactly(
                "Products: Microsoft Systems Management Server", "Version 2.0", "Updated 13 May 2002", "Kind: kbinfo");
        assertThat(doc.selectFirst(".kb-facts time").attr("datetime")).isEqualTo("2002-05-13");
    }

    @Test
    void breadcrumbsRunFromHomeToTheProductAndEndAtTheArticle() {
        Document doc = render(article(Q319864, "sms"), Map.of("breadcrumbs", List.of(
                Map.of("title", "Home", "url", "/base/"),
                Map.of("title", "Systems Management Server", "url", "/base/browse/product/sms/"))));

        Element nav = doc.selectFirst("nav[aria-label=Breadcrumb]");
        assertThat(nav.select("ol > li").eachText()).containsExactly("Home", "Systems Management Server", "Q319864");
        assertThat(nav.select("a").eachAttr("href")).containsExactly("/base/", "/base/browse/product/sms/");
        assertThat(nav.select("[aria-current=page]").text()).isEqualTo("Q319864");
    }

    @Test
    void threeOrMoreSectionsGetContentsLinkingTheirHeadings() {
        Document doc = render(article(Q900620, "msdos"), Map.of());

        List<String> targets = doc.select(".kb-toc a").eachAttr("href");
        assertThat(doc.select(".kb-toc a").eachText()).containsExactly("1. OVERVIEW", "2. DEFINING THE MENU",
                "3. BRANCHING IN AUTOEXEC.BAT", "4. TESTING", "4.1 Stepping Through CONFIG.SYS");
        for (String target : targets) {
            assertThat(target).startsWith("#");
            assertThat(doc.getElementById(target.substring(1))).as(target).isNotNull();
        }
        assertThat(doc.select(".kb-toc li.kb-toc-sub").eachText()).containsExactly("4.1 Stepping Through CONFIG.SYS");
    }

    @Test
    void factsLinkProductsAndKindsAndCodesAreFoldedAndLinkedToTheSearch() {
        Document doc = render(article(Q900620, "msdos"), Map.of(
                "product_listings", Map.of("Microsoft Disk Operating System", "/base/browse/product/msdos/"),
                "kinds", List.of(Map.of("code", "kbhowto", "name", "How-to"))));

        assertThat(doc.select(".kb-facts a").eachAttr("href"))
                .containsExactly("/base/browse/product/msdos/", "/base/search/?type=kbhowto");
        assertThat(doc.select(".kb-facts").text()).contains("How-to", "Updated 9 November 1998");
        Element details = doc.selectFirst("details.kb-details");
        assertThat(details.hasAttr("open")).isFalse();
        assertThat(details.select(".kb-field-technology a").eachAttr("href")).contains(
                "/base/search/?q=kbMSDOSSearch", "/base/search/?q=kbMSDOS622");
        assertThat(details.select(".kb-field-issue_type a").eachAttr("href")).containsExactly("/base/search/?type=kbhowto");
        assertThat(details.select(".kb-field-additional_query_words a").eachText()).contains("multiconfig", "menudefault");
        // The codes come after the body: the first screen holds the title and the facts.
        assertThat(doc.select("h1, .kb-facts, .kb-body, details").eachAttr("class"))
                .containsExactly("kb-facts", "kb-body", "kb-details");
        assertThat(doc.select("h1, .kb-facts").first().tagName()).isEqualTo("h1");
    }

    @Test
    void everyHeaderAndFooterValueIsOnThePage() {
        for (Path page : ArticleTexts.contentPages()) {
            Article a = article(page, "x");
            // As kb verify reads it: the words of each value, in order, in the text a person sees.
            Document doc = render(a, Map.of());
            doc.getElementById("kb-article").remove();
            String text = String.join(" ", Words.of(doc.body().text()));
            List<String> values = new java.util.ArrayList<>(List.of(a.id(), a.versions().raw(), a.lastModified(),
                    a.headerKeywords()));
            values.addAll(a.products());
            a.fields().forEach(f -> values.add(f.value()));
            for (String value : values) {
                assertThat(text).as(page + ": " + value).contains(String.join(" ", Words.of(value)));
            }
        }
    }

    @Test
    void backlinksRelatedAndNeighboursAreLinked() {
        Document doc = render(article(Q319864, "sms"), Map.of(
                "backlinks", List.of(link("Q900102", "SMS: How to Force Full Inventory Resynchronization", "/base/kb/900/Q900102/")),
                "related", List.of(link("Q900101", "SMS: Hardware Inventory Omits Custom MOF Classes", "/base/kb/900/Q900101/")),
                "previous", link("Q319000", "Earlier", "/base/kb/319/Q319000/"),
                "next", link("Q320000", "Later", "/base/kb/320/Q320000/")));

        assertThat(doc.select(".kb-backlinks h2").text()).isEqualTo("Referenced by");
        assertThat(doc.select(".kb-backlinks a").eachAttr("href")).containsExactly("/base/kb/900/Q900102/");
        assertThat(doc.select(".kb-related a").eachAttr("href")).containsExactly("/base/kb/900/Q900101/");
        assertThat(doc.select(".kb-prevnext a[rel=prev]").attr("href")).isEqualTo("/base/kb/319/Q319000/");
        assertThat(doc.select(".kb-prevnext a[rel=next]").attr("href")).isEqualTo("/base/kb/320/Q320000/");
        assertThat(doc.select("nav.kb-prevnext").attr("aria-label")).isNotBlank();
    }

    @Test
    void copyLinkButtonIsHiddenUntilTheScriptShowsIt() {
        Document doc = render(article(Q319864, "sms"), Map.of());

        Element button = doc.selectFirst("button.kb-copy");
        assertThat(button.hasAttr("hidden")).isTrue();
        assertThat(button.text()).isEqualTo("Copy link");
        assertThat(doc.select(".kb-copy-status[role=status]")).hasSize(1);
        assertThat(doc.select("script[src=/base/assets/kb.js]")).hasSize(1);
    }
}
