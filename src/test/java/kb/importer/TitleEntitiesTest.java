package kb.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleEntitiesTest {

    @Test
    void writesTheArchiveEntities() {
        assertThat(TitleEntities.escape("A & B | C <D> \"E\" $F *G [H] \\I __J__"))
                .isEqualTo("A &amp; B &#124; C &lt;D&gt; &quot;E&quot; &#36;F &#42;G &#91;H&#93; &#92;I &#95;&#95;J&#95;&#95;");
    }

    @Test
    void splitsLiquidBracesAndDefusesTags() {
        assertThat(TitleEntities.escape("{{x}} {{{y}}} {%raw%}")).isEqualTo("{ {x} } { { {y} } } &#123;%raw%}");
    }

    @Test
    void singleUnderscoresAndOtherCharactersStay() {
        assertThat(TitleEntities.escape("my_var: 50% #1 ’quoted’ café ___x"))
                .isEqualTo("my_var: 50% #1 ’quoted’ café &#95;&#95;_x");
    }

    @Test
    void controlCharactersUseTheArchiveNotationThenEntities() {
        assertThat(TitleEntities.escape("Shows a \"\u007F\"")).isEqualTo("Shows a &quot;&lt;7F&gt;&quot;");
    }
}
