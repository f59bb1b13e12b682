package kb.diag;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread-safe collector of diagnostics for one command run. Stages running on several threads
 * report into the same instance; the command prints them sorted by file and line at the end.
 */
public final class Diagnostics {

    private final ConcurrentLinkedQueue<Diagnostic> all = new ConcurrentLinkedQueue<>();
    /** What was reported, so that a stage reading a file again does not report its problems twice. */
    private final java.util.Set<Diagnostic> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger warnings = new AtomicInteger();
    /** The collector this one reports into as well, or null. */
    private final Diagnostics parent;
    /** Whether warnings are recorded as errors ({@code --strict}). */
    private final boolean strict;

    /**
     * A collector for one command run. Only the commands (and tests) make one: every other part of
     * kb reports into the collector it is given, or into a {@link #child()} of it, so that nothing
     * reported is lost (a test forbids {@code new Diagnostics} elsewhere).
     */
    public Diagnostics() {
        this(null, false);
    }

    /**
     * A collector for one command run that, when {@code strict}, records every warning as an error
     * ({@code kb build --strict}): the same message at the same place, counted and printed as an
     * error, so that the run fails.
     */
    public Diagnostics(boolean strict) {
        this(null, strict);
    }

    private Diagnostics(Diagnostics parent, boolean strict) {
        this.parent = parent;
        this.strict = strict;
    }

    /**
     * A collector for one part of a run (one page of a build) that reports everything into this
     * one too and remembers what that part reported, so that a later incremental build can report
     * it again without redoing the work. It is as strict as this one.
     */
    public Diagnostics child() {
        return new Diagnostics(this, strict);
    }

    /** Whether warnings are recorded as errors. */
    public boolean strict() {
        return strict;
    }

    /** What was reported here, in order. */
    public List<Diagnostic> reported() {
        return List.copyOf(all);
    }

    /**
     * Records one diagnostic (a warning as an error when strict). The same diagnostic (position,
     * severity and message) reported again counts once: the build reads some files in two phases,
     * and each phase reports what it finds.
     */
    public void report(Diagnostic reported) {
        Diagnostic diagnostic = strict && reported.severity() == Severity.WARNING
                ? new Diagnostic(Severity.ERROR, reported.at(), reported.message()) : reported;
        if (!seen.add(diagnostic)) {
            return;
        }
        all.add(diagnostic);
        (diagnostic.severity() == Severity.ERROR ? errors : warnings).incrementAndGet();
        if (parent != null) {
            parent.report(diagnostic);
        }
    }

    public void error(SourcePosition at, String message) {
        report(Diagnostic.error(at, message));
    }

    public void warning(SourcePosition at, String message) {
        report(Diagnostic.warning(at, message));
    }

    public int errorCount() {
        return errors.get();
    }

    public int warningCount() {
        return warnings.get();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** All diagnostics so far, sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(all);
        list.sort(Comparator.comparing((Diagnostic d) -> d.at().file())
                .thenComparingInt(d -> d.at().line())
                .thenComparingInt(d -> d.at().column()));
        return list;
    }

    /**
     * Prints the diagnostics, errors first, at most {@code limit} of each severity, and a line
     * saying how many were left out.
     */
    public void print(PrintWriter out, int limit) {
        List<Diagnostic> list = sorted();
        for (Severity severity : new Severity[] {Severity.ERROR, Severity.WARNING}) {
            List<Diagnostic> some = list.stream().filter(d -> d.severity() == severity).toList();
            some.stream().limit(limit).forEach(out::println);
            if (some.size() > limit) {
                out.println("... and " + (some.size() - limit) + " more " + severity.label() + "s");
            }
        }
    }
}
