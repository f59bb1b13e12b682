package kb.serve;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A client of the live-reload event stream, as a page's EventSource: the builds named by its reload events. */
final class EventStream implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String> builds = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile String contentType;

    EventStream(Http http) {
        this.response = client.sendAsync(http.request(LiveReload.EVENTS).GET().build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            contentType = r.headers().firstValue("Content-Type").orElse("");
            String event = "";
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && event.equals("reload")) {
                    builds.add(line.substring(6));
                } else if (line.isEmpty()) {
                    event = "";
                }
            }
        });
    }

    /** The build named by the next reload event, waiting up to 5 s. */
    String nextReload() throws InterruptedException {
        String build = builds.poll(5, TimeUnit.SECONDS);
        if (build == null) {
            throw new AssertionError("no reload event within 5 s");
        }
        return build;
    }

    /** Whether another reload event comes within {@code millis}. */
    boolean reloadWithin(long millis) throws InterruptedException {
        return builds.poll(millis, TimeUnit.MILLISECONDS) != null;
    }

    String contentType() {
        return contentType;
    }

    @Override
    public void close() {
        response.cancel(true);
        client.shutdownNow();
    }
}
