package kb.extract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kb.diag.Diagnostics;
import kb.render.ArticleBodyRenderer;
import kb.render.InlineText;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the KB article extractor: any article text (and any page body holding one) is extracted,
 * and the article's body rendered as its page shows it, with no exception, {@code Error} or hang.
 * Seeds in {@code ArticleExtractorFuzzTestInputs}.
 */
class ArticleExtractorFuzzTest {

    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticleBodyRenderer body = new ArticleBodyRenderer(new InlineText(id -> id.endsWith("1") ? Optional.of("/kb/" + id + "/") : Optional.empty()));

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void extractAndRender(byte[] input) {
        String text = new String(input, UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        // The text as a page body ({% raw %} block) and as the article text itself.
        ArticleLocator.locate(text).ifPresent(located -> extract(located.articleText(), 8, diagnostics));
        extract(text, 1, diagnostics);
    }

    private void extract(String text, int firstLine, Diagnostics diagnostics) {
        extractor.extract(new ArticleSource("fuzz.md", firstLine, "Q1: Fuzzed &amp; Title", text,
                Map.of(), "/kb/1/Q1/", List.of("sms")), diagnostics)
                .ifPresent(extraction -> body.render(extraction.article()));
    }
}
