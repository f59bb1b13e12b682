package kb.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.jekyll.Collection;
import kb.jekyll.Document;
import kb.jekyll.JekyllSettings;
import kb.parse.FrontMatter;
import kb.parse.FrontMatterParser;
import kb.parse.SourceText;
import kb.render.Theme;
import kb.source.EntryFilter;
import kb.source.SourceFile;
import kb.source.SourceScanner;
import kb.source.SourceTree;
import kb.state.SourceRecord;

/**
 * The first build phase: scans the source tree, tells pages (files with front matter) from
 * static files, parses front matter, and gives every output its path, reporting two sources
 * claiming one URL as an error that names both. Reads files in parallel.
 */
final class SitePlanner {

    private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mkd", "mkdn", "mdown");
    private static final Set<String> HTML = Set.of("html", "htm");
    private static final Set<String> SASS = Set.of("scss", "sass");

    private final SourceReader reader = new SourceReader();
    private final FrontMatterParser frontMatterParser = new FrontMatterParser();
    private final Runnable checkpoint;

    SitePlanner() {
        this(() -> { });
    }

    /** A planner that runs {@code checkpoint} for each folder it scans (it throws to stop the build). */
    SitePlanner(Runnable checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** A page whose front matter is read but whose URL is not decided yet. */
    private record Candidate(SourceFile source, FrontMatter frontMatter, String outputExt, boolean markdown) {
    }

    SitePlan plan(BuildOptions options, SiteConfig config, Theme theme, Diagnostics diagnostics,
            BuildProgress progress) {
        return plan(options, config, theme, kb.state.BuildState.empty(), null, diagnostics, progress);
    }

    /**
     * Plans the site, reusing what {@code previous} (the last build's state) knows of every file
     * whose size and time are unchanged: its front matter is not read again, and what reading it
     * reported is reported again.
     *
     * @param last the plan {@code previous} was built from, when it is still in memory (the build
     *             daemon, {@code kb serve --watch}) and was made with the same configuration and
     *             theme; else null. When every file is still there, none came, and no changed file
     *             changed what places pages (its role, front matter, or a listing's links), the
     *             pages stay where it put them: only the changed files' records are new.
     */
    SitePlan plan(BuildOptions options, SiteConfig config, Theme theme, kb.state.BuildState previous,
            SitePlan last, Diagnostics diagnostics, BuildProgress progress) {
        return plan(options, config, theme, previous, last, null, diagnostics, progress);
    }

    /**
     * Plans the site as {@link #plan(BuildOptions, SiteConfig, Theme, kb.state.BuildState, SitePlan,
     * Diagnostics, BuildProgress)} does; when {@code changed} is given (a {@link kb.source.SourceWatch}
     * says that only those folders changed since {@code last}'s scan), only those are read again.
     */
    SitePlan plan(BuildOptions options, SiteConfig config, Theme theme, kb.state.BuildState previous,
            SitePlan last, kb.source.SourceWatch.Changes changed, Diagnostics diagnostics, BuildProgress progress) {
        JekyllSettings jekyll = JekyllSettings.from(config, configName(options), diagnostics);
        SourceScanner scanner = new SourceScanner(filter(config, jekyll), Set.of(options.dest(), options.index()),
                checkpoint);
        // Only the folders changed since the last build are listed again (the state is of the same
        // source folder, filter and output folders, or the build is a clean one).
        SourceTree tree = last != null && changed != null
                ? scanner.rescan(options.source(), last.tree(), changed.folders(), changed.replaced())
                : scanner.scan(options.source(), previous.folders(), previous.sources().keySet());
        List<SourceFile> files = tree.files();
        if (last != null && changed != null) {
            Optional<SitePlan> patched = patchedFromRescan(last, previous, files, new ListingPages(config), options.source(),
                    config, tree, diagnostics, progress);
            if (patched.isPresent()) {
                return patched.get();
            }
        }

        progress.started("Reading", files.size());
        List<SourceRecord> records = files.parallelStream().map(f -> {
            SourceRecord r = record(f, previous, diagnostics);
            progress.advanced();
            return r;
        }).toList();
        progress.finished();
        ListingPages listings = new ListingPages(config);
        if (last != null) {
            Optional<SitePlan> patched = patched(last, files, records, listings, options.source(), config, tree);
            if (patched.isPresent()) {
                patched.get().placement().forEach(diagnostics::report);
                return patched.get();
            }
        }
        // What placing pages reports, kept with the plan for a plan patched from it to report again.
        Diagnostics placing = diagnostics.child();
        Map<String, SourceRecord> sources = new HashMap<>();
        List<Object> classified = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceRecord r = records.get(i);
            sources.put(r.path(), r);
            classified.add(switch (r.role()) {
                case COPY -> files.get(i);
                case SKIPPED -> null;
                case PAGE -> new Candidate(files.get(i), new FrontMatter(r.frontMatter()), r.outputExt(), r.markdown());
            });
        }

        Map<String, Path> copies = new LinkedHashMap<>();
        Map<String, String> claimedBy = new HashMap<>();
        theme.assets().forEach(copies::put);

        List<Candidate> candidates = new ArrayList<>();
        for (Object c : classified) {
            if (c instanceof Candidate candidate) {
                candidates.add(candidate);
            } else if (c instanceof SourceFile file) {
                String to = file.relativePath();
                Optional<Document> document = document(to, jekyll, Map.of());
                if (document.isPresent()) {
                    // A collection's file without front matter is a static file of the collection:
                    // copied below /label/ when the collection has output (posts never), as Jekyll does.
                    Collection collection = document.get().collection();
                    if (!collection.output() || collection.isPosts()) {
                        continue;
                    }
                    to = collection.label() + "/" + document.get().relativePath();
                }
                copies.put(to, file.path()); // the site's own file hides the theme's
                claimedBy.put(to, file.displayName());
            }
        }
        Set<String> foldersWithIndex = new HashSet<>();
        for (Candidate c : candidates) {
            if (document(c.source().relativePath(), jekyll, Map.of()).isPresent()) {
                continue;
            }
            String rel = c.source().relativePath();
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            if (name.startsWith("index.")) {
                foldersWithIndex.add(rel.substring(0, rel.lastIndexOf('/') + 1));
            }
        }

        Permalinks permalinks = new Permalinks(config.permalink());
        List<PlannedPage> pages = new ArrayList<>();
        List<PlannedPage> unpublished = new ArrayList<>();
        for (Candidate planned : candidates) {
            String rel = planned.source().relativePath();
            Optional<Document> document = document(rel, jekyll, planned.frontMatter().values());
            String type = document.map(d -> d.collection().label()).orElse("pages");
            Candidate c = jekyll.defaults().isEmpty() ? planned : new Candidate(planned.source(),
                    new FrontMatter(jekyll.defaults().apply(rel, type, planned.frontMatter().values())),
                    planned.outputExt(), planned.markdown());
            // Read again with the defaults applied: they may give a document its date or slug.
            Optional<Document> doc = document.isPresent() ? document(rel, jekyll, c.frontMatter().values())
                    : Optional.empty();
            if (doc.isPresent() && !doc.get().collection().output()) {
                // A collection without output: no page, but Liquid lists its documents (site.authors).
                Document d = doc.get();
                String url = jekyll.urls().url(d, c.frontMatter().values(), c.outputExt());
                unpublished.add(new PlannedPage(c.source(), c.frontMatter(), url, "", c.markdown(), Optional.of(d)));
                continue;
            }
            String folder = rel.substring(0, rel.lastIndexOf('/') + 1);
            String url = doc.isPresent()
                    ? jekyll.urls().url(doc.get(), c.frontMatter().values(), c.outputExt())
                    : permalinks.url(rel, c.outputExt(), c.frontMatter().permalink(), foldersWithIndex.contains(folder));
            String file = c.source().displayName();
            Optional<String> output = Permalinks.outputPath(url, c.outputExt());
            if (output.isEmpty()) {
                placing.error(permalinkPosition(c, file), "URL '" + url + "' leads outside the output folder");
                continue;
            }
            String other = claimedBy.putIfAbsent(output.get(), file);
            if (other != null) {
                placing.error(permalinkPosition(c, file), "URL '" + url + "' (" + output.get()
                        + ") is also claimed by " + other + "; this page is skipped");
                continue;
            }
            copies.remove(output.get()); // a page hides a theme asset of the same name
            pages.add(new PlannedPage(c.source(), c.frontMatter(), url, output.get(), c.markdown(),
                    doc));
        }
        Map<String, String> articleUrls = articleUrls(pages, placing);
        Map<String, List<String>> listed = listings.codesByUrl(pages, reader, placing);
        return new SitePlan(pages, copies, articleUrls, listed, listings.listingUrls(pages), sources,
                siteKey(options, config, jekyll, pages, sources), unpublished, tree, placing.reported(), Optional.empty());
    }

