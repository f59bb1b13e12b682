package kb.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: {@code clients} virtual threads, each sending the next
 * request of a list as soon as its previous answer has arrived, for a fixed time. Latency is
 * measured per request from send to the last byte of the body.
 */
final class LoadGenerator {

    /**
     * What one run measured.
     *
     * @param requests  requests answered with 200
     * @param errors    other answers, time-outs and I/O failures
     * @param seconds   the run's length
     * @param latencies the latencies of the answered requests, in nanoseconds, sorted
     * @param firstError the first error seen, or ""
     * @param repeated  requests sent that had been sent before (the list ran out and started over)
     */
    record Result(long requests, long errors, double seconds, long[] latencies, String firstError, long repeated) {

        /** Requests per second. */
        double throughput() {
            return requests / seconds;
        }

        /** The latency at quantile {@code q} (0.5, 0.99) in milliseconds; 0 without requests. */
        double millis(double q) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * Sends {@code requests} in turn for {@code duration}, starting at {@code next} and moving it on
     * (the clients share it), so that a run after a warm-up with the same {@code next} sends
     * requests the warm-up did not; after the last request the list starts over.
     */
    Result run(List<HttpRequest> requests, int clients, Duration duration, AtomicLong next)
            throws InterruptedException {
        return run(requests, clients, duration, next, event -> { });
    }

    /**
     * One request's outcome, for a timeline.
     *
     * @param startNanos when it was sent ({@link System#nanoTime()})
     * @param tookNanos  how long it took
     * @param error      what went wrong, or null for a 200
     */
    record Event(long startNanos, long tookNanos, String error) {
    }

    /** {@link #run(List, int, Duration, AtomicLong)}, telling {@code events} of every request (from the clients' threads). */
    Result run(List<HttpRequest> requests, int clients, Duration duration, AtomicLong next,
            java.util.function.Consumer<Event> events) throws InterruptedException {
        long first = next.get();
        AtomicLong errors = new AtomicLong();
        String[] firstError = {""};
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[4096]};
            int client = c;
            threads.add(Thread.ofVirtual().name("load-" + c).start(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = requests.get((int) (next.getAndIncrement() % requests.size()));
                    long t0 = System.nanoTime();
                    String error = send(request);
                    long took = System.nanoTime() - t0;
                    events.accept(new Event(t0, took, error));
                    if (error != null) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0].isEmpty()) {
                                firstError[0] = error;
                            }
                        }
                        continue;
                    }
                    if (counts[client] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][counts[client]++] = took;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(mine[0], counts[client]));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long repeated = Math.max(0, next.get() - Math.max(first, requests.size()));
        return new Result(all.length, errors.get(), seconds, all, firstError[0], repeated);
    }

    /** Sends one request and reads the whole answer; an error message, or null on a 200. */
    private String send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? null
                    : "HTTP " + response.statusCode() + " for " + request.uri();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " for " + request.uri();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
