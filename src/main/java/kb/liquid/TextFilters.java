package kb.liquid;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Jekyll's text filters ({@code markdownify} through the site, {@code smartify},
 * {@code slugify} with its modes, {@code xml_escape}, {@code cgi_escape}, {@code uri_escape},
 * {@code normalize_whitespace}, {@code number_of_words}, {@code jsonify}, {@code inspect},
 * {@code to_integer}) and Liquid 5.4's {@code default} (with {@code allow_false}).
 */
final class TextFilters {

    private static final String CJK = "\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}\\p{IsHangul}";
    private static final Pattern CJK_CHAR = Pattern.compile("[" + CJK + "]");
    private static final Pattern NON_CJK_WORD = Pattern.compile("[^" + CJK + " \\t\\r\\n\\f\\u000b]+");
    private static final Pattern RUBY_SPACE = Pattern.compile("[ \\t\\r\\n\\f\\u000b\\x00]+");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*[+-]?\\d[\\d_]*");
    private TextFilters() {
    }

    static List<Filter> all(LiquidSite site) {
        return List.of(
                filter("markdownify", (value, params) -> site.markdownify(Values.string(value))),
                filter("smartify", (value, params) -> SmartyPants.convert(Values.string(value))),
                filter("slugify", (value, params) -> value == null ? null
                        : Slugify.slugify(Values.string(value), params.length > 0 ? Values.string(params[0]) : null, false)),
                // Ruby Liquid's escape is CGI.escapeHTML, which also escapes the apostrophe (Liqp's does not).
                filter("escape", (value, params) -> value == null ? null : htmlEscape(Values.string(value))),
                filter("h", (value, params) -> value == null ? null : htmlEscape(Values.string(value))),
                filter("escape_once", (value, params) -> escapeOnce(Values.string(value))),
                filter("xml_escape", (value, params) -> xmlEscape(Values.string(value))),
                filter("cgi_escape", (value, params) -> cgiEscape(Values.string(value))),
                filter("uri_escape", (value, params) -> Urls.normalize(Values.string(value))),
                filter("normalize_whitespace", (value, params) -> RUBY_SPACE.matcher(Values.string(value))
                        .replaceAll(" ").strip()),
                filter("number_of_words", (value, params) -> (long) words(Values.string(value),
                        params.length > 0 ? Values.string(params[0]) : "")),
                filter("jsonify", (value, params) -> Json.of(value)),
                filter("inspect", (value, params) -> xmlEscape(Inspect.of(value))),
                filter("to_integer", (value, params) -> toInteger(value)),
                filter("default", TextFilters::fallback),
                filter("split", (value, params) -> split(Values.string(value), params.length > 0
                        ? Values.string(params[0]) : " ")));
    }

    /** A filter from a function of the value and the parameters. */
    interface Function {
        Object apply(Object value, Object[] params);
    }

    static Filter filter(String name, Function function) {
        return new Filter(name) {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return function.apply(value, params == null ? new Object[0] : params);
            }
        };
    }

    private static Object fallback(Object value, Object[] params) {
        Object fallback = params.length > 0 ? params[0] : "";
        boolean allowFalse = false;
        for (Object param : params) {
            if (param instanceof Map<?, ?> options && Values.truthy(options.get("allow_false"))) {
                allowFalse = true;
            }
        }
        boolean missing = allowFalse ? value == null : !Values.truthy(value);
        boolean empty = value instanceof CharSequence s && s.isEmpty()
                || Values.list(value) != null && Values.list(value).isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
        return missing || empty ? fallback : value;
    }

    /** Ruby's {@code String#split} with a string: {@code " "} splits at runs of blanks, trailing empty parts go. */
    static List<String> split(String text, String separator) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (separator.equals(" ")) {
            String stripped = RUBY_SPACE.matcher(text).replaceAll(" ").strip();
            return stripped.isEmpty() ? List.of() : List.of(stripped.split(" "));
        }
        if (separator.isEmpty()) {
            return text.codePoints().mapToObj(Character::toString).toList();
        }
        return List.of(text.split(Pattern.quote(separator)));
    }


    /** Ruby's {@code CGI.escapeHTML}. */
    static String htmlEscape(String text) {
        return xmlEscape(text).replace("'", "&#39;");
    }

    private static final Pattern ESCAPE_ONCE = Pattern.compile("[\"><']|&(?!([a-zA-Z]+|(#\\d+));)");

    /** Liquid's {@code escape_once}: as escape, but entities already written stay. */
    static String escapeOnce(String text) {
        return ESCAPE_ONCE.matcher(text).replaceAll(m -> switch (m.group()) {
            case "\"" -> "&quot;";
            case ">" -> "&gt;";
            case "<" -> "&lt;";
            case "'" -> "&#39;";
            default -> "&amp;";
        });
    }

    static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Ruby's CGI.escape: blanks as "+", all but letters, digits and {@code _.-~} as %XX. */
    static String cgiEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.-~".indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static int words(String text, String mode) {
        switch (mode) {
            case "cjk" -> {
                return count(CJK_CHAR, text) + count(NON_CJK_WORD, text);
            }
            case "auto" -> {
                int cjk = count(CJK_CHAR, text);
                return cjk == 0 ? split(text) : cjk + count(NON_CJK_WORD, text);
            }
            default -> {
                return split(text);
            }
        }
    }

    private static int split(String text) {
        String stripped = RUBY_SPACE.matcher(text).replaceAll(" ").strip();
        return stripped.isEmpty() ? 0 : stripped.split(" ").length;
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static Object toInteger(Object value) {
        if (Boolean.TRUE.equals(value)) {
            return 1L;
        }
        if (Boolean.FALSE.equals(value) || value == null) {
            return 0L;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        Matcher integer = LEADING_INTEGER.matcher(Values.string(value));
        if (!integer.find()) {
            return 0L;
        }
        try {
            return Long.parseLong(integer.group().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
