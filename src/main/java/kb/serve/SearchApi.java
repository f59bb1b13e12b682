package kb.serve;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kb.search.ResultsJson;
import kb.search.SearchRequest;
import kb.search.SearchResults;
import kb.search.Searcher;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search API below {@code /api/}: {@code GET /api/search?q=&product=&type=&year=&sort=&page=&size=}
 * (see {@link ResultsJson} for the answer; {@code pages=1} searches other pages besides the articles) and {@code GET /api/articles/{id}} (the article's
 * metadata JSON; any ID form: {@code Q319864}, {@code 319864}, {@code kb319864}). Every error is
 * JSON {@code {"error": "..."}}: 400 for bad parameters (a query string that is not UTF-8 or has
 * a broken %-escape too), 404 for an unknown article or API path. A query is never an error: a
 * long one is searched by its beginning ({@link kb.search.QueryLimit}).
 */
final class SearchApi extends Handler.Abstract {

    static final String PREFIX = "/api/";
    private static final String ARTICLES = PREFIX + "articles/";
    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    static final String UNREADABLE = "the query string cannot be read: it must be UTF-8, each % followed by two hex digits";

    private final Searcher search;
    private final ResultsJson json;

    SearchApi(Searcher search, String baseurl) {
        this.search = search;
        this.json = new ResultsJson(baseurl);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        if (!Responses.reads(request)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Responses.error(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not supported here; use GET");
            return true;
        }
        try {
            if (path.equals(PREFIX + "search")) {
                search(request, response, callback);
            } else if (path.startsWith(ARTICLES) && path.length() > ARTICLES.length()
                    && path.indexOf('/', ARTICLES.length()) < 0) {
                article(path.substring(ARTICLES.length()), request, response, callback);
            } else {
                Responses.error(request, response, callback, HttpStatus.NOT_FOUND_404,
                        "no API at " + path + "; try " + PREFIX + "search?q=... or " + ARTICLES + "{id}");
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed", request.getHttpURI(), e);
            Responses.error(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "internal error: " + e.getMessage());
        }
        return true;
    }

    private void search(Request request, Response response, Callback callback) {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // Jetty's query-string decoder: a broken %-escape is an IllegalArgumentException, bytes
            // that are not UTF-8 an HttpException (400). The client's mistake: no trace in the log.
            if (!(e instanceof IllegalArgumentException || e instanceof HttpException)) {
                throw e;
            }
            Responses.error(request, response, callback, HttpStatus.BAD_REQUEST_400, UNREADABLE);
            return;
        }
        SearchRequest query;
        try {
            query = SearchParameters.read(fields);
        } catch (SearchParameters.BadParameter e) {
            Responses.error(request, response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage());
            return;
        }
        SearchResults results = search.search(query);
        Responses.send(request, response, callback, HttpStatus.OK_200, Responses.JSON, json.write(results));
    }

    private void article(String id, Request request, Response response, Callback callback) {
        Optional<String> article = search.articleJson(id);
        if (article.isPresent()) {
            Responses.send(request, response, callback, HttpStatus.OK_200, Responses.JSON, article.get());
        } else {
            Responses.error(request, response, callback, HttpStatus.NOT_FOUND_404, "no article " + id);
        }
    }
}
