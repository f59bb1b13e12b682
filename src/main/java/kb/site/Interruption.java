package kb.site;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the build under way may still be stopped, and whether it was asked to
 * ({@link SiteBuilder#interrupt()}): a build is interruptible from its start until it begins to
 * change what is in place, or until it turns out to be a clean one. The build runs
 * {@link #checkpoint()} between stages and as each stage goes (pages, folders, related lists,
 * generated files), which throws {@link BuildInterrupted} once it was asked to stop. Thread-safe.
 */
final class Interruption {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int REQUESTED = 2;
    private static final int FORBIDDEN = 3;

    private final AtomicInteger phase = new AtomicInteger(IDLE);

    /** A build begins: it may be interrupted. */
    void begin() {
        phase.set(RUNNING);
    }

    /** The build is over, however it ended. */
    void end() {
        phase.set(IDLE);
    }

    /** Asks the build under way to stop; whether it will (false: none, or no longer interruptible). */
    boolean request() {
        return phase.compareAndSet(RUNNING, REQUESTED);
    }

    /** Throws {@link BuildInterrupted} when the build was asked to stop. */
    void checkpoint() {
        if (phase.get() == REQUESTED) {
            throw new BuildInterrupted();
        }
    }

    /**
     * From here on the build cannot be interrupted (a request that came before still stops it, by
     * throwing here). Called again, it changes nothing.
     */
    void forbid() {
        if (!phase.compareAndSet(RUNNING, FORBIDDEN) && phase.get() != FORBIDDEN) {
            throw new BuildInterrupted();
        }
    }

    /** {@code shown}, with a {@link #checkpoint()} as each phase starts and at each step. */
    BuildProgress checked(BuildProgress shown) {
        return new BuildProgress() {
            @Override
            public void started(String name, int total) {
                checkpoint();
                shown.started(name, total);
            }

            @Override
            public void advanced() {
                shown.advanced();
                checkpoint();
            }

            @Override
            public void advanced(int steps) {
                shown.advanced(steps); // in one batch, as the receiver may take them
                checkpoint();
            }

            @Override
            public void finished() {
                shown.finished();
            }
        };
    }
}
