package kb.site;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import kb.catalog.Catalog;
import kb.collect.Frozen;
import kb.catalog.ProductNames;
import kb.check.CheckReport;
import kb.check.SiteChecker;
import kb.check.SourceManifest;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.search.SearchIndexer;
import kb.related.RelatedFinder;
import kb.source.SourceWatch;
import kb.state.BuildState;
import kb.state.Fingerprint;
import kb.state.GeneratedFiles;
import kb.state.OutputRecord;
import kb.state.PageRecord;
import kb.state.PageRecord.ArticleFacts;
import kb.state.SourceRecord;
import kb.state.StateFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds a site and its search index from a Jekyll source tree, in named, timed stages:
 * configure, plan (scan, front matter, URLs), copy static files, extract (each changed page read
 * once: its article, content and search document), catalog, relate (related articles),
 * render (navigation, layouts), generate (listings, feeds, sitemaps, search files), commit
 * (the index), check (links), prune, publish (the site swapped in) and save (the build state;
 * after {@link #build} returns when the builder writes it in the background). A rebuild into the same folders is
 * incremental: the state the last build left beside the output says what each page was made
 * from, and only what an edit changes is made again (see {@link kb.state.BuildState}).
 */
public final class SiteBuilder {

    private final BuildProgress progress;
    private final Interruption interruption = new Interruption();
    /**
     * The state the last build of this builder wrote, with the stamp of its file: a builder that
     * builds again ({@code kb serve --watch}) need not read back what it wrote. Null until then.
     */
    private Remembered remembered;

    /**
     * @param stamp the stamp of the state's file; null for a state that a preview changed, whose
     *              file is deleted (see {@link #preview})
     * @param token for such a state, the mark the preview left in its file's place
     * @param warm  what the build that left the state made, for the next build to start from; null
     *              when the state was read from its file or changed by a preview
     */
    private record Remembered(BuildState state, String stamp, String token, Warm warm) {

        Remembered(BuildState state, String stamp) {
            this(state, stamp, null, null);
        }

        Remembered(BuildState state, String stamp, String token) {
            this(state, stamp, token, null);
        }

        /** This state without what its build made (kept for a build that cannot start from it). */
        Remembered cooled() {
            return warm == null ? this : new Remembered(state, stamp, token, null);
        }

        /** Whether this is still the state of the site and index in place: no other build since. */
        boolean current(StateFile file) {
            return stamp != null ? file.stamp().equals(Optional.of(stamp)) : file.markedBy(token);
        }
    }

    /**
     * The site of this builder's last build, to preview edits on ({@link #preview}); null unless
     * the builder serves what it builds ({@code stateInBackground}), and from a build's commit until
     * its state is written.
     */
    private volatile SitePreview lastSite;
    /**
     * For a builder that serves what it builds, the thread still deleting what its last
     * publication moved aside (a stale spare folder: a whole site), which the next one follows
     * rather than waits for ({@link Publication#release()}); null when none.
     */
    private volatile Thread deleting;
    /** The site the build under way builds on, while it may be interrupted for a preview of it. */
    private volatile SitePreview interruptibleFor;

    /**
     * Writes the build state after {@link #build} returns, when the builder serves the site it
     * builds ({@code kb serve --watch}): a rebuild is shown without waiting for the state, which
     * the next build takes from memory anyway. Null: the state is written within the build.
     */
    private final StateWriter stateWriter;
    /** Whether the builder keeps its last build's site to {@link #preview} edits on. */
    private final boolean previews;

    public SiteBuilder(BuildProgress progress) {
        this(progress, false);
    }

    /**
     * A builder that writes the build state after {@link #build} returns when
     * {@code stateInBackground} is true; the output folder stays locked until it is written, and
     * {@link #awaitStateWrite()} waits for it. Such a builder ({@code kb serve --watch}) also keeps
     * its last build's site in memory, to {@link #preview} edits on.
     */
    public SiteBuilder(BuildProgress progress, boolean stateInBackground) {
        this(progress, stateInBackground ? new StateWriter() : null, stateInBackground, new BuilderMemory(null));
    }

    /**
     * A builder for the build daemon: it writes the build state after {@link #build} returns, as
     * {@code kb serve --watch}'s does, but keeps no site to preview on (a quarter of the heap on
     * a big site, which its builds would collect garbage in); once the state is written, it has
     * the JVM collect its garbage, while no build waits.
     */
    public static SiteBuilder resident(BuildProgress progress) {
        return resident(progress, message -> { });
    }

    /**
     * A builder for the build daemon, as {@link #resident(BuildProgress)}, which also watches the
     * source folder of its builds for changes ({@link SourceWatch}): its next build reads only the
     * folders that changed. {@code log} hears why a watch cannot be kept.
     */
    public static SiteBuilder resident(BuildProgress progress, Consumer<String> log) {
        // Its heap holds, between builds, what the next build starts from and the garbage of the
        // last one, much of it old (the state's records, its encoding). Collected while the daemon
        // waits, not by the parallel collector's full collections during the next build: on the
        // archive (768 MB heap) three edits took three of them, half a second each.
        return new SiteBuilder(progress, new StateWriter(() -> { }, System::gc), false, new BuilderMemory(log));
    }

    /**
     * A builder for {@link EditRehearsal}'s copy of a site: a daemon's, but one that leaves the
     * daemon's garbage to the daemon's own builder (each full collection after a save would take
     * the daemon's whole heap through, a second per build of a small copy of a big site).
     */
    static SiteBuilder rehearsing() {
        return new SiteBuilder(BuildProgress.NONE, new StateWriter(), false, new BuilderMemory(message -> { }));
    }

    /** What this builder keeps between its builds: its source watch, its folders' records, the articles' order. */
    private final BuilderMemory memory;

    /** A builder that writes its states with {@code stateWriter} (null: within the build). */
    SiteBuilder(BuildProgress progress, StateWriter stateWriter) {
        this(progress, stateWriter, stateWriter != null, new BuilderMemory(null));
    }

    private SiteBuilder(BuildProgress progress, StateWriter stateWriter, boolean previews, BuilderMemory memory) {
        this.memory = memory;
        this.progress = progress;
        this.stateWriter = stateWriter;
        this.previews = previews;
        if (stateWriter != null) {
            stateWriter.onRelease(thread -> deleting = thread);
        }
    }

    /**
     * Waits until the state of the last build is written, if it is being written in the
     * background; a write that failed is thrown here (the next build is then a clean one).
     */
    public void awaitStateWrite() {
        if (stateWriter != null) {
            stateWriter.await();
        }
    }

    /**
     * Reads the state the last build into {@code dest} left, so that this builder's first build
     * there starts from memory as its next ones do (the build daemon reads it while no build
     * waits). Nothing is kept when there is no state this kb can read, or the file changes
     * meanwhile; a build then reads what it finds.
     */
    public synchronized void recall(Path dest) {
        StateFile file = StateFile.beside(dest);
        Optional<String> stamp = file.stamp();
        Optional<BuildState> state = stamp.isPresent() ? file.read(StateFile.kbVersion()) : Optional.empty();
        file.forgetRead();
        if (state.isPresent() && file.stamp().equals(stamp)) {
            remembered = new Remembered(state.get(), stamp.get());
        }
    }

    /**
     * Waits until what this builder's last build moved aside is deleted, which a builder that
     * serves what it builds leaves to a thread of its own ({@link EditRehearsal} deletes its whole
     * copy after its builds).
     */
    void awaitDeletion() throws InterruptedException {
        Thread thread = deleting;
        if (thread != null) {
            thread.join();
        }
    }

    /** Waits for the state being written, then stops the thread that writes it. */
    public void close() {
        memory.close();
        if (stateWriter != null) {
            stateWriter.close();
        }
    }

    /**
     * Runs a build; problems in the input are reported to {@code diagnostics}, not thrown. The
     * site is written beside the output folder and swapped in whole once it is complete and the
     * index committed (see {@link Publication}): a build that fails or is stopped leaves the site,
     * the index and the build state as the last build left them.
     *
     * @throws IllegalArgumentException when the folders given cannot be used (the message says why)
     */
    public BuildResult build(BuildOptions options, Diagnostics diagnostics) {
        return build(options, diagnostics, progress);
    }

    /**
     * A build that shows its progress on {@code progress} rather than on the builder's.
     *
     * @throws BuildInterrupted when {@link #interrupt()} stopped it
     */
    public synchronized BuildResult build(BuildOptions options, Diagnostics diagnostics, BuildProgress progress) {
        awaitStateWrite();
        // A build that fails leaves no site to preview on: previews wait for one that succeeds. One
        // interrupted has changed nothing the last build's site stands on: that site stays.
        SitePreview base = lastSite;
        interruptibleFor = base; // before lastSite is cleared: a save meanwhile is still seen as a page
        interruption.begin();
        lastSite = null;
        try {
            long start = System.nanoTime();
            requireSeparateFolders(options);
            Stages stages = new Stages(interruption::checkpoint);
            Setup setup = stages.run("configure", () -> Setup.load(options, diagnostics, memory.layouts()));
            Publication publication = Publication.open(options.dest(), deleting, progress::note)
                    .remembering(memory.spareRecords());
            boolean handedOver = false;
            try {
                Built built = build(setup, publication, stages, diagnostics, interruption.checked(progress), start);
                if (stateWriter == null) {
                    stages.run("save", () -> built.saveState().accept(() -> false));
                    return built.result().withTimings(stages.timings(), (System.nanoTime() - start) / 1e9);
                }
                stateWriter.submit(built.saveState(), publication);
                handedOver = true;
                return built.result();
            } catch (BuildInterrupted e) {
                publication.saveSpareAsLeft(StateFile.kbVersion());
                throw e;
            } finally {
                if (!handedOver) {
                    close(publication);
                }
            }
        } catch (BuildInterrupted e) {
            lastSite = base;
            throw e;
        } finally {
            interruption.end();
            interruptibleFor = null;
        }
    }

    /**
     * Builds as {@link #build} does, but only when the sources, configuration and theme are those
     * of the last build in place, to have the next builds start warm: a build daemon's first build
     * reads the whole state, compiles kb's code and fills the spare folder (on the archive, 15 s
     * where the next ones take one or two), and its watch of the source folder vouches for a scan
     * only from the scan after its registration. So it builds twice: once, and again once the watch
     * is in place. Such a build changes nothing visible unless the site in place lacks something
     * the state says it holds (it is then put back, as any build would); when anything changed
     * since the last build, it stops before writing and the next build is an ordinary one.
     *
     * @return whether it built (false: something changed, or there is no state to build on)
     */
    public synchronized boolean warmUp(BuildOptions options, Diagnostics diagnostics) {
        warming = true;
        try {
            try {
                build(options, diagnostics);
            } catch (BuildInterrupted e) {
                return false;
            }
            SourceWatch followed = memory.lastWatch();
            if (followed != null && followed.awaitRegistered(java.time.Duration.ofMinutes(1))) {
                build(options, diagnostics);
            }
            prepareForEdits();
            return true;
        } catch (BuildInterrupted e) {
            return true; // an edit since the first: the next build reads it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            warming = false;
        }
    }

    /**
     * Makes what the last build kept for the next one ready for an edit: what a build in which
     * nothing changed keeps without making it (the related lists' word index, the listings'
     * orders), which the first edit's build would otherwise make (on the archive, a second of
     * its two).
     */
    private void prepareForEdits() {
        awaitStateWrite();
        Remembered known = remembered;
        if (known != null && known.warm() != null) {
            remembered = new Remembered(known.state(), known.stamp(), known.token(), known.warm().preparedForEdits());
        }
    }

    /**
     * Rehearses an edit after {@link #warmUp}: builds a small copy of the last build's site in a
     * folder of kb's own beside the build state, with one article edited and put back twice (see
     * {@link EditRehearsal}), so that the code of an edit's build is compiled before the writer's
     * first edit. The site, index and state in place are not touched, nor what this builder keeps
     * for its next build.
     *
     * @param diagnostics what the copy's builds report, of the copy's files
     * @return what was rehearsed; empty when this builder has no build of {@code options} to copy
     *         or the site has no article text to edit
     * @throws java.io.UncheckedIOException when the copy cannot be written or deleted
     */
    public synchronized Optional<EditRehearsal.Rehearsed> rehearseEdit(BuildOptions options, Diagnostics diagnostics) {
        awaitStateWrite();
        Remembered known = remembered;
        if (known == null || known.warm() == null) {
            return Optional.empty();
        }
        Map<String, String> articles = new java.util.HashMap<>();
        known.state().pages().values().forEach(page -> page.article()
                .ifPresent(article -> articles.put(page.source(), article.entry().summary())));
        return new EditRehearsal(options, StateFile.beside(options.dest()).companion(".rehearsal"))
                .run(articles, diagnostics);
    }

    /** While {@link #warmUp} builds: a build stops unless it builds on the last one with the same sources. */
    private boolean warming;

    /**
     * Stops the build under way, if it has not yet begun to change what is in place (its last
     * stages delete files from the spare folder, commit the index and swap the site in): it throws
     * {@link BuildInterrupted} within moments, leaving everything as the last build left it, and
     * what it wrote to the spare folder recorded for the next build. Any thread.
     *
     * @return whether the build under way stops; false when there is none, or it can no longer
     *         stop: it has begun to change what is in place, or it makes every page (a clean build,
     *         or one after a theme change: minutes on a big site; a save during it waits for it
     *         rather than start it over)
     */
    public boolean interrupt() {
        return interruption.request();
    }

    /**
     * Whether {@code changed} is the source of an article page of the site that {@link #preview} shows
     * edits on: the last build's, also while a build runs on it ({@code kb serve --watch}
     * {@link #interrupt()}s a rebuild for such a save). A cheap test, no file read; any thread,
     * never waits.
     */
    public boolean previews(Path changed) {
        SitePreview site = interruptibleFor;
        if (site == null) {
            site = lastSite;
        }
        return site != null && site.hasArticle(changed);
    }

    /**
     * Shows edited articles at once, before the build that brings the whole site up to date
     * ({@code kb serve --watch}): when every path in {@code changed} is the source of an article page
     * of this builder's last build and the edit is to its text (see {@link SitePreview}), makes
     * those pages from the last build's site and commits their search documents to the index. The
     * site folder is not touched: the pages are returned, for the server to show until the build.
     *
     * <p>The state the next build of this builder starts from then marks those pages as having
     * another search document ({@link SitePreview#marked}), so that build makes them and their documents
     * again, whatever happened to the files meanwhile: its site and index equal a clean build's.
     * The state file is replaced by a mark ({@link StateFile#deleteForPreview}): a build in another
     * process is a clean one, and once it commits, this builder's next build reads what that one
     * left (or builds clean). A build of this builder that fails leaves nothing to preview on
     * until one succeeds.
     *
     * @param diagnostics what reading the edited articles finds (the build after the preview
     *                    reports it too)
     * @return the pages, by output path below the site folder; empty when there is nothing to
     *         preview (only a build can show such changes) or no successful build of these options
     *         before
     */
    public synchronized Optional<Map<String, String>> preview(BuildOptions options, Set<Path> changed,
            Diagnostics diagnostics) {
        // The state file the last build is writing would be replaced by the preview's mark: it is
        // left unwritten (the next build writes its own), and its mark put in place at once.
        if (stateWriter != null) {
            stateWriter.abandon();
        }
        SitePreview site = lastSite;
        Remembered known = remembered;
        if (site == null || known == null || !site.of(options)) {
            return Optional.empty();
        }
        Publication publication = Publication.open(options.dest(), deleting);
        try {
            StateFile stateFile = StateFile.beside(options.dest());
            if (!known.current(stateFile) || !SearchIndexer.canUpdate(options.index())) {
                return Optional.empty(); // another build wrote the site since: the next build reads its state
            }
            Optional<Map<String, SitePreview.Page>> pages = site.pages(changed, known.state(), diagnostics);
            if (pages.isEmpty()) {
                return Optional.empty();
            }
            String token = UUID.randomUUID().toString();
            SitePreview.commit(pages.get(), options.index(), () -> {
                stateFile.deleteForPreview(token);
                remembered = new Remembered(SitePreview.marked(known.state(), pages.get().keySet()), null, token);
            });
            Map<String, String> html = new LinkedHashMap<>();
            pages.get().forEach((path, page) -> html.put(path, page.html()));
            return Optional.of(html);
        } finally {
            close(publication);
        }
    }

    /**
     * Closes a publication; a builder that serves what it builds releases it, leaving the
     * deletion of what it moved aside to go on in the background (see {@link #deleting}).
     */
    private void close(Publication publication) {
        if (stateWriter == null) {
            publication.close();
        } else {
            deleting = publication.release();
        }
    }

    /** A build done but for its state: the result, and what writes the state. */
    private record Built(BuildResult result, Consumer<BooleanSupplier> saveState) {
    }

    private Built build(Setup setup, Publication publication, Stages stages, Diagnostics diagnostics,
            BuildProgress progress, long start) {
        BuildOptions options = setup.options();
        StateFile stateFile = StateFile.beside(options.dest());
        String kb = StateFile.kbVersion();
        // The last state describes the site in place even when this build cannot build on it.
        BuildState last = stages.run("state", () -> lastState(stateFile));
        BuildState previous = usable(last, setup);
        // What the last build of this builder made, when this build builds on its state.
        // Held in a cell that the build empties once it has used it (after the manifest), so that
        // the last build's plan, catalog and word index are not kept through the stages that
        // need the heap most; an interrupted build's successor then starts without them.
        Warm[] warm = {remembered != null && remembered.state() == previous && remembered.warm() != null
                && remembered.warm().fits(setup) ? remembered.warm() : null};
        if (remembered != null) {
            remembered = remembered.cooled();
        }
        // Only the theme changed: every page and generated file is laid out again (each page's
        // source read once more, in the render stage), with the articles, search documents and
        // related lists the last build read: no template takes part in reading a page, so
        // nothing is extracted or indexed again.
        boolean restyled = !previous.isEmpty() && previous.theme() != setup.themeKey();
        if (warming && (previous.isEmpty() || restyled)) {
            throw new BuildInterrupted(); // a warm-up builds only what the last build built
        }
        if (previous.isEmpty() || restyled) {
            // Every page is made: interrupted, such a build would start over at every save.
            interruption.forbid();
        }
        if (previous.isEmpty()) {
            stateFile.forgetRead();
        }
        // Only the files of a state this build cannot build on are needed (the spare's contents
        // once swapped): its pages, windows and lists would take a quarter of the heap all build long.
        boolean hadLast = !last.isEmpty();
        Map<String, OutputRecord> lastOutputs = last.outputs();
        last = null;
        Map<String, OutputRecord> spare = stages.run("spare", () -> publication.openSpare(kb, previous.isEmpty()));
        // The spare as its last build left it (a builder that builds again remembers that).
        SpareFolders spareAsLeft = previous.isEmpty() ? null : memory.spare(publication.spare());
        OutputFolder folder = new OutputFolder(publication.spare(), spareAsLeft == null ? Set.of()
                : stages.run("spare", () -> spareAsLeft.unchanged(publication.spare())));
        folder.prepare();
        // Files known to be written, so that the link check settles most links as pages are written.
        KnownFiles known = new KnownFiles();
        SiteChecker.Session links = SiteChecker.Session.of(setup.config().baseurl(), setup.config().url(), known);
        OutputWriter out = new OutputWriter(folder, publication.live(), previous, spare, links);
        // Should the build be interrupted, the spare's record is written from what it wrote there.
        publication.writing(out::spareNow);
        SourceWatch sourceWatch = memory.watch(options);
        SitePlan lastPlan = warm[0] == null ? null : warm[0].plan();
        SourceWatch.Changes changed = sourceWatch == null ? null
                : sourceWatch.begin(lastPlan == null ? null : lastPlan.tree()).orElse(null);
        SitePlan plan = stages.run("plan", () -> new SitePlanner(interruption::checkpoint).plan(options, setup.config(),
                setup.theme(), previous, lastPlan, changed, diagnostics, progress));
        if (sourceWatch != null) {
            sourceWatch.follow(plan.tree());
        }
        if (warming && !plan.sources().equals(previous.sources())) {
            throw new BuildInterrupted(); // an edit since the last build: the user's next build shows it
        }
        known.planned(plan.outputs());
        known.addAll(SearchAssets.OUTPUTS);
        stages.run("copy", () -> plan.copies().forEach((to, from) -> {
            long stamp = stamp(from, to);
            out.copy(from, to, stamp, unchanged(from, to, stamp, options, plan, previous));
        }));

        // One thread more than there are cores: page writes wait on the disk now and then.
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors() + 1);
        Catalog catalog;
        int generatedCount;
        RenderStage.Rendered rendered;
        CheckReport check;
        // The related lists, kept in the state with the windows they came from (the pages'
        // records): only when every article page has its record, else the next build has no
        // windows to compare with and computes every list.
        Map<String, List<String>> keptRelated;
        RelatedFinder.Computed computedRelated;
        ManifestStage.Written manifestDone;
        GeneratedFiles generatedFiles;
        SitePreview site;
        long[] names = {0};
        Set<String> readingSite;
        List<ArticleFacts> factsInOrder;
        SearchIndexer index = new SearchIndexer(options.index(), previous.isEmpty());
        try {
            Map<String, String> titles = listingTitles(plan);
            PageProcessor processor = PageProcessor.forBuild(setup, plan, diagnostics);
            long namesKey = Fingerprint.of(new TreeMap<>(titles).toString());
            names[0] = namesKey;
            // A plan patched from the last one, with the same names: the unchanged pages' keys are the last build's.
            ExtractStage.Shortcut shortcut = warm[0] != null && plan.patched().isPresent() && warm[0].namesKey() == namesKey
                    ? new ExtractStage.Shortcut(plan.patched().get(), warm[0].readingSite()) : null;
            ExtractStage.Extracted extracted = stages.run("extract", () -> {
                ExtractStage.Extracted all = pool.submit(() -> new ExtractStage(processor, plan, previous, index,
                        new ProductNames(titles), namesKey).withShortcut(shortcut).run(diagnostics, progress)).join();
                // Every document is in: a clean build's index merges while the pages are laid out
                // (the documents still in memory are written first, timed with this stage).
                index.mergeInBackground();
                return all;
            });
            readingSite = extracted.readingSite();
            List<ArticleFacts> facts = memory.byPath(extracted.facts());
            factsInOrder = facts;
            // The catalog before the related lists, not beside them: made beside them, it ran on
            // after an interruption (kb serve --watch waits for the build's threads before it
            // previews) and slowed the lists' stretches between checkpoints; in bench/watch.sh
            // two saves made during rebuilds then waited 1.0 and 1.4 s for their previews.
            List<kb.catalog.CatalogEntry> entries = facts.stream().map(ArticleFacts::entry).toList();
            catalog = stages.run("catalog", () -> warm[0] != null && warm[0].catalog() != null
                    ? warm[0].catalog().updated(entries) : new Catalog(entries));
            RelatedFinder.Computed relatedKept = stages.run("relate", () -> pool.submit(() -> RelateStage.run(facts,
                    previous, warm[0] == null ? null : warm[0].related(), warm[0] == null ? null : warm[0].facts(),
                    interruption::checkpoint)).join());
            computedRelated = relatedKept;
            Map<String, List<String>> related = RelateStage.byId(relatedKept.lists());
            UnchangedSite unchanged = restyled ? UnchangedSite.CHANGED : UnchangedSite.of(plan, extracted, previous, shortcut);
            ArticleFinisher articles = new ArticleFinisher(setup.config(), catalog, related, processor);
            Predicate<String> showsAsBefore = showsAsBefore(unchanged, articles);
            site = !previews ? null : new SitePreview(setup, plan, articles, processor, new ProductNames(titles),
                    extracted.facts().keySet());
            RenderStage.Rendered pages = stages.run("render", () -> pool.submit(() -> new RenderStage(setup, plan,
                    previous, extracted, articles, processor, out, showsAsBefore).run(diagnostics, progress)).join());
            rendered = pages;
            keptRelated = pages.everyArticle() ? related : Map.of();
            GeneratedFiles made = stages.run("generate", () -> pool.submit(() -> new GenerateStage(setup, plan, catalog,
                    known, out, interruption::checkpoint).run(unchanged.shapeHolds() ? previous.generated() : Optional.empty(),
                    unchanged.retold(), diagnostics)).join());
            generatedCount = made.counted();
            generatedFiles = made;
            // What the build writes, as the writer records it (the manifest comes next): nothing is
            // written after the manifest, so from then on these are every output of the build.
            Set<String> keep = java.util.Collections.unmodifiableSet(out.outputs().keySet());
            Warm used = warm[0];
            manifestDone = stages.run("manifest", () -> ManifestStage.write(options, setup.config(), plan, keep, out,
                    used == null ? null : used.manifest(), used == null ? List.of() : used.plan().pages(), diagnostics));
            warm[0] = null;
            SourceManifest manifest = manifestDone.manifest();
            boolean removed = stages.run("prune", () -> {
                interruption.forbid();
                boolean any = prune(folder, spare, out, keep);
                if (stateWriter != null) {
                    // For the build after next, which writes this folder again (see SpareFolders);
                    // in a warm-up, the output folder in place too (the spare of the build after
                    // the next visible one), its page folders looked at once, here.
                    memory.recordFolders(folder.root(), keep, publication.live(), warming && !previous.isEmpty(),
                            previous.outputs().keySet(), previous,
                            out.keepsEveryOutputOfLast() && keep.size() == previous.outputs().size());
                }
                return any;
            });
            // kb check on what was written: the pages were scanned as they were written, not read back.
            // The pages an incremental build kept need not be scanned again unless a page or an id
            // they could link to is gone, or the last check found broken links (they may be fixed).
            boolean scanRest = previous.isEmpty() || restyled || removed || out.anchorsChanged() || previous.broken() > 0;
            check = stages.run("check", () -> links.finish(options.dest().toAbsolutePath().normalize(),
                    folder.root(), java.util.Collections.unmodifiableSet(keep), manifest,
                    options.strict() ? Severity.ERROR : Severity.WARNING,
                    diagnostics, System.nanoTime(), scanRest));
            stages.run("commit", () -> {
                removeDocuments(previous, pages, index);
                // From the commit on, the state no longer describes the site and index in place
                // together: a build stopped before it saves its own leaves none (the next is clean).
                stateFile.delete();
                remembered = null;
                lastSite = null;
                index.close();
            });
        } finally {
            // Pages an interruption or a failure left under way finish first: what the spare holds is known.
            pool.shutdown();
            awaitTermination(pool);
            index.rollback(); // after a failure: the index stays as the last build left it (no-op once closed)
        }
        SitePreview builtSite = site;
        RelatedFinder.Computed relatedDone = computedRelated;
        Catalog catalogDone = catalog;
        ManifestStage.Written writtenManifest = manifestDone;
        long namesDone = names[0];
        Set<String> readingDone = readingSite;
        List<ArticleFacts> factsDone = factsInOrder;
        // The build's own maps, which nothing changes from now on: kept, not copied (see Frozen).
        BuildState state = new BuildState(kb, setup.readKey(), setup.themeKey(), plan.sources(),
                Frozen.of(rendered.pages()), Frozen.of(out.outputs()), Frozen.of(keptRelated),
                check.broken(), Optional.of(generatedFiles), plan.folders());
        memory.built(state);
        boolean visible = previous.isEmpty() || out.written() > 0 || !out.keepsEveryOutputOfLast()
                || !Files.isDirectory(options.dest());
        stages.run("publish", () -> {
            if (visible) {
                publication.swap();
            }
        });
        Consumer<BooleanSupplier> saveState = abandoned -> {
            if (stateFile.write(state, abandoned)) {
                Warm made = new Warm(setup.readKey(), setup.themeKey(), plan,
                        keptRelated.isEmpty() ? null : relatedDone, catalogDone, writtenManifest, namesDone, readingDone,
                        factsDone);
                remembered = stateFile.stamp().map(stamp -> new Remembered(state, stamp, null, made)).orElse(null);
            } else {
                // A preview comes, which replaces the file by its mark anyway: the mark at once.
                String token = UUID.randomUUID().toString();
                stateFile.deleteForPreview(token);
                remembered = new Remembered(state, null, token);
            }
            lastSite = remembered == null ? null : builtSite;
            // Swapped, the spare is the folder the last build wrote; else it holds this build's site.
            // A site in place that no state described stays unknown: the next build empties it.
            if (!visible) {
                publication.saveSpare(kb, state.outputs());
            } else if (hadLast) {
                publication.saveSpare(kb, lastOutputs);
            }
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Built(new BuildResult(rendered.pages().size(), generatedCount, plan.copies().size(), check.broken(),
                catalog.citationsOutside(), diagnostics.warningCount(), diagnostics.errorCount(), seconds,
                stages.timings(), out.written(), previous.isEmpty()), saveState);
    }

    private static void awaitTermination(ForkJoinPool pool) {
        try {
            while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                // a page's time is bounded (PageGuard): keep waiting
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The state the last build left, if this kb can read it: what the site in place holds. The
     * state this builder wrote last is taken from memory while its file is still the one written.
     */
    private BuildState lastState(StateFile stateFile) {
        if (remembered != null && remembered.current(stateFile)) {
            return remembered.state();
        }
        // Let go of a state another build has made stale before reading its successor: a big
        // site's two states at once would take most of the heap (the build daemon, whose state
        // a build with --no-daemon had replaced, ran out of memory in a build after a theme change).
        remembered = null;
        memory.spareRecords().forget();
        return stateFile.read(StateFile.kbVersion()).orElse(BuildState.empty());
    }

    /**
     * The last build's state, when this build can build on it: not a clean build, the same
     * configuration and options (the theme may differ), and its output and index still there.
     * Otherwise the empty state: a clean build.
     */
    private static BuildState usable(BuildState last, Setup setup) {
        BuildOptions options = setup.options();
        if (last.isEmpty() || options.clean() || last.setup() != setup.readKey()
                || !Files.isRegularFile(options.dest().resolve(SourceManifest.FILE))
                || !SearchIndexer.canUpdate(options.index())) {
            return BuildState.empty();
        }
        return last;
    }

    /**
     * By article ID, whether the article's page shows of the others what it showed in the last
     * build: when the site's shape holds, all but the pages that link an article whose summary
     * changed (and those articles' own).
     */
    private static Predicate<String> showsAsBefore(UnchangedSite unchanged, ArticleFinisher articles) {
        if (!unchanged.shapeHolds()) {
            return id -> false;
        }
        if (unchanged.retold().isEmpty()) {
            return id -> true;
        }
        Set<String> showing = new HashSet<>(articles.navigation().showing(unchanged.retold()));
        showing.addAll(unchanged.retold());
        return id -> !showing.contains(id);
    }

    /** Whether a static file is as the last build copied it. */
    private static boolean unchanged(Path from, String to, long stamp, BuildOptions options, SitePlan plan,
            BuildState previous) {
        if (previous.isEmpty()) {
            return false;
        }
        Path root = options.source().toAbsolutePath().normalize();
        Path file = from.toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            // A theme asset (the theme may have changed since): the same file, size and time.
            OutputRecord before = previous.outputs().get(to);
            return before != null && before.copied() && before.digest() == stamp;
        }
        String rel = root.relativize(file).toString().replace('\\', '/');
        SourceRecord before = previous.sources().get(rel);
        SourceRecord now = plan.sources().get(rel);
        return before != null && now != null && before.sameStamp(now.size(), now.modified());
    }

    /** Removes the search documents of the pages the last build had and this one has not. */
    private static void removeDocuments(BuildState previous, RenderStage.Rendered rendered, SearchIndexer index) {
        // Every page of the last build still has a record, and only those made again are new:
        // only theirs can have lost their documents (a look at a few pages, not at 60,000).
        if (rendered.pages().size() == previous.pages().size()
                && rendered.made().stream().allMatch(previous.pages()::containsKey)) {
            for (String path : rendered.made()) {
                PageRecord before = previous.pages().get(path);
                PageRecord now = rendered.pages().get(path);
                if (before.document() != 0 && (now.document() == 0 || !now.url().equals(before.url()))) {
                    index.remove(before.url());
                }
            }
            return;
        }
        for (PageRecord before : previous.pages().values()) {
            PageRecord now = rendered.pages().get(before.outputPath());
            if (before.document() != 0 && (now == null || now.document() == 0 || !now.url().equals(before.url()))) {
                index.remove(before.url());
            }
        }
    }

    /**
     * Deletes from the spare folder what it holds and this build did not write, and answers
     * whether the site loses a file the last build had.
     */
    private static boolean prune(OutputFolder folder, Map<String, OutputRecord> spare, OutputWriter out, Set<String> keep) {
        // The writer counted what it kept of the spare and of the last build's outputs as it went:
        // usually everything, and then no path is looked up.
        if (!out.keepsEverythingHeld()) {
            for (String path : spare.keySet()) {
                if (!keep.contains(path)) {
                    folder.delete(path);
                }
            }
        }
        return !out.keepsEveryOutputOfLast();
    }

    /** What identifies a static file's version: its path, size and time. */
    private static long stamp(Path from, String to) {
        try {
            return new Fingerprint().add(to).add(from.toString()).add(Files.size(from))
                    .add(Files.getLastModifiedTime(from).toMillis()).value();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + from, e);
        }
    }

    /** The title of each product code's listing page, by code. */
    private static Map<String, String> listingTitles(SitePlan plan) {
        Map<String, String> urls = new java.util.HashMap<>();
        plan.listings().forEach((code, url) -> urls.put(url, code));
        Map<String, String> titles = new java.util.HashMap<>();
        for (PlannedPage page : plan.pages()) {
            String code = urls.get(page.url());
            if (code != null) {
                page.frontMatter().title().ifPresent(t -> titles.put(code, t));
            }
        }
        return titles;
    }

    /**
     * The output folders must not hold the source, nor each other (a build replaces its site
     * whole, and would drop an index inside it), and an index folder must hold an index or nothing.
     */
    private static void requireSeparateFolders(BuildOptions options) {
        Path source = options.source().toAbsolutePath().normalize();
        Path dest = options.dest().toAbsolutePath().normalize();
        Path index = options.index().toAbsolutePath().normalize();
        for (Path out : List.of(dest, index)) {
            if (source.startsWith(out)) {
                throw new IllegalArgumentException("the output folder " + (out == dest ? options.dest() : options.index())
                        + " holds the source folder " + options.source() + "; choose another");
            }
        }
        if (dest.equals(index)) {
            throw new IllegalArgumentException("--dest and --index must be different folders");
        }
        if (index.startsWith(dest)) {
            throw new IllegalArgumentException("the index folder " + options.index() + " is inside the output folder "
                    + options.dest() + ", which every build replaces; choose an index folder outside it");
        }
        if (dest.startsWith(index)) {
            throw new IllegalArgumentException("the output folder " + options.dest() + " is inside the index folder "
                    + options.index() + "; choose folders side by side");
        }
        if (Files.isSymbolicLink(index)) {
            throw new IllegalArgumentException("the index folder " + options.index() + " is a symbolic link: kb never"
                    + " writes through a link; give the folder it points to");
        }
        if (!SearchIndexer.holdsIndexOrNothing(index)) {
            throw new IllegalArgumentException("the index folder " + options.index() + " holds files that are not a"
                    + " search index; empty it, or choose another --index");
        }
    }
}
