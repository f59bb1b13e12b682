package kb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import kb.json.KbJson;
import kb.site.SearchAssets;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The two files of a site that say where search lives, answered by the server itself:
 * <ul>
 * <li>{@value SearchAssets#SITE_JSON}: the site's file (or the facts the server read) plus
 *     {@code "api": "<baseurl>/api/"}. The search page reads it first: on a plain static host the
 *     file has no {@code api}, and the page searches its static index without ever calling an API
 *     that is not there (which would show as a failed request in the browser's console);</li>
 * <li>{@value SearchAssets#OPENSEARCH}: pointing at the search page on the host the browser used.</li>
 * </ul>
 * Both are made from the site's files at each request, so they follow a rebuild (a new title);
 * the base URL is the one the site is served at.
 */
final class SiteFacts extends Handler.Abstract {

    private final SiteRoot site;
    private final SiteInfo info;

    /** @param info the facts read at start: the base URL the site is served at */
    SiteFacts(SiteRoot site, SiteInfo info) {
        this.site = site;
        this.info = info;
    }

    /** The site's facts now, at the base URL it is served at. */
    private SearchAssets assets() {
        SiteInfo now = site.find(() -> SiteInfo.find(site.path()).orElse(null));
        return new SearchAssets(new SiteInfo(info.baseurl(), now == null ? "" : now.title()).config());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Responses.reads(request)) {
            return false;
        }
        String path = Request.getPathInContext(request);
        if (path.equals("/" + SearchAssets.SITE_JSON)) {
            Responses.send(request, response, callback, HttpStatus.OK_200, Responses.JSON, siteJson());
            return true;
        }
        if (path.equals("/" + SearchAssets.OPENSEARCH)) {
            Responses.send(request, response, callback, HttpStatus.OK_200,
                    "application/opensearchdescription+xml; charset=utf-8", assets().openSearchXml(origin(request)));
            return true;
        }
        return false;
    }

    private String siteJson() {
        try {
            String file = site.read(SearchAssets.SITE_JSON);
            JsonNode read = KbJson.read(file != null ? file : assets().siteJson());
            ObjectNode json = read instanceof ObjectNode o ? o : KbJson.object();
            json.put("api", info.baseurl() + SearchApi.PREFIX);
            return KbJson.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SearchAssets.SITE_JSON, e);
        }
    }

    /** {@code http://host:port} as the client addressed the server. */
    private static String origin(Request request) {
        HttpURI uri = request.getHttpURI();
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        boolean defaultPort = port <= 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
