package kb.parse;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kb.html.BaseUrlLinks;
import kb.html.ContentPostProcessor;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Markdown stage as a build runs it: Markdown to HTML, then the content
 * post-processing (base URL links, text and link extraction), with no exception, {@code Error}
 * (a {@code StackOverflowError} on deep nesting) or hang. Seeds in
 * {@code MarkdownStageFuzzTestInputs}.
 */
class MarkdownStageFuzzTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ContentPostProcessor post = new ContentPostProcessor(List.of(new BaseUrlLinks("/kb")));

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void renderAndPostProcess(byte[] input) {
        post.process(markdown.render(new String(input, UTF_8)));
    }
}
