package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Page titles as the archive writes them (FORMAT.md section 1). */
class TitleTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
            "Use of the %0&#92;..&#92; Syntax => Use of the %0\\..\\ Syntax",
            "Copy &amp;amp; Paste => Copy &amp; Paste",
            "A &amp; B &#124; C &lt;D&gt; &quot;E&quot; &#36;F &#42;G &#91;H&#93; &#95;&#95;I&#95;&#95; "
                    + "=> A & B | C <D> \"E\" $F *G [H] __I__",
            "Initializer { {0} } => Initializer {{0}}",
            "Caf<E9> => Caf\u00e9",
            "'  Padded  ' => Padded",
            "Plain Title => Plain Title",
    })
    void decodesEntitiesOnceAndJoinsSplitBraces(String written, String shown) {
        assertThat(TitleText.decode(written)).isEqualTo(shown);
    }
}
