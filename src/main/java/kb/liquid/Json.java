package kb.liquid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/** Ruby's {@code to_json} as Jekyll's {@code jsonify} writes it: compact, non-ASCII kept, floats as Ruby prints them. */
final class Json {

    private Json() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (depth > 100) {
            throw new RenderFailure("jsonify: the value nests more than 100 deep");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? Values.string(value) : "null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, Values.string(entry.getKey()));
                out.append(':');
                append(out, entry.getValue(), depth + 1);
            }
            out.append('}');
        } else if (Values.list(value) != null) {
            out.append('[');
            boolean first = true;
            for (Object item : Values.list(value)) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item, depth + 1);
            }
            out.append(']');
        } else {
            string(out, Values.string(value));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
