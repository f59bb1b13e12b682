package kb.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kb.json.KbJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the server's own (not static) answers. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    /** Answers with {@code body} as the whole response; a HEAD request gets the headers only. */
    static void send(Request request, Response response, Callback callback, int status, String contentType,
            String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    /**
     * {@code {"error": message}} with the given status: every error of the API has this shape
     * ({@code docs/api/error.v1.schema.json}).
     */
    static void error(Request request, Response response, Callback callback, int status, String message) {
        send(request, response, callback, status, JSON, KbJson.write(Map.of("error", message)));
    }

    /** Whether the request only reads (GET or HEAD). */
    static boolean reads(Request request) {
        return HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
    }
}
