package kb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void namesBecomeLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.of("Microsoft Programmer's Library 1.3: C")).isEqualTo("microsoft-programmer-s-library-1-3-c");
        assertThat(Slugs.of("  Word 97 for Windows ")).isEqualTo("word-97-for-windows");
        assertThat(Slugs.of("Visual C++ 6.0")).isEqualTo("visual-c-plus-plus-6-0");
        assertThat(Slugs.of("Café Été")).isEqualTo("cafe-ete");
        assertThat(Slugs.of("!!!")).isEmpty();
    }
}
