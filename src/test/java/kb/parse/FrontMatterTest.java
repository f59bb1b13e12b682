package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterTest {

    private static FrontMatter of(String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        return new FrontMatter(values);
    }

    @Test
    void layoutAsWritten() {
        assertThat(of("layout", "page").layout()).contains("page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "null", "", "  "})
    void layoutNoneNullOrBlankMeansNoLayout(String layout) {
        assertThat(of("layout", layout).layout()).isEmpty();
    }

    @Test
    void layoutYamlNullOrMissingMeansNoLayout() {
        assertThat(of("layout", null).layout()).isEmpty();
        assertThat(new FrontMatter(Map.of()).layout()).isEmpty();
    }

    @Test
    void layoutOfAListOrMapIsIgnored() {
        assertThat(of("layout", List.of("a")).layout()).isEmpty();
        assertThat(of("layout", Map.of("a", "b")).layout()).isEmpty();
    }

    @Test
    void titleOfANumberIsItsText() {
        assertThat(of("title", 1984).title()).contains("1984");
    }

    @Test
    void blankPermalinkIsNone() {
        assertThat(of("permalink", " ").permalink()).isEmpty();
        assertThat(of("permalink", "/a/").permalink()).contains("/a/");
    }

    @Test
    void publishedIsFalseOnlyForBooleanFalse() {
        assertThat(of("published", false).published()).isFalse();
        assertThat(of("published", true).published()).isTrue();
        assertThat(of("published", "false").published()).isTrue();
        assertThat(of("published", null).published()).isTrue();
        assertThat(new FrontMatter(Map.of()).published()).isTrue();
    }

    @Test
    void renderWithLiquidIsFalseOnlyForBooleanFalse() {
        assertThat(of("render_with_liquid", false).renderWithLiquid()).isFalse();
        assertThat(of("render_with_liquid", true).renderWithLiquid()).isTrue();
        assertThat(new FrontMatter(Map.of()).renderWithLiquid()).isTrue();
    }

    @Test
    void valuesKeepSourceOrderAndAreACopy() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", 1);
        values.put("a", 2);
        FrontMatter fm = new FrontMatter(values);

        values.put("b", 3);

        assertThat(fm.values()).containsExactly(Map.entry("z", 1), Map.entry("a", 2));
        assertThatThrownBy(() -> fm.values().put("c", 4)).isInstanceOf(UnsupportedOperationException.class);
    }
}
