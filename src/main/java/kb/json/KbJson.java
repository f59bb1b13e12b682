package kb.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kb's one JSON serializer: every JSON that leaves kb is written here, so that all of it follows
 * the same rules, and reading uses the same configuration.
 *
 * <p>The rules are Jackson's defaults, named here so that a change is a change of this class:
 * compact output ({@link #writePretty} indents with Jackson's default printer: two spaces,
 * {@code "key" : value}); text as UTF-8 characters, only what JSON requires escaped; map entries
 * in the map's order (kb passes {@link java.util.LinkedHashMap}s where order is part of a shape);
 * record components in declaration order; {@code null} values written, not left out.
 *
 * <p>Holds no state but one mapper, configured once and never changed, and the immutable readers
 * and writers made from it: thread-safe. The mapper itself is not handed out, so no caller can
 * change the configuration for the others.
 */
public final class KbJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectReader READER = MAPPER.reader();

    private KbJson() {
    }

    /**
     * {@code value} (maps, lists, records, strings, numbers, booleans, {@code null}, trees) as
     * compact JSON text.
     *
     * @throws IllegalStateException when Jackson cannot write the value: a bug of the caller
     */
    public static String write(Object value) {
        return write(COMPACT, value);
    }

    /** {@link #write}, indented for people (what the commands print with {@code --json}). */
    public static String writePretty(Object value) {
        return write(PRETTY, value);
    }

    /**
     * {@link #write}, safe to place inside an HTML {@code <script>} element: {@code </} and
     * {@code <!--}, which would end or confuse the element, are written with JSON escapes
     * ({@code <\/}, {@code <\u0021--}) that mean the same characters to a JSON reader.
     */
    public static String writeForScript(Object value) {
        return write(value).replace("</", "<\\/").replace("<!--", "<\\u0021--");
    }

    /**
     * The JSON text {@code json} as a tree.
     *
     * @throws JsonProcessingException when it is not JSON; its message says where
     */
    public static JsonNode read(String json) throws JsonProcessingException {
        return READER.readTree(json);
    }

    /** A reader with kb's configuration, for data binding ({@code reader().forType(...)}). */
    public static ObjectReader reader() {
        return READER;
    }

    /**
     * {@code value} as JSON would carry it, bound to {@code type}: what a reader of
     * {@code write(value)} gets, without the text (numbers, lists and {@code null}s then compare
     * alike with what was read from JSON).
     *
     * @throws IllegalArgumentException when the value does not fit the type
     */
    public static <T> T convert(Object value, TypeReference<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** A new, empty JSON object to fill and then {@link #write}. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON", e);
        }
    }
}
