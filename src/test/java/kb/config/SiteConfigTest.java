package kb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteConfigTest {

    private static SiteConfig config(String url, String baseurl) {
        return new SiteConfig("T", "", url, baseurl, List.of(), List.of(), "date", Map.of());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(value = {
            "''        | ''",
            "/         | ''",
            "//        | ''",
            "kb        | /kb",
            "kb/       | /kb",
            "/kb       | /kb",
            "/kb/      | /kb",
            "'  /kb/ ' | /kb",
            "a/b/      | /a/b",
    }, delimiter = '|')
    void normalisesTheBaseurl(String written, String normalised) {
        assertThat(config("", written).baseurl()).isEqualTo(normalised);
    }

    @Test
    void nullBaseurlIsEmpty() {
        assertThat(config("", null).baseurl()).isEmpty();
    }

    @Test
    void relativeUrlWithoutBaseurl() {
        SiteConfig c = config("https://example.com", "");

        assertThat(c.relativeUrl("/assets/kb.css")).isEqualTo("/assets/kb.css");
        assertThat(c.relativeUrl("assets/kb.css")).isEqualTo("/assets/kb.css");
        assertThat(c.relativeUrl("")).isEqualTo("/");
        assertThat(c.relativeUrl("/")).isEqualTo("/");
    }

    @Test
    void relativeUrlWithBaseurl() {
        SiteConfig c = config("https://example.com", "/kb");

        assertThat(c.relativeUrl("/assets/kb.css")).isEqualTo("/kb/assets/kb.css");
        assertThat(c.relativeUrl("assets/kb.css")).isEqualTo("/kb/assets/kb.css");
        assertThat(c.relativeUrl("/")).isEqualTo("/kb/");
        assertThat(c.relativeUrl("")).isEqualTo("/kb/");
    }

    @Test
    void relativeUrlPassesAbsoluteUrlsThrough() {
        SiteConfig c = config("https://example.com", "/kb");

        assertThat(c.relativeUrl("https://other.org/x")).isEqualTo("https://other.org/x");
        assertThat(c.relativeUrl("//cdn.example.com/x.js")).isEqualTo("//cdn.example.com/x.js");
        assertThat(c.relativeUrl("mailto:a@b.c")).isEqualTo("mailto:a@b.c");
    }

    @Test
    void absoluteUrlPutsTheSiteUrlInFront() {
        assertThat(config("https://example.com", "/kb").absoluteUrl("/x/")).isEqualTo("https://example.com/kb/x/");
        assertThat(config("https://example.com/", "/kb").absoluteUrl("x")).isEqualTo("https://example.com/kb/x");
        assertThat(config("https://example.com", "").absoluteUrl("/x")).isEqualTo("https://example.com/x");
        assertThat(config("", "").absoluteUrl("/x")).isEqualTo("/x");
    }

    @Test
    void absoluteUrlPassesAbsoluteUrlsThrough() {
        SiteConfig c = config("https://example.com", "/kb");

        assertThat(c.absoluteUrl("http://other.org/")).isEqualTo("http://other.org/");
        assertThat(c.absoluteUrl("//cdn.example.com/x")).isEqualTo("//cdn.example.com/x");
    }

    @Test
    void withBaseurlReplacesTheBaseurlAndItsValue() {
        SiteConfig original = new SiteConfig("T", "D", "https://example.com", "/old",
                List.of("x"), List.of("_y"), "pretty", Map.of("baseurl", "/old", "extra", 1));

        SiteConfig changed = original.withBaseurl("new/");

        assertThat(changed.baseurl()).isEqualTo("/new");
        assertThat(changed.values()).containsOnly(Map.entry("baseurl", "/new"), Map.entry("extra", 1));
        assertThat(changed.title()).isEqualTo("T");
        assertThat(changed.description()).isEqualTo("D");
        assertThat(changed.url()).isEqualTo("https://example.com");
        assertThat(changed.exclude()).containsExactly("x");
        assertThat(changed.include()).containsExactly("_y");
        assertThat(changed.permalink()).isEqualTo("pretty");
        assertThat(changed.relativeUrl("/a")).isEqualTo("/new/a");
        assertThat(original.baseurl()).isEqualTo("/old");
        assertThat(original.values()).containsEntry("baseurl", "/old");
    }

    @Test
    void withBaseurlAddsTheKeyWhenValuesHadNone() {
        SiteConfig changed = SiteConfig.defaults().withBaseurl("/");

        assertThat(changed.baseurl()).isEmpty();
        assertThat(changed.values()).containsOnly(Map.entry("baseurl", ""));
    }

    @Test
    void collectionsAreCopied() {
        List<String> exclude = new ArrayList<>(List.of("a"));
        SiteConfig c = new SiteConfig("", "", "", "", exclude, List.of(), "date", Map.of());

        exclude.add("b");

        assertThat(c.exclude()).containsExactly("a");
        assertThatThrownBy(() -> c.exclude().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
