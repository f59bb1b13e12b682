package kb.site;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Runs the work of one page so that no page can cost the others: a bug (an exception), a stack
 * overflow or a page that takes longer than its time budget becomes an error of that page, which
 * is skipped, and the build goes on.
 *
 * <p>The work runs on threads of its own with a deep stack, the caller waiting for it up to the
 * budget. The deep stack is a margin, not the fix: the stages that recurse on what a page nests
 * (lists, block quotes) stop at a depth limit with a diagnostic long before (see
 * {@link kb.parse.MarkdownNesting}, kb.extract's list depth), but libraries recurse in places kb
 * cannot limit, such as the regular expression Flexmark matches a thematic break with (one stack
 * frame per dash: 3,000 dashes overflow the 1 MB stack of an ordinary thread). A page whose work
 * overruns the budget is reported and skipped while its thread goes on (Java cannot stop a
 * thread): the thread is a daemon and its result is dropped, so nothing of the page is written
 * and the build, and the JVM, can end.
 *
 * <p>Errors other than {@link StackOverflowError} and {@link AssertionError} are not caught: an
 * {@link OutOfMemoryError} or another {@link VirtualMachineError} leaves the JVM in no state to
 * go on. Thread-safe; {@link #close} when the stage is done.
 */
final class PageGuard implements AutoCloseable {

    /**
     * How long one page may take: 30 s. The slowest page of the dev corpus (the index page
     * id/exchange, 318 KB of Markdown) took 1.8 s to read in a clean build on a machine with two
     * cores and a load of 14, and no other page took more than 1.4 s; a page sixteen times slower
     * than that on a busy machine is not working, it is stuck.
     */
    static final Duration BUDGET = Duration.ofSeconds(30);

    /**
     * The stack of a page's thread. Reserved, not committed: a thread uses only what it touches.
     * 64 MB takes a thematic break of about 150,000 dashes; the Markdown and list depth limits
     * keep kb's own recursion far below it.
     */
    static final long STACK_BYTES = 64L << 20;

    private final Duration budget;
    private final ExecutorService threads;

    PageGuard() {
        this(BUDGET);
    }

    /** A guard with another budget (tests). */
    PageGuard(Duration budget) {
        this.budget = budget;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = work -> {
            Thread t = new Thread(null, work, "kb-page-" + count.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true); // a page stuck past its budget must not keep the JVM alive
            return t;
        };
        // As many threads as pages are under way (the callers' own parallelism bounds that);
        // idle ones end after a few seconds.
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory);
    }

    /**
     * Runs one page's work.
     *
     * @param file        the page's source file, as diagnostics show it
     * @param what        what the work does, for messages ("reading this page")
     * @param diagnostics where a failure is reported
     * @param work        the work; it must not write anything the build keeps (its result is
     *                    dropped when it overruns the budget)
     * @return what the work returned, or empty when it failed (reported)
     */
    <T> Optional<T> run(String file, String what, Diagnostics diagnostics, Supplier<Optional<T>> work) {
        long start = System.nanoTime();
        Future<Optional<T>> future = threads.submit(work::get);
        try {
            Optional<T> result = future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            // Done, but maybe only just past the budget: the same page must get the same answer
            // whether or not the wait had timed out yet.
            if (System.nanoTime() - start >= budget.toNanos()) {
                throw new TimeoutException();
            }
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            diagnostics.error(SourcePosition.of(file), what + " took longer than " + seconds(budget)
                    + "; the page is skipped");
            return Optional.empty();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StackOverflowError) {
                diagnostics.error(SourcePosition.of(file), "this page nests too deeply to be built (stack overflow while "
                        + what + "); the page is skipped");
            } else if (cause instanceof RuntimeException || cause instanceof AssertionError) {
                // A bug must not cost the other pages: report it against this page and go on.
                diagnostics.error(SourcePosition.of(file), "internal error while " + what + ": " + cause);
            } else if (cause instanceof Error error) {
                throw error;
            } else {
                throw new IllegalStateException(cause); // the work throws no checked exception
            }
            return Optional.empty();
        }
    }

    /** "30 s", "0.3 s". */
    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Lets the threads end; a page still running past its budget ends on its own. */
    @Override
    public void close() {
        threads.shutdown(); // not close(): that would wait for a page stuck past its budget
    }
}
