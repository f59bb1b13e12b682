package kb.importer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes front matter values that any YAML reader (SnakeYAML Engine, Jekyll's Psych) reads back
 * as exactly the intended string. Stateless and thread-safe.
 */
public final class YamlScalars {

    /** Words that are safe unquoted: a letter first, then letters, digits and {@code _ . - /}. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*");
    /** Plain words YAML 1.1 or 1.2 would read as booleans or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on",
            "off", "y", "n");

    private YamlScalars() {
    }

    /** {@code value} as a double-quoted YAML scalar, escaping what must be escaped. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                case '\uFEFF' -> out.append("\\uFEFF");
                default -> {
                    if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                        out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code value} unquoted when that is safe (a plain word such as {@code kbsms200}), else quoted. */
    public static String word(String value) {
        return PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))
                ? value : quoted(value);
    }

    /** A flow list of words: {@code [kbsms200, kbfaq]}. */
    public static String flowList(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(word(values.get(i)));
        }
        return out.append(']').toString();
    }
}
