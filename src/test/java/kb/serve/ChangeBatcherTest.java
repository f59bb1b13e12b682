package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bursts of changes become one run; runs never overlap; changes during a run bring exactly one more. */
class ChangeBatcherTest {

    private static final Duration QUIET = Duration.ofMillis(100);

    private static final java.util.function.Consumer<RuntimeException> IGNORED = e -> { };

    private static Path p(String name) {
        return Path.of(name);
    }

    /** Waits until {@code runs} has {@code size} entries, up to 5 s, then a little longer to see that no other comes. */
    private static void awaitRuns(List<Set<Path>> runs, int size) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runs.size() < size && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Thread.sleep(QUIET.toMillis() * 3);
    }

    @Test
    void aBurstOfChangesIsOneRunWithEveryPath() throws InterruptedException {
        List<Set<Path>> runs = new CopyOnWriteArrayList<>();
        try (ChangeBatcher batcher = new ChangeBatcher(QUIET, runs::add, IGNORED, "test-batcher")) {
            batcher.start();
            for (int i = 0; i < 20; i++) {
                batcher.changed(p("a" + i % 5));
                Thread.sleep(5);
            }
            awaitRuns(runs, 1);
        }
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsExactly(p("a0"), p("a1"), p("a2"), p("a3"), p("a4"));
    }

    @Test
    void theRunWaitsForQuiet() throws InterruptedException {
        List<Long> ranAt = new CopyOnWriteArrayList<>();
        try (ChangeBatcher batcher = new ChangeBatcher(QUIET, paths -> ranAt.add(System.nanoTime()), IGNORED, "test-batcher")) {
            batcher.start();
            long changed = System.nanoTime();
            batcher.changed(p("a"));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ranAt.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(ranAt).hasSize(1);
            assertThat(ranAt.get(0) - changed).isGreaterThanOrEqualTo(QUIET.toNanos());
        }
    }

    @Test
    void changesDuringARunBringExactlyOneMore() throws InterruptedException {
        List<Set<Path>> runs = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        try (ChangeBatcher batcher = new ChangeBatcher(QUIET, paths -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.add(paths);
            firstRunning.countDown();
            try {
                if (runs.size() == 1) {
                    release.await(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        }, IGNORED, "test-batcher")) {
            batcher.start();
            batcher.changed(p("first"));
            assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
            // Several changes, with pauses longer than the quiet period, while the first run goes on.
            for (int i = 0; i < 3; i++) {
                batcher.changed(p("during" + i));
                Thread.sleep(QUIET.toMillis() + 50);
            }
            release.countDown();
            awaitRuns(runs, 2);
        }
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).containsExactly(p("first"));
        assertThat(runs.get(1)).containsExactly(p("during0"), p("during1"), p("during2"));
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void changesBeforeStartAreKeptForTheFirstRun() throws InterruptedException {
        List<Set<Path>> runs = new CopyOnWriteArrayList<>();
        try (ChangeBatcher batcher = new ChangeBatcher(QUIET, runs::add, IGNORED, "test-batcher")) {
            batcher.changed(p("early"));
            Thread.sleep(QUIET.toMillis() * 2);
            assertThat(runs).as("nothing runs before start").isEmpty();
            batcher.start();
            awaitRuns(runs, 1);
        }
        assertThat(runs).containsExactly(Set.of(p("early")));
    }

    @Test
    void anActionThatThrowsIsReportedAndTheBatcherGoesOn() throws InterruptedException {
        List<Set<Path>> runs = new CopyOnWriteArrayList<>();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        try (ChangeBatcher batcher = new ChangeBatcher(QUIET, paths -> {
            runs.add(paths);
            if (runs.size() == 1) {
                throw new IllegalStateException("a failing rebuild");
            }
        }, failures::add, "test-batcher")) {
            batcher.start();
            batcher.changed(p("a"));
            awaitRuns(runs, 1);
            batcher.changed(p("b"));
            awaitRuns(runs, 2);
        }
        assertThat(runs).containsExactly(Set.of(p("a")), Set.of(p("b")));
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("a failing rebuild");
    }

    @Test
    void closeEndsTheWorkerWithoutAnotherRun() throws InterruptedException {
        List<Set<Path>> runs = new CopyOnWriteArrayList<>();
        ChangeBatcher batcher = new ChangeBatcher(Duration.ofSeconds(10), runs::add, IGNORED, "test-batcher");
        batcher.start();
        batcher.changed(p("a"));
        long start = System.nanoTime();
        batcher.close();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(runs).isEmpty();
    }
}
