package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.TestSites;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The {@code jekyll-full} fixture, which uses every Liquid construct Jekyll sites use: every file
 * parses without a warning, and a page whose output is Liquid alone renders byte for byte as
 * jekyll 4.3.1 rendered it ({@code bench/jekyll-reference.sh}; the expected text is that page's
 * content cut from the reference output).
 */
class JekyllFullFixtureTest {

    private static final Path SITE = TestSites.fixture("jekyll-full");
    private final Load yaml = new Load(LoadSettings.builder().build());

    @Test
    void everyFileParsesCleanly() throws IOException {
        LiquidEngine engine = new LiquidEngine(new TestSite());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SITE)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(md|html|json)")).toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            Compiled compiled = engine.compile(SITE.relativize(file).toString(), Files.readString(file), 1);
            assertThat(compiled.error()).as(file.toString()).isEmpty();
            assertThat(compiled.warnings()).as(file.toString()).isEmpty();
        }
    }

    @Test
    void billingPageRendersAsJekyll() throws IOException {
        String source = Files.readString(SITE.resolve("account/billing.html"));
        int end = source.indexOf("\n---\n", 4);
        Map<String, Object> page = new LinkedHashMap<>(map(yaml.loadFromString(source.substring(4, end + 1))));
        page.put("path", "account/billing.html");
        Map<String, Object> data = Map.of("plans", yaml.loadFromString(Files.readString(SITE.resolve("_data/plans.yml"))));
        Map<String, Object> variables = new HashMap<>();
        variables.put("page", page);
        variables.put("site", Map.of("data", data, "baseurl", "/help"));
        int bodyLine = (int) source.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;
        Diagnostics diagnostics = new Diagnostics();
        String output = new LiquidEngine(new TestSite())
                .render(source.substring(end + 5), variables, "account/billing.html", bodyLine, diagnostics).orElseThrow();
        assertThat(diagnostics.reported()).isEmpty();
        assertThat(output).isEqualTo(Files.readString(Path.of("src/test/resources/kb/liquid/billing.jekyll.html")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
