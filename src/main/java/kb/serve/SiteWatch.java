package kb.serve;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import kb.diag.Diagnostics;
import kb.render.Theme;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.BuildInterrupted;
import kb.site.BuildResult;
import kb.site.BuildStopped;
import kb.site.SiteBuilder;

/**
 * {@code kb serve --watch}: rebuilds the site into the folders served when a source or template
 * changes, then has the server search the new index and reload the open pages
 * ({@link KbServer#rebuilt()}). Watches the source tree and the template folder the build uses
 * ({@link TreeWatcher}), not the output folders; waits for {@link #QUIET} without changes before
 * rebuilding, one rebuild at a time, and changes during a rebuild bring one more
 * ({@link ChangeBatcher}). Each rebuild prints its diagnostics and one summary line; one line
 * says when every folder is watched (a big tree takes seconds to register).
 *
 * <p>An edit of an article's text is shown first ({@link SiteBuilder#preview}): its page, and
 * its new words in searches, within a fraction of a second, while the rebuild that brings the rest
 * of the site up to date (listings, related lists, citing pages) runs; the pages reload again when
 * it is done. An article saved while an incremental rebuild runs interrupts it (unless it has begun to
 * change what is in place), is previewed, and a rebuild of everything changed follows.
 *
 * <p>A rebuild that fails (an exception) or reports errors does not reload the pages: they keep
 * showing the last good build until the sources are fixed. Nor does one that wrote no file (a
 * save without a change): nothing a page shows changed, unless a preview showed something else.
 * After a preview, a rebuild that fails before its index commit leaves the previewed pages
 * served, and their documents searched (the index holds them), until a rebuild succeeds. While a
 * rebuild runs, the server does not follow the index by itself, so no search sees a build that is
 * not done.
 */
public final class SiteWatch implements AutoCloseable {

    /** How long no change must come before a rebuild: a save is often several events. */
    static final Duration QUIET = Duration.ofMillis(100);
    private static final int NAMED_CHANGES = 3;

    private final BuildOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final int maxDiagnostics;
    private final boolean timings;
    private final Supplier<Diagnostics> collectors;
    private final SiteBuilder builder;
    private final List<Path> trees;
    private final ChangeBatcher batcher;
    private final TreeWatcher watcher;
    private KbServer server;
    /**
     * Whether a page was saved since the rebuild under way began (its preview included): that
     * rebuild is {@linkplain SiteBuilder#interrupt() interrupted}, or not started, so that the save
     * is previewed at once (see {@link #rebuild}).
     */
    private volatile boolean newerEdit;

    /**
     * Starts watching; changes from now on are kept for the first rebuild, which waits for
     * {@link #start(KbServer)} (the first build runs in between, and a change during it is not
     * missed).
     *
     * @param out            where each rebuild's summary line goes
     * @param err            where diagnostics and failures go
     * @param maxDiagnostics how many diagnostics of each kind are printed per rebuild
     * @param timings        whether each rebuild's phase timings are printed after its summary
     * @param collectors     makes the collector of each rebuild (the command's kind: strict or not),
     *                       whose diagnostics are printed to {@code err}
     */
    public SiteWatch(BuildOptions options, PrintWriter out, PrintWriter err, int maxDiagnostics, boolean timings,
            Supplier<Diagnostics> collectors) {
        this(options, out, err, maxDiagnostics, timings, collectors, BuildProgress.NONE);
    }

    /** A watch whose rebuilds report their progress to {@code rebuilds} (tests hold a rebuild there). */
    SiteWatch(BuildOptions options, PrintWriter out, PrintWriter err, int maxDiagnostics, boolean timings,
            Supplier<Diagnostics> collectors, BuildProgress rebuilds) {
        this.builder = new SiteBuilder(rebuilds, true);
        this.options = options;
        this.out = out;
        this.err = err;
        this.maxDiagnostics = maxDiagnostics;
        this.timings = timings;
        this.collectors = Objects.requireNonNull(collectors, "collectors");
        this.trees = trees(options);
        this.batcher = new ChangeBatcher(QUIET, this::rebuild, e -> {
            err.println("kb serve: rebuild failed: " + e);
            err.flush();
        }, "kb-rebuild");
        this.watcher = new TreeWatcher(trees, List.of(options.dest(), options.index()), new TreeWatcher.Listener() {
            @Override
            public void changed(Path path) {
                // A save of an article during a rebuild: the rebuild stops, the page is previewed and
                // the rebuild starts again with it. Asked before the change is handed on, so that
                // it never stops the rebuild of its own batch.
                if (builder.previews(path)) {
                    newerEdit = true;
                    builder.interrupt();
                }
                batcher.changed(path);
            }

            @Override
            public void ready(int folders, Duration took) {
                out.println(String.format(Locale.ROOT, "kb serve: watching %s (%,d folders, ready in %.1f s)",
                        String.join(", ", trees.stream().map(Path::toString).toList()), folders, took.toNanos() / 1e9));
                out.flush();
            }

            @Override
            public void warning(String message) {
                err.println("kb serve: warning: " + message);
                err.flush();
            }
        });
    }

    /**
     * The source tree and the build's template folder, if it has one besides the built-in theme
     * (the theme's last folder, inside kb).
     */
    private static List<Path> trees(BuildOptions options) {
        List<Path> trees = new ArrayList<>(List.of(options.source()));
        List<Path> themes = Theme.locate(options.templates(), options.source()).roots();
        themes.subList(0, themes.size() - 1).stream().filter(Files::isDirectory).forEach(trees::add);
        return List.copyOf(trees);
    }

