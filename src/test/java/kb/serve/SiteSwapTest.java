package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kb.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build swaps the site folder under a running server (the new site written beside it, then
 * {@code site} renamed away and the new folder renamed to {@code site}): every request is
 * answered in full from one site or the other, never a 404 of the moment there is no folder,
 * never one file's bytes under the other's length, and right after a swap the new site is served.
 */
class SiteSwapTest {

    private static final int CLIENTS = 8;
    private static final long SWAPPING_MS = 4_000;

    /** Each path with the status it answers and the file whose bytes it sends ({@code null}: any body). */
    private record Probe(String path, int status, String file) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("/", 200, "index.html"),
            new Probe("/kb/319/Q319864/", 200, "kb/319/Q319864/index.html"),
            new Probe("/kb/319/Q319864/index.html", 200, "kb/319/Q319864/index.html"),
            new Probe("/assets/kb.css", 200, "assets/kb.css"),
            new Probe("/assets/search-index.json", 200, "assets/search-index.json"),
            new Probe("/search/", 200, "search/index.html"),
            new Probe("/no/such/page/", 404, "404.html"),
            new Probe("/kb/319/Q319864", 302, null),
            new Probe("/kb-site.json", 200, null),
            new Probe("/opensearch.xml", 200, null));

    @Test
    void requestsDuringSwapsAllSucceedWithOneSiteOrTheOther(@TempDir Path tmp) throws Exception {
        ServedSite built = ServedSite.build(tmp, "");
        Path site = built.site();
        Path next = tmp.resolve("site.next");
        Path old = tmp.resolve("site.old");
        TestSites.copyTree(site, next);
        // The other build: every page and the stylesheet one line longer, another title.
        try (Stream<Path> files = Files.walk(next)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".css")).toList()) {
                Files.writeString(file, Files.readString(file) + "\n<!-- the other build -->\n");
            }
        }
        Path facts = next.resolve("kb-site.json");
        Files.writeString(facts, Files.readString(facts).replace("kb Sample KnowledgeBase", "kb Other KnowledgeBase"));
        Map<Path, Map<String, byte[]>> versions = Map.of(site, contents(site), next, contents(next));
        List<Map<String, byte[]>> both = List.of(versions.get(site), versions.get(next));

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger swaps = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        try (KbServer server = built.serve()) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c;
                running.add(clients.submit(() -> {
                    Http http = new Http(server);
                    for (int i = offset; !done.get(); i++) {
                        Probe probe = PROBES.get(i % PROBES.size());
                        try {
                            check(http.get(probe.path()), probe, both).ifPresent(failures::add);
                        } catch (RuntimeException e) {
                            failures.add(probe.path() + ": " + e);
                        }
                        requests.incrementAndGet();
                    }
                }));
            }
            // Swap as a build does, again and again: site -> site.old, site.next -> site; then
            // the old one becomes the next.
            long end = System.currentTimeMillis() + SWAPPING_MS;
            while (System.currentTimeMillis() < end) {
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(next, site, StandardCopyOption.ATOMIC_MOVE);
                Files.move(old, next, StandardCopyOption.ATOMIC_MOVE);
                swaps.incrementAndGet();
                // A build swaps once; hundreds of swaps a second are already far more. Not every
                // millisecond: a folder swapped out and back in within one tick of the file
                // system's clock (4 ms here) looks unchanged to a lookup under way (SiteRoot).
                Thread.sleep(10);
            }
            done.set(true);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();

            // Right after one more swap, the new site is what is served.
            Http http = new Http(server);
            for (int i = 0; i < 3; i++) {
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(next, site, StandardCopyOption.ATOMIC_MOVE);
                Files.move(old, next, StandardCopyOption.ATOMIC_MOVE);
                Map<String, byte[]> now = contents(site);
                for (Probe probe : PROBES) {
                    if (probe.file() != null) {
                        assertThat(http.get(probe.path()).body()).as(probe.path() + " after a swap")
                                .isEqualTo(now.get(probe.file()));
                    }
                }
            }
        }
        System.out.println("SiteSwapTest: " + requests + " requests during " + swaps + " swaps, " + failures.size()
                + " failures");
        assertThat(swaps.get()).isGreaterThan(100);
        assertThat(requests.get()).isGreaterThan(500);
        assertThat(failures).as(failures.size() + " failures in " + requests + " requests during " + swaps + " swaps")
                .isEmpty();
    }

    @Test
    void aSiteFolderThatIsGoneIsWaitedForOnceNotAtEveryRequest(@TempDir Path tmp) throws Exception {
        ServedSite built = ServedSite.build(tmp, "");
        try (KbServer server = built.serve()) {
            Http http = new Http(server);
            // What a build stopped between its two renames would leave (the next build puts it back).
            Files.move(built.site(), tmp.resolve("moved away"));
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertThat(http.get("/kb/319/Q319864/").statusCode()).isLessThan(500);
            }
            // Each request waited for the folder before: ten requests took over 20 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            Files.move(tmp.resolve("moved away"), built.site());
            assertThat(http.get("/kb/319/Q319864/").statusCode()).isEqualTo(200);
        }
    }

    /** What is wrong with an answer, if anything: its status, or a body that is neither site's file. */
    private static Optional<String> check(HttpResponse<byte[]> response, Probe probe,
            List<Map<String, byte[]>> versions) {
        if (response.statusCode() != probe.status()) {
            return Optional.of(probe.path() + ": status " + response.statusCode());
        }
        if (probe.file() != null) {
            for (Map<String, byte[]> version : versions) {
                if (Arrays.equals(version.get(probe.file()), response.body())) {
                    return Optional.empty();
                }
            }
            return Optional.of(probe.path() + ": a body of " + response.body().length
                    + " bytes that is neither site's (" + versions.get(0).get(probe.file()).length + " or "
                    + versions.get(1).get(probe.file()).length + ")");
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (!body.contains("kb Sample KnowledgeBase") && !body.contains("kb Other KnowledgeBase") && probe.status() == 200) {
            return Optional.of(probe.path() + ": no title in " + body);
        }
        return Optional.empty();
    }

    private static Map<String, byte[]> contents(Path site) {
        Map<String, byte[]> files = new HashMap<>();
        for (Probe probe : PROBES) {
            if (probe.file() != null) {
                try {
                    files.put(probe.file(), Files.readAllBytes(site.resolve(probe.file())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }
}
