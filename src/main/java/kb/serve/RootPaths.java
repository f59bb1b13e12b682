package kb.serve;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the server answers outside the site's pages: {@code /} leads to the base URL when the site
 * has one, and a browser's {@code /favicon.ico} gets "204 No Content" when the site has no icon
 * there (rather than a 404 in the browser's console).
 */
final class RootPaths extends Handler.Abstract {

    private final String baseurl;

    RootPaths(String baseurl) {
        this.baseurl = baseurl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Responses.reads(request)) {
            return false;
        }
        String path = Request.getPathInContext(request);
        if (path.equals("/") && !baseurl.isEmpty()) {
            Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, baseurl + "/", true);
            return true;
        }
        if (path.equals("/favicon.ico")) {
            response.setStatus(HttpStatus.NO_CONTENT_204);
            callback.succeeded();
            return true;
        }
        return false;
    }
}
