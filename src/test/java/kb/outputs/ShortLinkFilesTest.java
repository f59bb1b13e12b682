package kb.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;

class ShortLinkFilesTest {

    private final Catalog catalog = new Catalog(List.of(new CatalogEntry("Q319864", "t", "/kb/319/Q319864/",
            List.of(), List.of(), List.of(), "", "", List.of())));

    @Test
    void anArticleHasFourShortForms() {
        assertThat(ShortLinkFiles.forms("Q319864")).containsExactly("/kb/319864", "/kb/Q319864", "/Q319864", "/KB319864");
    }

    @Test
    void redirectsMoveEveryFormToThePageWithTheBaseUrl() {
        String redirects = new ShortLinkFiles(catalog, SiteConfig.defaults().withBaseurl("/kb-archive")).redirects();
        assertThat(redirects.lines().filter(l -> !l.startsWith("#"))).containsExactly(
                "/kb-archive/kb/319864 /kb-archive/kb/319/Q319864/ 301",
                "/kb-archive/kb/Q319864 /kb-archive/kb/319/Q319864/ 301",
                "/kb-archive/Q319864 /kb-archive/kb/319/Q319864/ 301",
                "/kb-archive/KB319864 /kb-archive/kb/319/Q319864/ 301");
    }

    @Test
    void theNginxMapsTakeAnyCaseToTheArticleNumberAndTheNumberToThePage() {
        String nginx = new ShortLinkFiles(catalog, SiteConfig.defaults().withBaseurl("/kb.x")).nginx();
        assertThat(nginx).contains("\"~*^/kb\\.x/(?:kb/(?:q|kb)?|q|kb)0*([1-9][0-9]*)/?$\" $1;")
                .contains("    319864 /kb.x/kb/319/Q319864/;")
                .contains("if ($kb_article) { return 301 $kb_article; }");
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^/kb\\.x/(?:kb/(?:q|kb)?|q|kb)0*([1-9][0-9]*)/?$",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        for (String path : List.of("/kb.x/kb/319864", "/kb.x/KB/q319864/", "/kb.x/Q319864", "/kb.x/kb319864")) {
            java.util.regex.Matcher m = p.matcher(path);
            assertThat(m.matches()).as(path).isTrue();
            assertThat(m.group(1)).isEqualTo("319864");
        }
    }
}
