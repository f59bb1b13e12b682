package kb.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of kb's JSON, pinned: other outputs (golden pages, the API) rely on them. */
class KbJsonTest {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    record Point(int x, String label) {
    }

    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Arrays.asList("é", null));
        m.put("none", null);
        m.put("point", new Point(2, "p"));
        return m;
    }

    @Test
    void writesCompactlyInMapOrderWithNullsAndUnescapedText() {
        assertThat(KbJson.write(sample()))
                .isEqualTo("{\"b\":1,\"a\":[\"é\",null],\"none\":null,\"point\":{\"x\":2,\"label\":\"p\"}}");
    }

    @Test
    void writesPrettyWithJacksonsDefaultPrinter() {
        assertThat(KbJson.writePretty(Map.of("a", List.of(1))))
                .isEqualTo("{\n  \"a\" : [ 1 ]\n}");
    }

    @Test
    void writesForAScriptElementWithoutEndingIt() {
        String json = KbJson.writeForScript(Map.of("t", "</script><!-- x"));
        assertThat(json).isEqualTo("{\"t\":\"<\\/script><\\u0021-- x\"}");
        assertThat(read(json).get("t").asText()).isEqualTo("</script><!-- x");
    }

    @Test
    void readsTreesAndSaysWhereTextIsNotJson() {
        assertThat(read("{\"a\": [1, 2]}").get("a").get(1).asInt()).isEqualTo(2);
        assertThatThrownBy(() -> KbJson.read("{\"a\": }")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("line: 1, column: 7");
    }

    @Test
    void convertsAsAReaderOfTheTextWouldSee() {
        Map<String, Object> converted = KbJson.convert(sample(), MAP);
        assertThat(converted).isEqualTo(readMap(KbJson.write(sample())))
                .containsEntry("point", Map.of("x", 2, "label", "p"));
    }

    @Test
    void writingWhatJacksonCannotWriteIsABug() {
        assertThatThrownBy(() -> KbJson.write(new Object())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void objectsAreFreshAndWritable() {
        var o = KbJson.object().put("api", "/api/");
        assertThat(KbJson.write(o)).isEqualTo("{\"api\":\"/api/\"}");
        assertThat(KbJson.object().isEmpty()).isTrue();
    }

    private static JsonNode read(String json) {
        try {
            return KbJson.read(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> readMap(String json) {
        try {
            return KbJson.reader().forType(MAP).readValue(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
