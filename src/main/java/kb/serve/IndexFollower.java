package kb.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kb.search.Searcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server searching the index folder's newest commit, whoever wrote it ({@code kb serve
 * --watch} or a separate {@code kb build}): looks for a new commit every {@link #PERIOD} on a
 * background thread, and at once when told of a rebuild. A commit that cannot be opened (a build
 * in the middle of replacing the folder, an index of another schema version) leaves the server on
 * the commit it has; the problem is logged once, until it changes or goes away. Searches are never
 * held up: each runs on the commit it started with ({@link Searcher#refresh()}).
 */
final class IndexFollower implements AutoCloseable {

    /** How often the folder is looked at: a few file-name reads, and the newest commit found within this. */
    static final Duration PERIOD = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

    private final Searcher search;
    private final Runnable onNewCommit;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-index-follower");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean paused;
    private String lastProblem;

    /** @param onNewCommit run after a new commit is searched (on the thread that opened it) */
    IndexFollower(Searcher search, Runnable onNewCommit) {
        this.search = search;
        this.onNewCommit = onNewCommit;
        poller.scheduleWithFixedDelay(this::poll, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops or resumes looking by itself: while {@code kb serve --watch} rebuilds, a commit it
     * makes before it is done is not followed ({@link #refreshNow()} follows it after).
     */
    void pause(boolean pause) {
        this.paused = pause;
    }

    /** Searches the newest commit before returning, if it changed. */
    boolean refreshNow() {
        return refresh();
    }

    private void poll() {
        if (!paused) {
            refresh();
        }
    }

    private synchronized boolean refresh() {
        try {
            boolean changed = search.refresh();
            if (lastProblem != null) {
                LOG.info("the index can be read again");
                lastProblem = null;
            }
            if (changed) {
                onNewCommit.run();
            }
            return changed;
        } catch (RuntimeException e) {
            // An exception escaping would end the scheduled polling for good.
            if (!Objects.equals(lastProblem, e.getMessage())) {
                lastProblem = e.getMessage();
                LOG.warn("still searching the index as it was: {}", e.getMessage());
            }
            return false;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
