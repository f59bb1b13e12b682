package kb.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {

    private final SourceDecoder decoder = new SourceDecoder();
    private final Diagnostics diagnostics = new Diagnostics();

    /** Text as UTF-8, with each Integer argument written as that raw byte. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private String decode(byte[] bytes) {
        return decoder.decode(bytes, "a.md", diagnostics);
    }

    private java.util.List<String> reported() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void wellFormedUtf8IsDecodedWithoutDiagnostics() {
        assertThat(decode(bytes("---\ntitle: Café – “x”\n---\nnaïve 𝄞\n"))).isEqualTo("---\ntitle: Café – “x”\n---\nnaïve 𝄞\n");
        assertThat(reported()).isEmpty();
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertThat(decode(bytes(0xEF, 0xBB, 0xBF, "Café"))).isEqualTo("Café");
        assertThat(reported()).isEmpty();
    }

    /** Issue 17 item 9: one stray byte garbled every other character of the file. */
    @Test
    void oneStrayByteInUtf8IsReplacedAndReportedAtItsLineAndColumn() {
        String text = decode(bytes("---\ntitle: Café\n---\nCafé au lait: 3 €, ", 0xFF, " naïve\n"));

        assertThat(text).isEqualTo("---\ntitle: Café\n---\nCafé au lait: 3 €, \uFFFD naïve\n");
        assertThat(reported()).containsExactly("a.md:4:20: warning: invalid UTF-8 (byte 0xFF) replaced by U+FFFD");
    }

    @Test
    void eachIllFormedSequenceIsOneReplacementAsBrowsersDecodeIt() {
        byte[] in = bytes("é ", 0xE2, 0x82, " x ", 0xC0, 0xAF, " ", 0xED, 0xA0, 0x80, " ", 0xF4, 0x90, 0x80, 0x80,
                " éééééééééé\n", 0xE2, 0x82);
        String text = decode(in);

        // Unicode's maximal subparts, as in the WHATWG Encoding Standard (the JDK makes one
        // replacement of an encoded surrogate, ED A0 80, where browsers make three).
        assertThat(text).isEqualTo("é \uFFFD x \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD éééééééééé\n\uFFFD");
        assertThat(reported()).containsExactly(
                "a.md:1:3: warning: invalid UTF-8 (bytes 0xE2 0x82) replaced by U+FFFD",
                "a.md:1:7: warning: invalid UTF-8 (byte 0xC0) replaced by U+FFFD",
                "a.md:1:8: warning: invalid UTF-8 (byte 0xAF) replaced by U+FFFD",
                "a.md:1:10: warning: invalid UTF-8 (byte 0xED) replaced by U+FFFD",
                "a.md:1:11: warning: invalid UTF-8 (byte 0xA0) replaced by U+FFFD",
                "a.md:1:12: warning: invalid UTF-8 (byte 0x80) replaced by U+FFFD",
                "a.md:1:14: warning: invalid UTF-8 (byte 0xF4) replaced by U+FFFD",
                "a.md:1:15: warning: invalid UTF-8 (byte 0x90) replaced by U+FFFD",
                "a.md:1:16: warning: invalid UTF-8 (byte 0x80) replaced by U+FFFD",
                "a.md:1:17: warning: invalid UTF-8 (byte 0x80) replaced by U+FFFD",
                "a.md:2:1: warning: 1 more invalid UTF-8 sequences from here on, each replaced by U+FFFD");
    }

    @Test
    void columnsCountCharactersNotBytes() {
        decode(bytes("日本語𝄞", 0x80, "\r\nx", 0x80));

        assertThat(reported()).containsExactly(
                "a.md:1:5: warning: invalid UTF-8 (byte 0x80) replaced by U+FFFD",
                "a.md:2:2: warning: invalid UTF-8 (byte 0x80) replaced by U+FFFD");
    }

    @Test
    void windows1252FileIsReadAsWindows1252WithOneWarning() {
        String text = decode(bytes("---\ntitle: Caf", 0xE9, "\n---\nIt", 0x92, "s ", 0x93, "na", 0xEF, "ve", 0x94, 0x81, "\n"));

        // 0x81, undefined in Windows-1252, stays visible as U+0081 (as Windows reads it), not U+FFFD.
        assertThat(text).isEqualTo("---\ntitle: Café\n---\nIt’s “naïve”\u0081\n");
        assertThat(reported()).containsExactly("a.md:2:11: warning: not UTF-8 (6 of 6 non-ASCII bytes are not UTF-8, "
                + "the first 0xE9): file read as Windows-1252");
    }

    /** Both sides of "not UTF-8 at all": more ill-formed non-ASCII bytes than well-formed ones. */
    @Test
    void aFileIsWindows1252OnlyWhenMostOfItsNonAsciiBytesAreNotUtf8() {
        // é (2 well-formed bytes) and two stray bytes: as many bad as good, still UTF-8.
        assertThat(decode(bytes("é", 0xFF, 0xFE))).isEqualTo("é\uFFFD\uFFFD");
        assertThat(diagnostics.sorted()).allMatch(d -> d.message().startsWith("invalid UTF-8"));

        // One more bad byte: the file is taken for Windows-1252 ("Ã©" is what it then shows).
        Diagnostics other = new Diagnostics();
        assertThat(decoder.decode(bytes("é", 0xFF, 0xFE, 0xE9), "b.md", other)).isEqualTo("Ã©ÿþé");
        assertThat(other.sorted()).singleElement().extracting(Diagnostic::message).asString()
                .startsWith("not UTF-8 (3 of 5 non-ASCII bytes");

        // An ASCII file with one high byte has nothing to garble: Windows-1252 reads it best.
        Diagnostics third = new Diagnostics();
        assertThat(decoder.decode(bytes("na", 0xEF, "ve"), "c.md", third)).isEqualTo("naïve");
        assertThat(third.sorted()).extracting(Diagnostic::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void aByteOrderMarkMeansUtf8WhateverFollows() {
        assertThat(decode(bytes(0xEF, 0xBB, 0xBF, "Caf", 0xE9))).isEqualTo("Caf\uFFFD");
        assertThat(reported()).containsExactly("a.md:1:4: warning: invalid UTF-8 (byte 0xE9) replaced by U+FFFD");
    }

    @Test
    void scanCountsBytesOfWellFormedAndIllFormedSequences() {
        byte[] in = bytes("a é € 𝄞 ", 0xFF, 0xE2, 0x82, "z");
        Utf8Scan scan = Utf8Scan.of(in, 0, in.length);

        assertThat(scan).isEqualTo(new Utf8Scan(2 + 3 + 4, 3, 2, in.length - 4));
        assertThat(scan.mostlyUtf8()).isTrue();
        assertThat(scan.wellFormed()).isFalse();
    }
}
