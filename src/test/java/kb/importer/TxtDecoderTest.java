package kb.importer;

import static kb.importer.TxtBytes.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import org.junit.jupiter.api.Test;

class TxtDecoderTest {

    private final TxtDecoder decoder = new TxtDecoder();
    private final Diagnostics diagnostics = new Diagnostics();

    private DecodedText decode(byte[] bytes) {
        return decoder.decode(bytes, "in/Q1.TXT", diagnostics);
    }

    @Test
    void crlfLfAndLoneCrAllEndLines() {
        DecodedText text = decode(crlf("one\ntwo"));
        assertThat(text.lines()).containsExactly("one", "two");

        byte[] mixed = "a\r\nb\nc\rd\r\n\r\ne".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(decode(mixed).lines()).containsExactly("a", "b", "c", "d", "", "e");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void cp1252BytesBecomeTheirUnicodeCharacters() {
        DecodedText text = decode(crlf("It", 0x92, "s ", 0x93, "quoted", 0x94, 0xA0, "caf", 0xE9, " ", 0x96, " ", 0x85));

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.CP1252);
        assertThat(text.lines()).containsExactly("It\u2019s \u201Cquoted\u201D\u00A0caf\u00E9 \u2013 \u2026");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void undefinedCp1252BytesAndControlBytesStayAsTheirControlCharacters() {
        DecodedText text = decode(crlf("a", 0x81, "b", 0x1B, "c", 0x7F, 0x9D));

        assertThat(text.lines()).containsExactly("a\u0081b\u001Bc\u007F\u009D");
    }

    @Test
    void boxDrawingFileIsDecodedAsCp437WithAWarning() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/importer/box/Q900502.TXT"));

        DecodedText text = decoder.decode(bytes, "box/Q900502.TXT", diagnostics);

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.CP437);
        assertThat(text.lines()).contains(
                " ┌──────────┬──────────┐",
                " │ Files    │ Preview  │",
                " ├──────────┼──────────┤",
                " │ ■ a.wdg  │          │",
                " └──────────┴──────────┘",
                " ╔════╗",
                " ║ OK ║",
                " ╚════╝");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).containsExactly(
                "box/Q900502.TXT:11:2: warning: box-drawing characters found: file decoded as CP-437, not CP-1252");
    }

    @Test
    void verticalBarsAndCornersWithoutHorizontalLinesAreBoxDrawingToo() {
        DecodedText text = decode(crlf("x ", 0xDA, "\n", 0xB3, " a ", 0xB3, "\n", 0xB3, " b ", 0xB3, "\n"));

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.CP437);
        assertThat(text.lines()).containsExactly("x ┌", "│ a │", "│ b │");
    }

    @Test
    void latinLettersFromTheBoxRangeAreNotMistakenForBoxDrawing() {
        // Ä, Í, ³, º, Ú, À inside words and numbers: CP-1252 text that happens to use those bytes.
        DecodedText text = decode(crlf(0xC4, "pfel, 10 m", 0xB3, ", 1", 0xBA, " piso\n",
                0xDA, "ltimo ", 0xC0, " la carte, ", 0xCD, "ndice\n", "2", 0xB3, " and 4", 0xBA, "\n"));

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.CP1252);
        assertThat(text.lines().get(0)).isEqualTo("Äpfel, 10 m³, 1º piso");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void trailingDosEofIsDroppedWithAWarning() {
        DecodedText text = decode(crlf("one\ntwo\n", 0x1A));

        assertThat(text.lines()).containsExactly("one", "two");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).containsExactly(
                "in/Q1.TXT:3:1: warning: DOS end-of-file mark (0x1A) at the end of the file dropped");
        assertThat(diagnostics.sorted()).allMatch(d -> d.severity() == Severity.WARNING);
    }

    @Test
    void dosEofInsideTheFileIsKept() {
        DecodedText text = decode(crlf("a", 0x1A, "b\n"));

        assertThat(text.lines()).containsExactly("a\u001Ab");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    /** Issue 17 item 9, the importer's side: a TXT file re-saved as UTF-8 is not read as CP-1252. */
    @Test
    void utf8FileIsDecodedAsUtf8() {
        DecodedText text = decode(("Caf\u00e9 cr\u00e8me \u2013 \u201cna\u00efve\u201d\r\nline 2").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.UTF8);
        assertThat(text.lines()).containsExactly("Caf\u00e9 cr\u00e8me \u2013 \u201cna\u00efve\u201d", "line 2");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void strayByteInUtf8IsReplacedAndReportedAtItsLineAndColumn() {
        byte[] utf8 = "Caf\u00e9\rna\u00efve \u2013 ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(utf8, utf8.length + 3);
        bytes[utf8.length] = (byte) 0xE9; // CP-1252 é in a UTF-8 file
        bytes[utf8.length + 1] = 'x';
        bytes[utf8.length + 2] = 0x1A;

        DecodedText text = decode(bytes);

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.UTF8);
        assertThat(text.lines()).containsExactly("Caf\u00e9", "na\u00efve \u2013 \uFFFDx");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).containsExactly(
                "in/Q1.TXT:2:9: warning: invalid UTF-8 (byte 0xE9) replaced by U+FFFD",
                "in/Q1.TXT:2:11: warning: DOS end-of-file mark (0x1A) at the end of the file dropped");
    }

    @Test
    void cp1252FileWithOneAccidentalUtf8SequenceStaysCp1252() {
        // "Ã©" (C3 A9) reads as é in UTF-8, but the file's other accented bytes are not UTF-8.
        DecodedText text = decode(crlf("Ren", 0xE9, " ", 0xC3, 0xA9, " d", 0xE9, "j", 0xE0, " vu"));

        assertThat(text.encoding()).isEqualTo(DecodedText.Encoding.CP1252);
        assertThat(text.lines()).containsExactly("Ren\u00e9 \u00c3\u00a9 d\u00e9j\u00e0 vu");
    }
}