    /**
     * {@code last} with the records of the files that changed since, when that is this scan's
     * plan: the same files (the site has no page that lists every source: see {@link #siteKey}),
     * each changed one the same kind of file with the same front matter, no listing page among
     * them, and no message of placing pages about one of them (such a message may quote the
     * file's lines). Else empty: the plan is made anew.
     */
    private static Optional<SitePlan> patched(SitePlan last, List<SourceFile> files, List<SourceRecord> records,
            ListingPages listings, Path source, SiteConfig config, SourceTree tree) {
        if (last.siteKey() != 0 || files.size() != last.sources().size() || usesSiteModel(config, source)) {
            return Optional.empty();
        }
        Map<String, SourceFile> changed = new HashMap<>();
        Map<String, SourceRecord> replaced = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (!changedInPlace(last, files.get(i), records.get(i), changed, replaced)) {
                return Optional.empty();
            }
        }
        return patched(last, changed, replaced, listings, tree);
    }

    /**
     * Whether the source {@code file}, now with {@code now} as its record, leaves the last plan's
     * pages where they were: when it does and its record changed, it goes to {@code changed} and
     * {@code replaced}.
     */
    private static boolean changedInPlace(SitePlan last, SourceFile file, SourceRecord now, Map<String, SourceFile> changed,
            Map<String, SourceRecord> replaced) {
        SourceRecord was = last.sources().get(now.path());
        if (was == null) {
            return false;
        }
        if (now != was && !now.equals(was)) {
            if (now.role() != was.role() || !now.frontMatter().equals(was.frontMatter())
                    || !now.outputExt().equals(was.outputExt()) || now.markdown() != was.markdown()) {
                return false;
            }
            changed.put(now.path(), file);
            replaced.put(now.path(), now);
        }
        return true;
    }

    /**
     * The last plan patched for a rescan of the source tree whose files are the last scan's
     * (the same objects, in the same order) but for those of the folders listed again: only their
     * records are read or looked up. Empty when a file came or went (a plan made anew decides),
     * or the plan cannot be patched.
     */
    private Optional<SitePlan> patchedFromRescan(SitePlan last, kb.state.BuildState previous, List<SourceFile> files,
            ListingPages listings, Path source, SiteConfig config, SourceTree tree, Diagnostics diagnostics,
            BuildProgress progress) {
        List<SourceFile> before = last.tree().files();
        if (last.siteKey() != 0 || files.size() != before.size() || files.size() != last.sources().size()
                || usesSiteModel(config, source)) {
            return Optional.empty();
        }
        List<SourceFile> relisted = relisted(files, before);
        if (relisted == null) {
            return Optional.empty(); // one came, another went
        }
        progress.started("Reading", files.size());
        Map<String, SourceFile> changed = new HashMap<>();
        Map<String, SourceRecord> replaced = new HashMap<>();
        for (SourceFile f : relisted) {
            checkpoint.run();
            if (!changedInPlace(last, f, record(f, previous, diagnostics), changed, replaced)) {
                return Optional.empty(); // a plan made anew reads them again (what they reported counts once)
            }
        }
        reportAgain(last.sources().values(), replaced, diagnostics);
        progress.advanced(files.size());
        progress.finished();
        Optional<SitePlan> patched = patched(last, changed, replaced, listings, tree);
        patched.ifPresent(p -> p.placement().forEach(diagnostics::report));
        return patched;
    }

    // The loops over every file below are methods of their own, not part of patchedFromRescan:
    // a long loop in a method called once per build is compiled on the spot (on-stack
    // replacement), with all of the method around it (a third of a second of C2's CPU in an
    // edit's build on the archive); a small method's takes milliseconds.

    /**
     * The files of a rescan that differ from the last scan's (another record of the same path),
     * both in path order; null when a path came or went.
     */
    private static List<SourceFile> relisted(List<SourceFile> files, List<SourceFile> before) {
        List<SourceFile> relisted = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile now = files.get(i);
            if (now != before.get(i)) {
                if (!now.relativePath().equals(before.get(i).relativePath())) {
                    return null;
                }
                relisted.add(now);
            }
        }
        return relisted;
    }

    /** What reading the sources not {@code replaced} reported, as a look at each would report it again. */
    private static void reportAgain(java.util.Collection<SourceRecord> records, Map<String, SourceRecord> replaced,
            Diagnostics diagnostics) {
        for (SourceRecord r : records) {
            if (!r.diagnostics().isEmpty() && !replaced.containsKey(r.path())) {
                r.diagnostics().forEach(diagnostics::report);
            }
        }
    }

    /** The record of {@code f}: the last build's when its size and time are as they were, else read now. */
    private SourceRecord record(SourceFile f, kb.state.BuildState previous, Diagnostics diagnostics) {
        SourceRecord known = previous.sources().get(f.relativePath());
        if (known != null && f.size() >= 0 && known.sameStamp(f.size(), f.modified())) {
            known.diagnostics().forEach(diagnostics::report);
            return known;
        }
        Diagnostics own = diagnostics.child();
        SourceRecord r = classify(f, own);
        return new SourceRecord(r.path(), r.size(), r.modified(), r.digest(), r.role(), r.frontMatter(),
                r.outputExt(), r.markdown(), own.reported());
    }

    /** The last plan with the records {@code replaced} and the pages of the sources {@code changed} new. */
    private static Optional<SitePlan> patched(SitePlan last, Map<String, SourceFile> changed,
            Map<String, SourceRecord> replaced, ListingPages listings, SourceTree tree) {
        for (kb.diag.Diagnostic d : last.placement()) {
            for (SourceFile file : changed.values()) {
                if (d.at().file().equals(file.displayName())) {
                    return Optional.empty();
                }
            }
        }
        List<PlannedPage> pages = new ArrayList<>(last.pages());
        for (int i = 0; i < pages.size() && !changed.isEmpty(); i++) {
            PlannedPage p = pages.get(i);
            SourceFile now = changed.get(p.source().relativePath());
            if (now != null) {
                if (listings.isListing(p.url())) {
                    return Optional.empty(); // its links give articles their product codes
                }
                pages.set(i, new PlannedPage(now, p.frontMatter(), p.url(), p.outputPath(), p.markdown(), p.document()));
            }
        }
        // The last plan's records with the changed ones replaced, not a copy of 60,000.
        return Optional.of(new SitePlan(pages, last.copies(), last.articleUrls(), last.listedCodes(), last.listings(),
                kb.collect.Overlay.of(last.sources(), replaced), 0, last.unpublished(), tree, last.placement(),
                Optional.of(changed.keySet()), last.outputs()));
    }

    /**
     * What every page of a site that uses Jekyll's site model may read of the others: 0 for a
     * site without it (a KB archive: its pages are redone one by one), else a fingerprint of every
     * source and URL — through {@code site.pages}, {@code site.posts}, collections, includes and
     * layouts any page may show any other, so any edit redoes every page (the writer still leaves
     * alone the files that come out the same).
     */
    private static long siteKey(BuildOptions options, SiteConfig config, JekyllSettings jekyll, List<PlannedPage> pages,
            Map<String, SourceRecord> sources) {
        java.nio.file.Path source = options.source();
        boolean model = !jekyll.defaults().isEmpty()
                || sources.keySet().stream().anyMatch(p -> document(p, jekyll, Map.of()).isPresent())
                || usesSiteModel(config, source);
        if (!model) {
            return 0;
        }
        kb.state.Fingerprint f = new kb.state.Fingerprint();
        for (SourceRecord r : new java.util.TreeMap<>(sources).values()) {
            f.add(r.path()).add(r.digest());
        }
        pages.forEach(p -> f.add(p.url()));
        return f.value();
    }

    /** Whether the site has layouts, includes or data of its own, through which a page may read any other. */
    private static boolean usesSiteModel(SiteConfig config, Path source) {
        return SiteLiquid.usesOwnLayouts(config, source) || Files.isDirectory(source.resolve("_includes"))
                || Files.isDirectory(source.resolve("_data"));
    }

    /**
     * The document at {@code relativePath} when it lies in a collection's folder: a top-level
     * {@code _label/}, or a {@code _posts/} folder anywhere (the folders above are its categories).
     */
    private static Optional<Document> document(String relativePath, JekyllSettings jekyll,
            Map<String, Object> frontMatter) {
        int posts = relativePath.startsWith("_posts/") ? 0 : relativePath.indexOf("/_posts/") + 1;
        if (posts > 0 || relativePath.startsWith("_posts/")) {
            Collection collection = jekyll.collections().all().stream().filter(Collection::isPosts).findFirst()
                    .orElseThrow();
            String inside = relativePath.substring(posts + "_posts/".length());
            return Optional.of(jekyll.urls().document(collection, inside, relativePath.substring(0, posts), frontMatter));
        }
        return jekyll.collections().of(relativePath).map(c -> jekyll.urls().document(c,
                relativePath.substring(c.folder().length() + 1), "", frontMatter));
    }

    private static String configName(BuildOptions options) {
        for (String name : List.of("_config.yml", "_config.yaml")) {
            if (java.nio.file.Files.isRegularFile(options.source().resolve(name))) {
                return kb.diag.Display.of(options.source().resolve(name));
            }
        }
        return "_config.yml";
    }

    /**
     * Article pages by ID: the front matter's {@code id}, else the {@code Qnnn:} title prefix,
     * else a {@code /Qnnn/} folder in the URL.
     */
    private static Map<String, String> articleUrls(List<PlannedPage> pages, Diagnostics diagnostics) {
        Map<String, String> urls = new HashMap<>();
        for (PlannedPage page : pages) {
            articleId(page).ifPresent(id -> {
                String other = urls.putIfAbsent(id, page.url());
                if (other != null && !other.equals(page.url())) {
                    diagnostics.warning(SourcePosition.of(page.source().displayName()),
                            "article " + id + " is also at " + other + "; links to " + id + " go there");
                }
            });
        }
        return urls;
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^(Q\\d{3,8})\\b");
    private static final java.util.regex.Pattern URL_ID = java.util.regex.Pattern.compile("/(Q\\d{3,8})/?$");

    static Optional<String> articleId(PlannedPage page) {
        Object id = page.frontMatter().values().get("id");
        if (id != null && ID.matcher(String.valueOf(id)).find()) {
            return Optional.of(String.valueOf(id).strip());
        }
        java.util.regex.Matcher t = ID.matcher(page.frontMatter().title().orElse("").strip());
        if (t.find()) {
            return Optional.of(t.group(1));
        }
        java.util.regex.Matcher u = URL_ID.matcher(page.url());
        return u.find() ? Optional.of(u.group(1)) : Optional.empty();
    }

    /** Which entries of the source tree a build reads: the configuration's exclude and include. */
    static EntryFilter filter(SiteConfig config, JekyllSettings jekyll) {
        List<String> include = new ArrayList<>(config.include());
        include.addAll(jekyll.collections().folders()); // documents live in _guides/, _posts/
        return new EntryFilter(config.exclude(), include);
    }

    /**
     * What the planner makes of a file as it is now (a preview of an edit, {@link SitePreview}):
     * its digest, role and front matter, as a build's plan would record them.
     */
    SourceRecord reread(SourceFile file, Diagnostics diagnostics) {
        return classify(file, diagnostics);
    }

    /** What the planner makes of a file: a page with its front matter, a copy, or nothing. */
    private SourceRecord classify(SourceFile file, Diagnostics diagnostics) {
        String ext = file.extension();
        String shown = file.displayName();
        if (SASS.contains(ext)) {
            if (!startsWithFrontMatter(file.path())) {
                return record(file, 0, SourceRecord.Role.COPY, Map.of(), "", false);
            }
            diagnostics.warning(SourcePosition.of(shown),
                    "Sass/SCSS conversion is not supported; file not written (kb's theme brings its own CSS)");
            return record(file, 0, SourceRecord.Role.SKIPPED, Map.of(), "", false);
        }
        Optional<SourceReader.Text> page = reader.readIfFrontMatter(file, diagnostics);
        if (page.isEmpty()) {
            return record(file, 0, SourceRecord.Role.COPY, Map.of(), "", false);
        }
        SourceReader.Text read = page.get();
        Optional<SourceText> split = frontMatterParser.split(read.text(), shown, diagnostics);
        Optional<FrontMatter> fm = split.flatMap(s -> frontMatterParser.parse(s, shown, diagnostics));
        if (fm.isEmpty() || !fm.get().published()) {
            // An invalid front matter is reported; the rest of the build goes on.
            return record(file, read.digest(), SourceRecord.Role.SKIPPED, Map.of(), "", false);
        }
        boolean markdown = MARKDOWN.contains(ext);
        String outputExt = markdown || HTML.contains(ext) ? ".html" : ext.isEmpty() ? "" : "." + ext;
        return record(file, read.digest(), SourceRecord.Role.PAGE, fm.get().values(), outputExt, markdown);
    }

    /**
     * The record of a file; one whose front matter the state cannot keep gets an impossible time,
     * so that every build reads it again.
     */
    private static SourceRecord record(SourceFile file, long digest, SourceRecord.Role role,
            Map<String, Object> frontMatter, String outputExt, boolean markdown) {
        long modified = kb.state.StateFile.keepable(frontMatter) ? file.modified() : Long.MIN_VALUE;
        return new SourceRecord(file.relativePath(), file.size(), modified, digest, role, frontMatter, outputExt,
                markdown, List.of());
    }

    private static boolean startsWithFrontMatter(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return SourceReader.startsWithFrontMatter(in.readNBytes(SourceReader.HEAD));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static SourcePosition permalinkPosition(Candidate c, String file) {
        return c.frontMatter().permalink().isPresent()
                ? new SourcePosition(file, lineOf(c.source().path(), "permalink:"), 1)
                : SourcePosition.of(file);
    }

    private static int lineOf(Path path, String prefix) {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }

}
