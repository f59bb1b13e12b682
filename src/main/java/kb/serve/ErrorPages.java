package kb.serve;

import java.util.function.UnaryOperator;
import kb.site.SearchAssets;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Error answers: below {@code /api/} JSON {@code {"error": "..."}}; elsewhere a 404 is the site's
 * {@code 404.html} (the build renders it through the theme; a plain-text "Not found" for a site
 * built without one), with status 404, also for a folder without an index page. Other errors get
 * Jetty's page, without stack traces.
 */
final class ErrorPages extends ErrorHandler {

    /** The site's 404 page, below the site folder. */
    static final String NOT_FOUND = SearchAssets.NOT_FOUND_PAGE;

    private final SiteRoot site;
    private final String baseurl;
    private final UnaryOperator<String> pageFilter;

    /** @param pageFilter applied to the 404 page's HTML as sent (live reload adds its script) */
    ErrorPages(SiteRoot site, SiteInfo info, UnaryOperator<String> pageFilter) {
        this.site = site;
        this.baseurl = info.baseurl();
        this.pageFilter = pageFilter;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Jetty clears the headers before an error answer (and a malformed request never reached
        // the handlers): the security headers again.
        SecurityHeaders.addTo(response.getHeaders());
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        String path = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        if (path.startsWith(SearchApi.PREFIX) || path.startsWith(baseurl + SearchApi.PREFIX)) {
            Responses.error(request, response, callback, status, status == HttpStatus.NOT_FOUND_404
                    ? "no API at " + path : HttpStatus.getMessage(status));
            return true;
        }
        // 403 is a folder without an index page: for a reader, not found as well.
        if (status == HttpStatus.NOT_FOUND_404 || status == HttpStatus.FORBIDDEN_403) {
            String page = site.read(NOT_FOUND);
            if (page != null) {
                Responses.send(request, response, callback, HttpStatus.NOT_FOUND_404, Responses.HTML, pageFilter.apply(page));
            } else {
                Responses.send(request, response, callback, HttpStatus.NOT_FOUND_404, Responses.TEXT,
                        "Not found: " + path + "\n");
            }
            return true;
        }
        return super.handle(request, response, callback);
    }
}
