package kb.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds {@link LiveReload}'s script to the HTML pages served, before their {@code </body>} (at the
 * end when there is none): every {@code text/html} answer with status 200 to a GET passes through
 * here whole, gets the element and its new length. Only what is sent changes; the built files stay
 * as a clean build writes them. Other answers (files of other types, 304, ranges, HEAD) pass
 * untouched. Placed inside the compression handler, so it sees pages uncompressed.
 */
final class LiveReloadScript extends Handler.Wrapper {

    private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<String> tag;

    /** @param tag the element to add, asked for each page (it names the newest build) */
    LiveReloadScript(Handler handler, Supplier<String> tag) {
        super(handler);
        this.tag = tag;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"GET".equals(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        Injecting injecting = new Injecting(request, response);
        return super.handle(request, injecting, injecting.completing(callback));
    }

    /** The page's HTML with {@code tag} before its last {@code </body>}, or at its end. */
    static byte[] inject(byte[] html, String tag) {
        byte[] element = tag.getBytes(StandardCharsets.UTF_8);
        int at = lastBodyEnd(html);
        byte[] out = new byte[html.length + element.length];
        System.arraycopy(html, 0, out, 0, at);
        System.arraycopy(element, 0, out, at, element.length);
        System.arraycopy(html, at, out, at + element.length, html.length - at);
        return out;
    }

    /** {@link #inject(byte[], String)} for a page held as text (the 404 page). */
    static String inject(String html, String tag) {
        return new String(inject(html.getBytes(StandardCharsets.UTF_8), tag), StandardCharsets.UTF_8);
    }

    /** Where the last {@code </body} starts (any case), or the end. ASCII, so UTF-8 bytes can be searched. */
    private static int lastBodyEnd(byte[] html) {
        for (int i = html.length - BODY_END.length; i >= 0; i--) {
            int j = 0;
            while (j < BODY_END.length && lowerAscii(html[i + j]) == BODY_END[j]) {
                j++;
            }
            if (j == BODY_END.length) {
                return i;
            }
        }
        return html.length;
    }

    private static int lowerAscii(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** A response that holds back an HTML page's bytes until the last of them, then sends it with the element. */
    private final class Injecting extends Response.Wrapper {

        private Boolean html;
        private final ByteArrayOutputStream page = new ByteArrayOutputStream();
        private boolean sent;

        Injecting(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (html == null) {
                html = isPage();
            }
            if (!html) {
                super.write(last, content, callback);
                return;
            }
            if (content != null && content.hasRemaining()) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                page.writeBytes(bytes);
            }
            if (last) {
                send(callback);
            } else {
                callback.succeeded();
            }
        }

        private boolean isPage() {
            String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
            // Status 0 is "not set": Jetty sends 200.
            int status = getStatus();
            return (status == 0 || status == HttpStatus.OK_200) && type != null && type.regionMatches(true, 0, "text/html", 0, 9)
                    && getHeaders().get(HttpHeader.CONTENT_ENCODING) == null
                    && getHeaders().get(HttpHeader.CONTENT_RANGE) == null;
        }

        private void send(Callback callback) {
            sent = true;
            byte[] out = inject(page.toByteArray(), tag.get());
            getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length);
            super.write(true, ByteBuffer.wrap(out), callback);
        }

        /**
         * The handler's callback: a handler may complete without a last write (Jetty then ends the
         * response itself, past this wrapper), so a page held back is sent first.
         */
        Callback completing(Callback callback) {
            return new Callback() {
                @Override
                public void succeeded() {
                    if (Boolean.TRUE.equals(html) && !sent) {
                        send(callback);
                    } else {
                        callback.succeeded();
                    }
                }

                @Override
                public void failed(Throwable x) {
                    callback.failed(x);
                }

                @Override
                public InvocationType getInvocationType() {
                    return callback.getInvocationType();
                }
            };
        }
    }
}
