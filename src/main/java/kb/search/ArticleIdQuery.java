package kb.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a search that is nothing but an article ID, the forms people paste or type:
 * {@code Q319864}, {@code 319864}, {@code KB319864}, {@code kb/319864} (a short link's path, also
 * {@code /kb/Q319864/}), in any case and with spaces around. Such a search goes straight to the
 * article. A number inside other words is not one ({@code error 10054}).
 */
public final class ArticleIdQuery {

    private static final Pattern ID_ONLY = Pattern.compile(
            "(?i)\\s*(/?kb/(?:q|kb)?|q|kb)?0*([1-9][0-9]{0,8})/?\\s*");
    /** A bare number names an article from this many digits on (as {@link QueryParser} reads it). */
    private static final int BARE_DIGITS = 4;

    private ArticleIdQuery() {
    }

    /** The article number the query names ({@code "KB319864"} gives {@code "319864"}), if it is only that. */
    public static Optional<String> number(String query) {
        Matcher m = ID_ONLY.matcher(query);
        if (!m.matches() || (m.group(1) == null && m.group(2).length() < BARE_DIGITS)) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }
}
