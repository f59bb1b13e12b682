package kb.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Renders the Liquid subset a knowledge base needs: {@code {% raw %}}, {@code {% comment %}},
 * and output tags {@code {{ site.x }}} / {@code {{ page.x }}} / string literals with the filters
 * {@code relative_url}, {@code absolute_url} and {@code default:}. Anything else is reported as a
 * warning and left in the text as written, so nothing is silently dropped. Thread-safe.
 */
public final class LiquidRenderer {

    private static final Pattern TAG_NAME = Pattern.compile("\\{%-?\\s*(\\w+)");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");
    private static final Pattern END_COMMENT = Pattern.compile("\\{%-?\\s*endcomment\\s*-?%}");

    /**
     * The most characters a page's Liquid may write: 16 MiB. Output tags repeat values, and YAML
     * aliases can make one value huge ({@code {{ page.lol9 }}} once wrote a page of 222 MB); the
     * largest page of the dev corpus is 0.5 MB, so a page 32 times that is not a page.
     */
    public static final int MAX_OUTPUT = 16 << 20;

    /**
     * Renders {@code text}, the body of {@code file} starting at line {@code firstLine}.
     *
     * @return the rendered text; empty, with an error reported at the output tag, when it would
     *     be longer than {@link #MAX_OUTPUT}
     */
    public String render(String text, LiquidContext context, String file, int firstLine,
            Diagnostics diagnostics) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int open = nextOpening(text, pos);
            if (open < 0) {
                out.append(text, pos, n);
                break;
            }
            out.append(text, pos, open);
            pos = text.charAt(open + 1) == '{'
                    ? output(text, open, out, context, file, firstLine, diagnostics)
                    : tag(text, open, out, file, firstLine, diagnostics);
            if (out.length() > MAX_OUTPUT) {
                diagnostics.error(SourcePosition.at(file, text, open, firstLine), String.format(java.util.Locale.ROOT,
                        "Liquid output passes %,d characters here; the page is skipped", MAX_OUTPUT));
                return "";
            }
        }
        return out.toString();
    }

    private static int nextOpening(String text, int from) {
        int i = text.indexOf('{', from);
        while (i >= 0 && i + 1 < text.length()) {
            char c = text.charAt(i + 1);
            if (c == '{' || c == '%') {
                return i;
            }
            i = text.indexOf('{', i + 1);
        }
        return -1;
    }

    /** Handles the tag at {@code open}; returns the position after what it consumed. */
    private int tag(String text, int open, StringBuilder out, String file, int firstLine,
            Diagnostics diagnostics) {
        int close = text.indexOf("%}", open + 2);
        if (close < 0) {
            diagnostics.warning(SourcePosition.at(file, text, open, firstLine),
                    "Liquid tag is not closed by '%}'; left as text");
            out.append("{%");
            return open + 2;
        }
        int after = close + 2;
        boolean trimLeft = text.charAt(open + 2) == '-';
        boolean trimRight = text.charAt(close - 1) == '-';
        Matcher name = TAG_NAME.matcher(text).region(open, close);
        String tagName = name.lookingAt() ? name.group(1) : "";
        switch (tagName) {
            case "raw" -> {
                trim(out, trimLeft);
                Matcher end = END_RAW.matcher(text);
                if (!end.find(after)) {
                    diagnostics.error(SourcePosition.at(file, text, open, firstLine),
                            "'{% raw %}' is never closed by '{% endraw %}'");
                    out.append(text, skipWhitespace(text, after, trimRight), text.length());
                    return text.length();
                }
                int contentStart = skipWhitespace(text, after, trimRight);
                int contentEnd = end.start();
                if (text.charAt(end.start() + 2) == '-') {
                    contentEnd = trimEnd(text, contentStart, contentEnd);
                }
                out.append(text, contentStart, contentEnd);
                return skipWhitespace(text, end.end(), text.charAt(end.end() - 3) == '-');
            }
            case "comment" -> {
                trim(out, trimLeft);
                Matcher end = END_COMMENT.matcher(text);
                if (!end.find(after)) {
                    diagnostics.error(SourcePosition.at(file, text, open, firstLine),
                            "'{% comment %}' is never closed by '{% endcomment %}'");
                    return text.length();
                }
                return skipWhitespace(text, end.end(), text.charAt(end.end() - 3) == '-');
            }
            default -> {
                String shown = tagName.isEmpty() ? text.substring(open, after) : tagName;
                diagnostics.warning(SourcePosition.at(file, text, open, firstLine),
                        "unsupported Liquid tag '" + shown + "' left as text");
                out.append(text, open, after);
                return after;
            }
        }
    }

    /** Handles the output tag at {@code open}; returns the position after it. */
    private int output(String text, int open, StringBuilder out, LiquidContext context,
            String file, int firstLine, Diagnostics diagnostics) {
        int close = text.indexOf("}}", open + 2);
        if (close < 0) {
            diagnostics.warning(SourcePosition.at(file, text, open, firstLine),
                    "Liquid output is not closed by '}}'; left as text");
            out.append("{{");
            return open + 2;
        }
        int after = close + 2;
        String expression = text.substring(open + 2, close);
        boolean trimLeft = expression.startsWith("-");
        boolean trimRight = expression.endsWith("-");
        expression = expression.substring(trimLeft ? 1 : 0,
                expression.length() - (trimRight && expression.length() > 1 ? 1 : 0)).strip();
        Optional<String> value = evaluate(expression, context, text, open, file, firstLine, diagnostics);
        if (value.isEmpty()) {
            out.append(text, open, after);
            return after;
        }
        trim(out, trimLeft);
        out.append(value.get());
        return skipWhitespace(text, after, trimRight);
    }

    private Optional<String> evaluate(String expression, LiquidContext context, String text,
            int open, String file, int firstLine, Diagnostics diagnostics) {
        List<String> parts = splitOutsideQuotes(expression, '|');
        Optional<Object> base = primary(parts.get(0).strip(), context);
        if (base.isEmpty()) {
            diagnostics.warning(SourcePosition.at(file, text, open, firstLine),
                    "unsupported Liquid expression '" + parts.get(0).strip()
                            + "' (only site.*, page.* and quoted strings) left as text");
            return Optional.empty();
        }
        Object value = base.get() == NOTHING ? null : base.get();
        for (String filter : parts.subList(1, parts.size())) {
            String f = filter.strip();
            int colon = f.indexOf(':');
            String name = (colon < 0 ? f : f.substring(0, colon)).strip();
            String arg = colon < 0 ? null : f.substring(colon + 1).strip();
            switch (name) {
                case "relative_url" -> value = value == null ? null : context.config().relativeUrl(text(value));
                case "absolute_url" -> value = value == null ? null : context.config().absoluteUrl(text(value));
                case "default" -> {
                    if (isEmpty(value)) {
                        Optional<Object> fallback = arg == null ? Optional.of(NOTHING) : primary(arg, context);
                        value = fallback.filter(v -> v != NOTHING).orElse(null);
                    }
                }
                default -> {
                    diagnostics.warning(SourcePosition.at(file, text, open, firstLine),
                            "unsupported Liquid filter '" + name + "'; output left as text");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(value == null ? "" : text(value));
    }

    /** Liquid prints arrays by concatenating their items; no further than {@link #MAX_OUTPUT} and a bit. */
    private static String text(Object value) {
        StringBuilder sb = new StringBuilder();
        append(value, sb);
        return sb.toString();
    }

    private static void append(Object value, StringBuilder sb) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (sb.length() > MAX_OUTPUT) {
                    return; // the caller reports the page as too large
                }
                append(item, sb);
            }
        } else {
            sb.append(value);
        }
    }

    /** Marks a variable that is defined by name but has no value (Liquid's nil). */
    private static final Object NOTHING = new Object();

    /** A string literal, number, or a {@code site.} / {@code page.} variable; empty if neither. */
    private static Optional<Object> primary(String token, LiquidContext context) {
        if (token.length() >= 2 && (token.startsWith("'") && token.endsWith("'")
                || token.startsWith("\"") && token.endsWith("\""))) {
            return Optional.of(token.substring(1, token.length() - 1));
        }
        if (token.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.of(token);
        }
        if (token.equals("nil") || token.equals("null")) {
            return Optional.of(NOTHING);
        }
        String[] path = token.split("\\.", -1); // "." is two empty names (no variable), not none
        Object current;
        switch (path[0]) {
            case "site" -> current = context.site();
            case "page" -> current = context.page();
            default -> {
                return Optional.empty();
            }
        }
        for (int i = 1; i < path.length && current != null; i++) {
            current = current instanceof Map<?, ?> map ? map.get(path[i]) : null;
        }
        return Optional.of(current == null ? NOTHING : current);
    }

    private static boolean isEmpty(Object value) {
        return value == null || value.equals("") || Boolean.FALSE.equals(value)
                || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == separator) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static void trim(StringBuilder out, boolean trim) {
        if (trim) {
            int end = out.length();
            while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            out.setLength(end);
        }
    }

    private static int skipWhitespace(String text, int pos, boolean skip) {
        if (!skip) {
            return pos;
        }
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
