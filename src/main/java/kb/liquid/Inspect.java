package kb.liquid;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Ruby's {@code inspect} (Ruby 3.1): {@code {"a"=>1, "b"=>[nil, 2.5]}}. */
final class Inspect {

    private Inspect() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (depth > 100) {
            out.append("[...]");
            return;
        }
        if (value == null) {
            out.append("nil");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                append(out, entry.getKey(), depth + 1);
                out.append("=>");
                append(out, entry.getValue(), depth + 1);
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof List<?> || value instanceof Object[]) {
            List<?> list = value instanceof Object[] array ? List.of(array) : (List<?>) value;
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                append(out, list.get(i), depth + 1);
            }
            out.append(']');
        } else if (value instanceof LocalDate date) {
            // Ruby's Date#inspect: the Julian day number, no time, the Gregorian reform's day
            out.append("#<Date: ").append(date).append(" ((").append(date.toEpochDay() + 2_440_588)
                    .append("j,0s,0n),+0s,2299161j)>");
        } else {
            out.append(Values.string(value));
        }
    }

    /** A Ruby double-quoted string literal, as {@code String#inspect} writes it. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '\u000b' -> out.append("\\v");
                case '\u0007' -> out.append("\\a");
                case '\u001b' -> out.append("\\e");
                case '\b' -> out.append("\\b");
                case '#' -> {
                    char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                    out.append(next == '{' || next == '$' || next == '@' ? "\\#" : "#");
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
