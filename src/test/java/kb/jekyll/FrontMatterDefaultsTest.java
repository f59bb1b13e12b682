package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class FrontMatterDefaultsTest {

    private static FrontMatterDefaults defaults(List<Map<String, Object>> entries) {
        return FrontMatterDefaults.from(Map.of("defaults", entries), kb.diag.SourcePosition.of("_config.yml"), new Diagnostics());
    }

    private static Map<String, Object> entry(String path, String type, Map<String, Object> values) {
        Map<String, Object> scope = new java.util.LinkedHashMap<>();
        scope.put("path", path);
        if (type != null) {
            scope.put("type", type);
        }
        return Map.of("scope", scope, "values", values);
    }

    @Test
    void theLongestPathThenATypeWinsAndTheOwnFrontMatterWinsOverAll() {
        FrontMatterDefaults d = defaults(List.of(
                entry("", null, Map.of("layout", "default", "section", "General")),
                entry("", "guides", Map.of("layout", "guide", "section", "Guides")),
                entry("troubleshooting", null, Map.of("section", "Troubleshooting", "show_contact", true)),
                entry("account", "pages", Map.of("section", "Account"))));
        assertThat(d.apply("about.md", "pages", Map.of("title", "About")))
                .containsEntry("layout", "default").containsEntry("section", "General").containsEntry("title", "About");
        assertThat(d.apply("_guides/offline-mode.md", "guides", Map.of()))
                .containsEntry("layout", "guide").containsEntry("section", "Guides");
        assertThat(d.apply("troubleshooting/proxy.md", "pages", Map.of("section", "Own")))
                .containsEntry("section", "Own").containsEntry("show_contact", true).containsEntry("layout", "default");
        assertThat(d.apply("account/plans.md", "pages", Map.of())).containsEntry("section", "Account");
        assertThat(d.apply("account/plans.md", "guides", Map.of())).containsEntry("section", "Guides");
    }

    @Test
    void aGlobScopeAndNestedMapsMergeKeyByKey() {
        FrontMatterDefaults d = defaults(List.of(
                entry("docs/*/intro.md", null, Map.of("sidebar", Map.of("nav", "docs", "open", true))),
                entry("", null, Map.of("sidebar", Map.of("nav", "main")))));
        assertThat(d.apply("docs/v1/intro.md", "pages", Map.of("sidebar", Map.of("open", false))))
                .containsEntry("sidebar", Map.of("nav", "docs", "open", false));
        assertThat(d.apply("docs/v1/other.md", "pages", Map.of())).containsEntry("sidebar", Map.of("nav", "main"));
    }

    @Test
    void aMalformedEntryIsReportedAndLeftOut() {
        Diagnostics diagnostics = new Diagnostics();
        FrontMatterDefaults d = FrontMatterDefaults.from(Map.of("defaults", List.of("layout: x",
                entry("", null, Map.of("layout", "page")))), new kb.diag.SourcePosition("site/_config.yml", 4, 1), diagnostics);
        assertThat(d.apply("a.md", "pages", Map.of())).containsEntry("layout", "page");
        assertThat(diagnostics.sorted()).singleElement().hasToString(
                "site/_config.yml:4:1: warning: defaults entry 1 has no 'values' map; it is left out");
    }
}
