package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import kb.model.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The converter's {@code <XX>} escapes (FORMAT.md section 9). */
class ByteEscapesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
            "Caf<E9> => Caf\u00e9",
            "10<A0>MB => 10\u00a0MB",
            "<B7> Item => \u00b7 Item",
            "<A7> 3 <B6> 4 => \u00a7 3 \u00b6 4",
            "Widget<AE> <A9> 2001 => Widget\u00ae \u00a9 2001",
            "M<FC>ller <E1> => M\u00fcller \u00e1",
            "<93>quoted<94> => \u201cquoted\u201d",
    })
    void highBytesAreDecodedAsWindows1252(String escaped, String decoded) {
        assertThat(ByteEscapes.decode(escaped)).isEqualTo(decoded);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "ESC is <1B> in the printer manual",
            "a NUL byte <00> ends the string",
            "DEL <7F> is not printable",
            "space <20> and <1C>",
            "undefined in Windows-1252: <81> <8D> <8F> <90> <9D>",
            "lower case <e9> and three digits <E9A> and <G1>",
            "no escapes at all",
    })
    void lowAndUndefinedValuesAndOtherSpellingsStayLiteral(String text) {
        assertThat(ByteEscapes.decode(text)).isEqualTo(text);
    }

    @Test
    void escapesAreDecodedInTheBodyButLowOnesKept() {
        Block block = ArticleTexts.onlyBlock("""
                The Contoso R<E9>seau<A0>Edition resets the printer with <1B>E, ends each
                record with <00> and pads the file with <7F> characters up to the next block.
                """);

        assertThat(block).isEqualTo(new Block.Paragraph("The Contoso R\u00e9seau\u00a0Edition resets the printer "
                + "with <1B>E, ends each record with <00> and pads the file with <7F> characters up to the next block."));
    }
}
