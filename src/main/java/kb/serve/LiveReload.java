package kb.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Live reload for {@code kb serve --watch}: the open pages learn of each rebuild through
 * Server-Sent Events at {@value #EVENTS} and reload themselves, with the script at
 * {@value #SCRIPT} that {@link LiveReloadScript} adds to every page served.
 *
 * <p>Builds are named: {@code <server start>-<rebuild count>}. A page carries the name of the
 * newest build when it was served; the stream sends the newest name when a page connects and
 * after each rebuild, and the page reloads when it differs. So a rebuild that finished between
 * serving a page and its connecting is not missed, and a page of an earlier server (restarted)
 * reloads too.
 *
 * <p>Both paths are answered at the server's root, whatever the site's base URL. A comment is
 * sent every {@value #HEARTBEAT_SECONDS} s, so that an idle stream is not timed out and a stream
 * whose page is gone is noticed (the write fails) and dropped. Thread-safe.
 */
final class LiveReload extends Handler.Abstract implements AutoCloseable {

    /** The event stream. */
    static final String EVENTS = "/_kb/livereload";
    /** The script that listens to it. */
    static final String SCRIPT = "/_kb/livereload.js";
    static final int HEARTBEAT_SECONDS = 15;

    private static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    /** A dropped stream is reopened by the browser after this many ms (as when the server restarts). */
    private static final int RETRY_MS = 1000;

    private final String session = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong builds = new AtomicLong();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final String script = readScript();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-livereload");
        t.setDaemon(true);
        return t;
    });

    LiveReload() {
        heartbeat.scheduleWithFixedDelay(() -> send(": still here\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** The name of the newest build. */
    String build() {
        return session + "-" + builds.get();
    }

    /** The element that makes a page reload after rebuilds, to put before its {@code </body>}. */
    String scriptTag() {
        return "<script src=\"" + SCRIPT + "\" data-events=\"" + EVENTS + "\" data-build=\"" + build()
                + "\"></script>";
    }

    /** Tells every open page that a new build is there, so that it reloads. */
    void reload() {
        builds.incrementAndGet();
        send(reloadEvent());
    }

    /** How many pages listen (for tests). */
    int listeners() {
        return streams.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (!Responses.reads(request) || !(EVENTS.equals(path) || SCRIPT.equals(path))) {
            return false;
        }
        if (SCRIPT.equals(path)) {
            Responses.send(request, response, callback, HttpStatus.OK_200, JAVASCRIPT, script);
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, EVENT_STREAM);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        EventStream stream = new EventStream(response, callback);
        streams.add(stream);
        request.addFailureListener(stream::failed);
        stream.send("retry: " + RETRY_MS + "\n" + reloadEvent());
        return true;
    }

    private String reloadEvent() {
        return "event: reload\ndata: " + build() + "\n\n";
    }

    private void send(String text) {
        streams.forEach(s -> s.send(text));
    }

    /** Ends every stream (the pages will try to reconnect) and stops the heartbeat. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        streams.forEach(EventStream::end);
    }

    private static String readScript() {
        try (InputStream in = LiveReload.class.getResourceAsStream("livereload.js")) {
            if (in == null) {
                throw new IllegalStateException("kb's live reload script is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kb's live reload script", e);
        }
    }

    /**
     * One page's open stream. Jetty takes one write at a time: a text sent while a write is under
     * way waits, and replaces any text already waiting (only the newest build matters, and a
     * missed heartbeat does no harm).
     */
    private final class EventStream {

        private final Response response;
        private final Callback done;
        private boolean writing;
        private String waiting;
        private boolean ending;
        private boolean over;

        EventStream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void send(String text) {
            synchronized (this) {
                if (over || ending) {
                    return;
                }
                if (writing) {
                    waiting = text;
                    return;
                }
                writing = true;
            }
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                    Callback.from(this::written, this::failed));
        }

        private void written() {
            String next;
            boolean end;
            synchronized (this) {
                writing = false;
                next = waiting;
                waiting = null;
                end = ending;
            }
            if (end) {
                end();
            } else if (next != null) {
                send(next);
            }
        }

        /** Completes the response, after the write under way if any. */
        void end() {
            synchronized (this) {
                if (over) {
                    return;
                }
                ending = true;
                if (writing) {
                    return;
                }
                over = true;
            }
            streams.remove(this);
            response.write(true, ByteBuffer.allocate(0), done);
        }

        /** The page is gone (or the connection failed): drop the stream. */
        void failed(Throwable failure) {
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
            }
            streams.remove(this);
            done.failed(failure);
        }
    }
}
