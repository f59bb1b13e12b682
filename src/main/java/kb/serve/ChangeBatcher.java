package kb.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a stream of changed paths into runs of one action: it waits until no change has come for
 * the quiet period (saving a file is often several events, a checkout hundreds), then runs the
 * action with the paths changed, on its own thread, so that two runs never overlap. Changes that
 * come during a run are collected and start exactly one more run after it.
 *
 * <p>Changes reported before {@link #start()} are kept for the first run. Thread-safe.
 */
final class ChangeBatcher implements AutoCloseable {

    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final long quietNanos;
    private final Consumer<Set<Path>> action;
    private final Consumer<RuntimeException> failures;
    private final Thread worker;
    private Set<Path> pending = new LinkedHashSet<>();
    private long lastChange;
    private boolean started;
    private boolean closed;

    /**
     * @param quiet    how long no change must come before the action runs
     * @param action   what to do with the paths changed
     * @param failures told of an exception the action throws; the batcher goes on
     */
    ChangeBatcher(Duration quiet, Consumer<Set<Path>> action, Consumer<RuntimeException> failures, String threadName) {
        this.quietNanos = quiet.toNanos();
        this.action = action;
        this.failures = failures;
        this.worker = new Thread(this::run, threadName);
        worker.setDaemon(true);
    }

    /** Starts running the action after changes. */
    synchronized void start() {
        if (!started) {
            started = true;
            worker.start();
        }
    }

    /** Reports a changed path. */
    synchronized void changed(Path path) {
        pending.add(path);
        lastChange = System.nanoTime();
        notifyAll();
    }

    private void run() {
        while (true) {
            Set<Path> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                action.accept(batch);
            } catch (RuntimeException e) {
                failures.accept(e);
            }
        }
    }

    /** Waits for changes and then for quiet; {@code null} once closed. */
    private synchronized Set<Path> nextBatch() throws InterruptedException {
        while (!closed && pending.isEmpty()) {
            wait();
        }
        while (!closed) {
            long quietFor = System.nanoTime() - lastChange;
            if (quietFor >= quietNanos) {
                break;
            }
            long left = quietNanos - quietFor;
            wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
        }
        if (closed) {
            return null;
        }
        Set<Path> batch = pending;
        pending = new LinkedHashSet<>();
        return batch;
    }

    /**
     * Stops: no other run starts. Waits for a run under way up to {@link #CLOSE_WAIT} (Ctrl-C
     * during a long rebuild should not hang; a build cut short is cut short as {@code kb build}'s
     * would be, and the index commit is atomic).
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (started && Thread.currentThread() != worker) {
            try {
                worker.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
