package kb.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes source decoding: any bytes decode without an exception; well-formed UTF-8 comes out as
 * the JDK decodes it, without diagnostics; otherwise every diagnostic points at a line and column
 * that holds a U+FFFD of the text (or, for a Windows-1252 file, there is exactly one). Seeds in
 * {@code SourceDecoderFuzzTestInputs}.
 */
class SourceDecoderFuzzTest {

    private final SourceDecoder decoder = new SourceDecoder();

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void decode(byte[] input) {
        Diagnostics diagnostics = new Diagnostics();
        String text = decoder.decode(input, "fuzz.md", diagnostics);
        boolean bom = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
                && (input[2] & 0xFF) == 0xBF;
        int from = bom ? 3 : 0;
        Utf8Scan scan = Utf8Scan.of(input, from, input.length);
        List<Diagnostic> reported = diagnostics.sorted();
        if (scan.wellFormed()) {
            assertThat(text).isEqualTo(new String(input, from, input.length - from, StandardCharsets.UTF_8));
            assertThat(reported).isEmpty();
        } else if (bom || scan.mostlyUtf8()) {
            assertThat(reported).hasSize(Math.min(scan.invalidSequences(), Utf8Decoder.REPORTED)
                    + (scan.invalidSequences() > Utf8Decoder.REPORTED ? 1 : 0));
            List<String> lines = List.of(text.split("\n", -1));
            for (Diagnostic d : reported.subList(0, Math.min(reported.size(), Utf8Decoder.REPORTED))) {
                String line = lines.get(d.at().line() - 1);
                int index = line.offsetByCodePoints(0, d.at().column() - 1);
                assertThat(line.charAt(index)).as("%s in %s", d, line).isEqualTo('\uFFFD');
            }
        } else {
            assertThat(reported).singleElement().extracting(Diagnostic::message).asString().startsWith("not UTF-8");
            assertThat(text).hasSize(input.length);
        }
    }
}
