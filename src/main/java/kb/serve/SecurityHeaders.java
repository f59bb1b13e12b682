package kb.serve;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers that tell browsers to trust a response only as far as it needs, on every answer
 * (pages, files, the API, redirects, errors):
 * <ul>
 * <li>{@value #CSP}: scripts, styles, fonts, images and requests from the site's own origin only,
 *     so no inline script, {@code on*} attribute, {@code javascript:} URL or {@code style}
 *     attribute runs or applies (the theme has none: its scripts and styles are files, its data
 *     blocks are {@code type="application/json"}), nothing may frame the site
 *     ({@code frame-ancestors 'none'}), forms submit to the site only;</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a file is only what its type says (no JSON or text
 *     run as a script);</li>
 * <li>{@code Referrer-Policy: same-origin}: other sites are not told which page (or search)
 *     a reader came from;</li>
 * <li>{@code X-Frame-Options: DENY}: no framing for browsers that predate {@code frame-ancestors}.</li>
 * </ul>
 * Set before the handlers run; error answers, which Jetty writes after clearing the headers,
 * get them from {@link ErrorPages} through {@link #addTo}.
 */
final class SecurityHeaders extends Handler.Wrapper {

    /** The Content-Security-Policy. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final HttpField[] FIELDS = {
        new PreEncodedHttpField("Content-Security-Policy", CSP),
        new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
        new PreEncodedHttpField("Referrer-Policy", "same-origin"),
        new PreEncodedHttpField("X-Frame-Options", "DENY"),
    };

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    /** Puts the headers on a response (replacing any of the same name). */
    static void addTo(HttpFields.Mutable headers) {
        for (HttpField field : FIELDS) {
            headers.put(field);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }
}
