package kb.serve;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Short links to articles, answered with "301 Moved Permanently" to the article's canonical URL
 * (with the base URL), without a file per alias: {@code /kb/319864}, {@code /kb/Q319864},
 * {@code /Q319864}, {@code /KB319864} below the base URL, in any case, with or without a trailing
 * slash, and {@code /kb/NNN/Q319864/} with a wrong group folder. The query string is kept.
 *
 * <p>Placed after the static files: a real page at such a path wins. An ID no article has is
 * not answered here, and ends as the site's 404 page (whose script offers the nearest ID). The
 * static 404 page's resolver ({@code assets/not-found.js}) reads the same forms.
 */
final class ShortLinks extends Handler.Abstract {

    /** The path forms of a short link; group 1 is the article number without leading zeros. */
    private static final Pattern SHORT_LINK = Pattern.compile(
            "(?i)/(?:kb/(?:[0-9]{1,3}/)?(?:q|kb)?|q|kb)0*([1-9][0-9]{0,8})/?");

    private final Function<String, Optional<String>> articleUrl;
    private final String baseurl;

    /**
     * @param articleUrl an article's URL below the site root by ID ({@code "Q319864"}), as
     *                   {@link kb.search.SearchService#articleUrl} answers it
     * @param baseurl    the site's base URL ("" or {@code /kbarchive})
     */
    ShortLinks(Function<String, Optional<String>> articleUrl, String baseurl) {
        this.articleUrl = articleUrl;
        this.baseurl = baseurl;
    }

    /** The article number a path names as a short link ({@code /KB319864/} gives 319864), if it is one. */
    static Optional<String> number(String path) {
        Matcher m = SHORT_LINK.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Responses.reads(request)) {
            return false;
        }
        Optional<String> url = number(Request.getPathInContext(request)).flatMap(n -> articleUrl.apply("Q" + n));
        if (url.isEmpty()) {
            return false;
        }
        String query = request.getHttpURI().getQuery();
        String location = baseurl + url.get() + (query == null || query.isEmpty() ? "" : "?" + query);
        Response.sendRedirect(request, response, callback, HttpStatus.MOVED_PERMANENTLY_301, location, true);
        return true;
    }
}
