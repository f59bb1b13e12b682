package kb.parse;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Liquid subset: any page body renders with no exception, {@code Error} or hang — an
 * unknown or broken tag is a diagnostic. Seeds in {@code LiquidRendererFuzzTestInputs}.
 */
class LiquidRendererFuzzTest {

    private final LiquidRenderer liquid = new LiquidRenderer();
    private final LiquidContext context = context();

    private static LiquidContext context() {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", "Fuzz KB");
        site.put("a", Map.of("b", "nested value", "list", List.of(1, 2)));
        site.put("empty", "");
        SiteConfig config = new SiteConfig("Fuzz KB", "", "https://example.com", "/kb",
                List.of(), List.of(), "date", site);
        Map<String, Object> page = new HashMap<>();
        page.put("url", "/kb/1/Q1/");
        page.put("title", "Q1: Title");
        page.put("tags", List.of("x", "y"));
        page.put("nothing", null);
        return new LiquidContext(config.values(), page, config);
    }

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void render(byte[] input) {
        liquid.render(new String(input, UTF_8), context, "fuzz.md", 5, new Diagnostics());
    }
}
