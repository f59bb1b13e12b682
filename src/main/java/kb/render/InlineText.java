package kb.render;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes article text for HTML and turns URLs and citations of articles that are in the site
 * into links. A citation of an article not in the site stays plain text. Thread-safe.
 */
public final class InlineText {

    private static final Pattern LINKABLE = Pattern.compile(
            "((?:https?|ftp)://[^\\s<>\"]+|www\\.[A-Za-z0-9-]+\\.[^\\s<>\"]+)"
                    + "|(?<![\\w\\\\/.=-])(Q\\d{4,7})(?![\\w=]|\\.[A-Za-z]{2,3}\\b|-\\w)");

    private final Function<String, Optional<String>> articleHref;

    /** @param articleHref the link to an article's page by ID, empty when it is not in the site */
    public InlineText(Function<String, Optional<String>> articleHref) {
        this.articleHref = articleHref;
    }

    /** The text as HTML with links. */
    public String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        if (!mayLink(text)) {
            escape(text, 0, text.length(), out);
            return out.toString();
        }
        Matcher m = LINKABLE.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.group(1) != null) {
                String url = trimTrailingPunctuation(m.group(1));
                escape(text, last, m.start(), out);
                String href = url.startsWith("www.") ? "http://" + url : url;
                out.append("<a href=\"").append(attribute(href)).append("\">");
                escape(url, 0, url.length(), out);
                out.append("</a>");
                last = m.start() + url.length();
            } else {
                Optional<String> href = articleHref.apply(m.group(2));
                if (href.isEmpty()) {
                    continue;
                }
                escape(text, last, m.start(), out);
                out.append("<a class=\"kb-ref\" href=\"").append(attribute(href.get())).append("\">")
                        .append(m.group(2)).append("</a>");
                last = m.end();
            }
        }
        escape(text, last, text.length(), out);
        return out.toString();
    }

    /** Whether the text holds anything that could become a link (a fast test before the regex). */
    private static boolean mayLink(String text) {
        if (text.contains("://") || text.contains("www.")) {
            return true;
        }
        for (int i = text.indexOf('Q'); i >= 0 && i + 1 < text.length(); i = text.indexOf('Q', i + 1)) {
            if (Character.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Drops sentence punctuation after a URL; a closing parenthesis only when unbalanced. */
    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (c == ')') {
                String u = url.substring(0, end);
                long open = u.chars().filter(ch -> ch == '(').count();
                long close = u.chars().filter(ch -> ch == ')').count();
                if (close <= open) {
                    break;
                }
            } else if (".,;:!?]}'\"".indexOf(c) < 0) {
                break;
            }
            end--;
        }
        return url.substring(0, end);
    }

    /** HTML-escapes {@code s[from, to)} into {@code out}. */
    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    private static String attribute(String s) {
        StringBuilder sb = new StringBuilder();
        escape(s, 0, s.length(), sb);
        return sb.toString();
    }
}
