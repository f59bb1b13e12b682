package kb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();
    private final Diagnostics diagnostics = new Diagnostics();

    @TempDir
    Path source;

    @Test
    void readsTheKeysKbActsOn() throws IOException {
        Files.writeString(source.resolve("_config.yml"), """
                title: "kb Sample KnowledgeBase"
                description: Support articles
                url: "http://localhost:4000"
                baseurl: "kb/"
                exclude: ["drafts", "*.tmp"]
                include: [_pages, .htaccess]
                permalink: pretty
                support_email: support@example.com
                """);

        SiteConfig config = loader.load(source, diagnostics);

        assertThat(config.title()).isEqualTo("kb Sample KnowledgeBase");
        assertThat(config.description()).isEqualTo("Support articles");
        assertThat(config.url()).isEqualTo("http://localhost:4000");
        assertThat(config.baseurl()).isEqualTo("/kb");
        assertThat(config.exclude()).containsExactly("drafts", "*.tmp");
        assertThat(config.include()).containsExactly("_pages", ".htaccess");
        assertThat(config.permalink()).isEqualTo("pretty");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void knowsTheLineOfEveryTopLevelKey() throws IOException {
        Files.writeString(source.resolve("_config.yml"), """
                # a comment: with a colon
                title: T
                defaults:
                  - scope:
                      path: ""
                    values: {layout: page}
                "quoted": 1
                collections:
                  guides: {output: true}
                """);

        SiteConfig config = loader.load(source, diagnostics);

        String file = Display.of(source.resolve("_config.yml"));
        assertThat(config.at("title", file)).isEqualTo(new SourcePosition(file, 2, 1));
        assertThat(config.at("defaults", file)).isEqualTo(new SourcePosition(file, 3, 1));
        assertThat(config.at("collections", file)).isEqualTo(new SourcePosition(file, 8, 1));
        assertThat(config.at("scope", file)).as("not a top-level key").isEqualTo(SourcePosition.of(file));
        assertThat(config.at("quoted", file)).as("quoted keys are not located").isEqualTo(SourcePosition.of(file));
    }

    @Test
    void keepsEveryKeyInValuesIncludingUnknownOnes() throws IOException {
        Files.writeString(source.resolve("_config.yml"), """
                title: T
                support_email: support@example.com
                social:
                  twitter: kb
                empty:
                """);

        SiteConfig config = loader.load(source, diagnostics);

        assertThat(config.values()).containsOnly(
                Map.entry("title", "T"),
                Map.entry("support_email", "support@example.com"),
                Map.entry("social", Map.of("twitter", "kb")));
    }

    @Test
    void readsConfigYamlWhenThereIsNoConfigYml() throws IOException {
        Files.writeString(source.resolve("_config.yaml"), "title: From yaml\n");

        assertThat(loader.load(source, diagnostics).title()).isEqualTo("From yaml");
    }

    @Test
    void prefersConfigYmlOverConfigYaml() throws IOException {
        Files.writeString(source.resolve("_config.yml"), "title: From yml\n");
        Files.writeString(source.resolve("_config.yaml"), "title: From yaml\n");

        assertThat(loader.load(source, diagnostics).title()).isEqualTo("From yml");
    }

    @Test
    void missingConfigGivesTheDefaults() {
        SiteConfig config = loader.load(source, diagnostics);

        assertThat(config).isEqualTo(SiteConfig.defaults());
        assertThat(config.title()).isEmpty();
        assertThat(config.baseurl()).isEmpty();
        assertThat(config.exclude()).isEmpty();
        assertThat(config.include()).isEmpty();
        assertThat(config.permalink()).isEqualTo("date");
        assertThat(config.values()).isEmpty();
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void invalidConfigReportsAnErrorAndGivesTheDefaults() throws IOException {
        Path file = source.resolve("_config.yml");
        Files.writeString(file, """
                title: ok
                bad: x: y
                """);

        SiteConfig config = loader.load(source, diagnostics);

        assertThat(config).isEqualTo(SiteConfig.defaults());
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(
                new SourcePosition(Display.of(file), 2, 7),
                "invalid YAML: mapping values are not allowed here"));
    }

    @Test
    void singleStringExcludeBecomesAOneElementList() {
        SiteConfig config = loader.fromValues(Map.of("exclude", "drafts"), "_config.yml", diagnostics);

        assertThat(config.exclude()).containsExactly("drafts");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void nullItemsOfListsAreDropped() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("include", java.util.Arrays.asList("_pages", null, 3));

        SiteConfig config = loader.fromValues(values, "_config.yml", diagnostics);

        assertThat(config.include()).containsExactly("_pages", "3");
    }

    @Test
    void aTitleOfTheWrongTypeIsWarnedAboutAndAKeyThatDecidesWhatIsPublishedIsAnError() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", List.of("a", "b"));
        values.put("exclude", 5);
        values.put("baseurl", List.of("/x"));

        SiteConfig config = loader.fromValues(values, "_config.yml", diagnostics);

        assertThat(config.title()).isEmpty();
        assertThat(config.exclude()).isEmpty();
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).containsExactlyInAnyOrder(
                "_config.yml:1:1: warning: 'title' should be a single value; ignored",
                "_config.yml:1:1: error: 'exclude' must be a list of names",
                "_config.yml:1:1: error: 'baseurl' must be a single value");
    }

    /** Before: a warning, and drafts/ was published with the defaults (issue 17, like a broken file). */
    @Test
    void aConfigurationWithAnExcludeOfTheWrongTypeIsNotUsed(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("_config.yml");
        Files.writeString(file, "title: KB\nbaseurl: /kb\nexclude:\n  drafts: true\n");

        assertThat(loader.read(tmp, diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString)
                .singleElement().asString().endsWith("_config.yml:3:1: error: 'exclude' must be a list of names");
    }

    @Test
    void nonStringScalarsAreTurnedIntoText() {
        SiteConfig config = loader.fromValues(Map.of("title", 2024, "permalink", true),
                "_config.yml", diagnostics);

        assertThat(config.title()).isEqualTo("2024");
        assertThat(config.permalink()).isEqualTo("true");
    }
}
