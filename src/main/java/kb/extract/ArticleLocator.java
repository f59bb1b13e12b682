package kb.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.parse.FirstCharFind;

/**
 * Finds the KB article inside a page body as the archive writes it: a {@code {% raw %}} block
 * whose text, every line indented by one TAB, opens with an {@code Article: Q...} header line.
 */
public final class ArticleLocator {

    private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");
    private static final Pattern HEADER_START = Pattern.compile("\\A(?:[ \\t]*\\r?\\n)*\\t?Article:\\s*Q\\d+");

    /**
     * A page body split around its article.
     *
     * @param before      the body before {@code {% raw %}} (the {@code ## Qnnn: title} heading)
     * @param articleText the article text, the TAB indent removed
     * @param firstLine   the line of the body where the article text starts (0-based offset)
     * @param after       the body after {@code {% endraw %}}
     */
    public record Located(String before, String articleText, int firstLine, String after) {
    }

    private ArticleLocator() {
    }

    /** The article of a page body, if it has one. */
    public static Optional<Located> locate(String body) {
        Matcher raw = RAW.matcher(body);
        if (!FirstCharFind.find(raw, body, '{', 0)) {
            return Optional.empty();
        }
        Matcher end = END_RAW.matcher(body);
        if (!FirstCharFind.find(end, body, '{', raw.end())) {
            return Optional.empty();
        }
        String inside = body.substring(raw.end(), end.start());
        if (!HEADER_START.matcher(inside).find()) {
            return Optional.empty();
        }
        int firstLine = countNewlines(body, raw.end());
        return Optional.of(new Located(body.substring(0, raw.start()), untab(inside), firstLine,
                body.substring(end.end())));
    }

    /** Removes the one TAB the archive put in front of every line. */
    static String untab(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int lineEnd = nl < 0 ? text.length() : nl;
            int from = start < text.length() && text.charAt(start) == '\t' ? start + 1 : start;
            sb.append(text, from, lineEnd);
            if (nl < 0) {
                break;
            }
            sb.append('\n');
            start = nl + 1;
        }
        return sb.toString();
    }

    private static int countNewlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
