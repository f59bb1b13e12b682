package kb.site;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes a builder's build state after its build has returned ({@code kb serve --watch} shows a
 * rebuild without waiting for it), one state at a time on a thread of its own. The output folder
 * stays locked until the state describing it is written: the publication is released after the write.
 */
final class StateWriter implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-state-writer");
        // close() waits for it; a JVM that exits without close leaves no half-written state
        // (a state file is moved into place whole).
        t.setDaemon(true);
        return t;
    });
    /** Runs before each save (tests hold a save there). */
    private final Runnable beforeSave;
    /** Runs after each save, on the writer's thread, once the output folder is released. */
    private final Runnable afterSave;
    /** Told of the thread still deleting what a build moved aside, once its publication is released. */
    private volatile Consumer<Thread> released = t -> { };

    StateWriter() {
        this(() -> { });
    }

    /** A writer that runs {@code beforeSave} on its thread before each save (tests). */
    StateWriter(Runnable beforeSave) {
        this(beforeSave, () -> { });
    }

    /** A writer that runs {@code beforeSave} and {@code afterSave} on its thread around each save. */
    StateWriter(Runnable beforeSave, Runnable afterSave) {
        this.beforeSave = beforeSave;
        this.afterSave = afterSave;
    }

    /**
     * Has {@code released} told, after each write, of the thread still deleting what that build
     * moved aside ({@link Publication#release()}; null when none).
     */
    void onRelease(Consumer<Thread> released) {
        this.released = released;
    }

    /** The state being written, if any. */
    private Future<?> pending;
    /** Whether a preview asked the state being written to be left unwritten ({@link #abandon}). */
    private AtomicBoolean abandoned;

    /**
     * Writes the state with {@code save}, then closes {@code publication}; {@code save} is told
     * whether the write is {@linkplain #abandon abandoned}, and then skips what it can.
     */
    synchronized void submit(Consumer<BooleanSupplier> save, Publication publication) {
        await();
        AtomicBoolean flag = new AtomicBoolean();
        abandoned = flag;
        pending = thread.submit(() -> {
            try {
                beforeSave.run();
                save.accept(flag::get);
            } finally {
                // Not waiting for the deletion of what the build moved aside: the next build or
                // preview need not wait for it either.
                released.accept(publication.release());
            }
            afterSave.run(); // the output folder released: a build of another process need not wait
        });
    }

    /**
     * {@link #await()}, asking the write under way to leave the state file unwritten if it is not
     * done: a preview of {@code kb serve --watch} replaces that file at once anyway, and should
     * not wait the second that writing it takes on a big site.
     */
    synchronized void abandon() {
        if (abandoned != null) {
            abandoned.set(true);
        }
        await();
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
            abandoned = null;
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
