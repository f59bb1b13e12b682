package kb.liquid;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Ruby's {@code to_json} as Jekyll's {@code jsonify} writes it: compact, non-ASCII kept, control
 * characters as lower-case {@code \u001f} escapes, floats as Ruby prints them. Jackson writes and
 * escapes; this class only walks Liquid's values (lists, maps, Ruby-formatted numbers and times).
 */
final class Json {

    /** Ruby's JSON generator writes hex escapes in lower case. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private Json() {
    }

    static String of(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value, int depth) throws IOException {
        if (depth > 100) {
            throw new RenderFailure("jsonify: the value nests more than 100 deep");
        }
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger) {
            json.writeNumber(value.toString());
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            // Ruby's form (1.0, 1.0e+20), which is also valid JSON; NaN and infinities have none
            if (Double.isFinite(((Number) value).doubleValue())) {
                json.writeNumber(Values.string(value));
            } else {
                json.writeNull();
            }
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(Values.string(entry.getKey()));
                write(json, entry.getValue(), depth + 1);
            }
            json.writeEndObject();
        } else if (Values.list(value) != null) {
            json.writeStartArray();
            for (Object item : Values.list(value)) {
                write(json, item, depth + 1);
            }
            json.writeEndArray();
        } else {
            json.writeString(Values.string(value));
        }
    }
}
