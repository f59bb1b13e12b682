package kb.parse;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the front matter: any page text is split and its YAML parsed, and every accessor the
 * build uses is read, with no exception, {@code Error} or hang — bad input is a diagnostic.
 * {@code mvn verify} runs the seeds in {@code FrontMatterParserFuzzTestInputs} and a few seconds of
 * fuzzing; docs/fuzzing.md says how to fuzz longer.
 */
class FrontMatterParserFuzzTest {

    private final FrontMatterParser parser = new FrontMatterParser();

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void splitAndParse(byte[] input) {
        String text = new String(input, UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        FrontMatterParser.hasFrontMatter(text);
        parser.split(text, "fuzz.md", diagnostics)
                .flatMap(split -> parser.parse(split, "fuzz.md", diagnostics))
                .ifPresent(fm -> {
                    fm.layout();
                    fm.title();
                    fm.permalink();
                    fm.published();
                    fm.renderWithLiquid();
                });
    }
}
