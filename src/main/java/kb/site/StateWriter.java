package kb.site;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a builder's build state after its build has returned ({@code kb serve --watch} shows a
 * rebuild without waiting for it), one state at a time on a thread of its own. The output folder
 * stays locked until the state describing it is written: the publication is closed after the write.
 */
final class StateWriter implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-state-writer");
        // close() waits for it; a JVM that exits without close leaves no half-written state
        // (a state file is moved into place whole).
        t.setDaemon(true);
        return t;
    });
    /** The state being written, if any. */
    private Future<?> pending;

    /** Writes the state with {@code save}, then closes {@code publication}. */
    synchronized void submit(Runnable save, Publication publication) {
        await();
        pending = thread.submit(() -> {
            try {
                save.run();
            } finally {
                publication.close();
            }
        });
    }

    /**
     * Waits until the state submitted last is written; a write that failed is thrown here (the
     * next build is then a clean one).
     */
    synchronized void await() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the build state was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Waits for the state being written, then stops the thread. */
    @Override
    public synchronized void close() {
        try {
            await();
        } finally {
            thread.shutdown();
        }
    }
}
