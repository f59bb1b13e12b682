package kb.liquid;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Liquid engine: any page body renders with no exception, {@code Error} or hang — a
 * broken or unknown tag is a diagnostic. Seeds in {@code LiquidEngineFuzzTestInputs} (those of
 * the earlier hand-written subset, and its findings).
 */
class LiquidEngineFuzzTest {

    private final LiquidEngine engine = new LiquidEngine(new TestSite()
            .include("note.html", "<p>{{ include.text | default: 'note' }}</p>")
            .include("self.html", "{% include self.html %}"));

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void render(byte[] input) {
        engine.render(new String(input, UTF_8), TestSite.variables(), "fuzz.md", 5, new Diagnostics());
    }
}