    /** The folders watched, with their subfolders. */
    public List<Path> trees() {
        return trees;
    }

    /**
     * The first build, by the builder that rebuilds (which then keeps its state in memory), with
     * its progress shown on {@code progress}; problems go to {@code diagnostics}.
     */
    public BuildResult build(Diagnostics diagnostics, BuildProgress progress) {
        return builder.build(options, diagnostics, progress);
    }

    /** Rebuilds after changes from now on, into the folders {@code server} serves. */
    public synchronized void start(KbServer server) {
        this.server = Objects.requireNonNull(server, "server");
        batcher.start();
    }

    private void rebuild(Set<Path> changed) {
        KbServer served;
        synchronized (this) {
            served = server;
        }
        served.rebuilding(true);
        newerEdit = false;
        boolean previewed = preview(served, changed);
        Diagnostics diagnostics = collectors.get();
        BuildResult result;
        if (newerEdit) {
            served.rebuilding(false); // saved during the preview: that edit is previewed before a rebuild
            return;
        }
        long building = System.nanoTime();
        try {
            result = builder.build(options, diagnostics);
        } catch (BuildInterrupted e) {
            // Its diagnostics are not printed: the next rebuild reads the same files.
            out.println(String.format(Locale.ROOT, "kb serve: rebuild after %s interrupted after %.1f s by a newer"
                    + " edit; previewing it, then rebuilding", describe(changed), (System.nanoTime() - building) / 1e9));
            out.flush();
            served.rebuilding(false);
            return;
        } catch (BuildStopped e) {
            // The configuration or a template is broken: nothing was written, the site served stays.
            diagnostics.print(err, maxDiagnostics);
            err.println("kb serve: rebuild after " + describe(changed) + " stopped: " + e.getMessage()
                    + "; still serving the last site built");
            err.flush();
            served.rebuilding(false);
            return;
        } catch (RuntimeException e) {
            diagnostics.print(err, maxDiagnostics);
            err.println("kb serve: rebuild after " + describe(changed) + " failed: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()) + "; the pages open are not reloaded");
            err.flush();
            served.rebuilding(false);
            return;
        }
        diagnostics.print(err, maxDiagnostics);
        err.flush();
        if (diagnostics.hasErrors()) {
            served.rebuilt(false);
            out.println("kb serve: rebuilt after " + describe(changed) + " with errors: " + result.summary()
                    + "; the pages open are not reloaded until they are fixed");
        } else if (result.written() == 0) {
            // After a preview the open pages show it: they reload to show the site again.
            served.rebuilt(previewed);
            out.println("kb serve: rebuilt after " + describe(changed) + ": " + result.summary()
                    + (previewed ? "; nothing changed since the last rebuild, the pages open are reloaded"
                            : "; nothing changed, the pages open are not reloaded"));
        } else {
            long start = System.nanoTime();
            served.rebuilt(true);
            out.println("kb serve: rebuilt after " + describe(changed) + ": " + result.summary()
                    + String.format(Locale.ROOT, "; index reopened and pages reloaded in %.2f s",
                            (System.nanoTime() - start) / 1e9));
        }
        if (timings) {
            out.println("kb serve: phases: " + result.timingLine());
        }
        out.flush();
    }

    /**
     * Shows edited articles at once when the changes are text edits of articles
     * ({@link SiteBuilder#preview}): their pages are served and their new words found while the
     * rebuild brings the rest of the site up to date. A preview that fails is only reported: the
     * rebuild follows either way.
     */
    private boolean preview(KbServer served, Set<Path> changed) {
        long start = System.nanoTime();
        Optional<Map<String, String>> pages;
        try {
            // Not printed: the rebuild reads the same files and reports what they hold.
            pages = builder.preview(options, changed, collectors.get());
        } catch (RuntimeException e) {
            err.println("kb serve: preview of " + describe(changed) + " failed: " + e + "; rebuilding");
            err.flush();
            return false;
        }
        if (pages.isEmpty()) {
            return false;
        }
        // Said before the pages reload: whoever watches both sees the line first.
        out.println(String.format(Locale.ROOT, "kb serve: previewed %s in %.2f s (page%s and search);"
                + " rebuilding the rest", describe(changed), (System.nanoTime() - start) / 1e9,
                pages.get().size() == 1 ? "" : "s"));
        out.flush();
        served.previewed(pages.get());
        return true;
    }

    /** "1 change (content/a.md)", "5 changes (content/a.md, content/b.md, content/c.md, ...)". */
    static String describe(Set<Path> changed) {
        Path here = Path.of("").toAbsolutePath();
        List<String> names = changed.stream().limit(NAMED_CHANGES)
                .map(p -> p.isAbsolute() && p.startsWith(here) ? here.relativize(p).toString() : p.toString())
                .toList();
        return changed.size() + (changed.size() == 1 ? " change (" : " changes (") + String.join(", ", names)
                + (changed.size() > NAMED_CHANGES ? ", ...)" : ")");
    }

    /** Stops watching; a rebuild under way is waited for, up to {@link ChangeBatcher#CLOSE_WAIT}. */
    @Override
    public void close() {
        watcher.close();
        batcher.close();
        builder.close(); // the last rebuild's state is written before kb serve stops
    }
}
