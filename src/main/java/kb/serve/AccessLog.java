package kb.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * The request log of {@code kb serve}: one line per request, written when its answer is complete:
 * <pre>2026-12-02T21:37:28.456Z GET /kb/319/Q319864/ 200 3 ms</pre>
 * the time the request arrived (UTC), the method, the path and query string as the client sent
 * them, the status and how long the answer took. The line is ASCII whatever a client sends: a
 * byte outside printable ASCII is written as {@code %XX}, and a target longer than
 * {@value #MAX_TARGET} characters is cut with {@code ...}. Each line is flushed, so that a
 * {@code tail -f} of the file sees it. Thread-safe.
 */
public final class AccessLog implements RequestLog, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** The longest request target written whole. */
    static final int MAX_TARGET = 2_000;

    private final PrintWriter out;
    private final boolean owned;

    private AccessLog(PrintWriter out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    /** A log written to {@code out} (the command's standard error), which closing the log leaves open. */
    public static AccessLog to(java.io.Writer out) { // named in full: RequestLog.Writer is another type
        return new AccessLog(out instanceof PrintWriter p ? p : new PrintWriter(out), false);
    }

    /**
     * A log appended to {@code file} (created if missing), closed with the log.
     *
     * @throws UncheckedIOException when the file cannot be opened for writing
     */
    public static AccessLog appendingTo(Path file) {
        try {
            return new AccessLog(new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the request log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void log(Request request, Response response) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        String line = line(Instant.ofEpochMilli(Request.getTimeStamp(request)), request.getMethod(),
                request.getHttpURI().getPathQuery(), response.getStatus(), ms);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** One line of the log. */
    static String line(Instant time, String method, String target, int status, long ms) {
        return TIME.format(time) + " " + ascii(method, 32) + " " + ascii(target, MAX_TARGET) + " "
                + status + " " + ms + " ms";
    }

    /** {@code text} as printable ASCII, at most {@code max} characters of it. */
    private static String ascii(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        for (; i < bytes.length && out.length() < max; i++) {
            int b = bytes[i] & 0xff;
            if (b > ' ' && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        if (i < bytes.length) {
            out.append("...");
        }
        return out.toString();
    }

    /** Closes the file of a log {@link #appendingTo} it; a log written to a stream only flushes it. */
    @Override
    public void close() {
        synchronized (out) {
            if (owned) {
                out.close();
            } else {
                out.flush();
            }
        }
    }
}
