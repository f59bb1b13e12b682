package kb.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class YamlScalarsTest {

    private static Object readBack(String yamlValue) {
        Map<?, ?> map = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString("k: " + yamlValue + "\n");
        return map.get("k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "He said \"Hi\": #1", "C:\\DOS\\", "a: b # c", "- x", "[x]",
        "{y}", "'single'", "café ’x’ — ü", "tab\there", "\u007F\u001B\u0085 controls", "\u2028\u2029\uFEFF",
        "null", "true", "2.0", "0x1F", "~", "  spaced  ", "%TEMP%", "&anchor *alias", "@at `tick`"})
    void quotedReadsBackAsTheSameString(String value) {
        assertThat(readBack(YamlScalars.quoted(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kbsms200", "sms", "mspl13_c", "a.b-c/d", "yes", "No", "NULL", "y", "2.0",
        "123", "a,b", "#tag", "x: y", "", "kb\"q", "ON"})
    void wordReadsBackAsTheSameString(String value) {
        assertThat(readBack(YamlScalars.word(value))).isEqualTo(value);
    }

    @Test
    void simpleWordsStayUnquoted() {
        assertThat(YamlScalars.word("kbsms200")).isEqualTo("kbsms200");
        assertThat(YamlScalars.word("yes")).isEqualTo("\"yes\"");
        assertThat(YamlScalars.word("2.0")).isEqualTo("\"2.0\"");
    }

    @Test
    void flowListReadsBackAsTheSameStrings() {
        List<String> words = List.of("kbsms200", "yes", "a,b", "[x]", "2.0", "q\"uote");

        assertThat(YamlScalars.flowList(words)).startsWith("[kbsms200, \"yes\", ");
        assertThat(readBack(YamlScalars.flowList(words))).isEqualTo(words);
        assertThat(readBack(YamlScalars.flowList(List.of()))).isEqualTo(List.of());
    }
}
