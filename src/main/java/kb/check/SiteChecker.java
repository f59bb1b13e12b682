package kb.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.json.KbJson;

/**
 * Checks every internal link and {@code #anchor} of a built site on disk, generated pages
 * included: a link must lead to a file of the site folder, an anchor to an {@code id} (or an
 * {@code <a name>}) of its target page. External links are counted, never fetched. Broken links are
 * reported at their source file and line (through the site's {@link SourceManifest}), see
 * {@link BrokenLinkReport}.
 *
 * <p>Pages are read in parallel, once each: links without a fragment and links to the page's own
 * anchors are settled while reading; links to another page's anchor wait until every page's ids
 * are known. Thread-safe; keeps no state between runs.
 */
public final class SiteChecker {

    /** A broken link or anchor found in a page. */
    record Broken(String page, FoundLink link, String why, boolean anchor) {
    }

    /** A link to another page's anchor, checked once all ids are known. */
    private record PendingAnchor(String page, FoundLink link, String target, String fragment) {
    }

    /** A link whose target was not (yet) among the known files when its page was scanned. */
    private record Unresolved(String page, FoundLink link, String path, String fragment) {
    }

    /**
     * Checks the site folder {@code site}; each broken link or anchor is reported to
     * {@code diagnostics} with {@code severity}.
     */
    public CheckReport check(Path site, Severity severity, Diagnostics diagnostics) {
        long start = System.nanoTime();
        Path root = site.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("site folder " + site + " does not exist; run 'kb build' first");
        }
        SourceManifest manifest = SourceManifest.read(root).orElseGet(() -> SourceManifest.none(baseurlOf(root)));
        Set<String> files = files(root);
        Session session = new Session(new LinkResolver(manifest.baseurl(), manifest.url()), files);
        return session.finish(root, files, manifest, severity, diagnostics, start);
    }

    /**
     * A check fed with pages as a build writes them, so that they need not be read back: each page
     * is scanned when handed over ({@link #page}), links to files already known are settled then,
     * and {@link #finish} settles the rest once the site is complete, reading from disk only the
     * HTML files nobody handed over (copied static pages). Thread-safe.
     */
    public static final class Session {

        private final HtmlScanner scanner = new HtmlScanner();
        private final LinkResolver resolver;
        private final Set<String> known;
        private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        private final Queue<PendingAnchor> pending = new ConcurrentLinkedQueue<>();
        private final Queue<Unresolved> unresolved = new ConcurrentLinkedQueue<>();
        private final Queue<Broken> broken = new ConcurrentLinkedQueue<>();
        private final Map<String, Integer> external = new ConcurrentHashMap<>();
        private final LongAdder internal = new LongAdder();
        private final LongAdder anchors = new LongAdder();

        /**
         * @param resolver how links of the site resolve (its base URL and URL)
         * @param known    files known to exist; may grow while pages are handed over (a concurrent set)
         */
        public Session(LinkResolver resolver, Set<String> known) {
            this.resolver = resolver;
            this.known = known;
        }

        /** A check of a site with this base URL and URL whose files are (at least) {@code known}. */
        public static Session of(String baseurl, String url, Set<String> known) {
            return new Session(new LinkResolver(baseurl, url), known);
        }

        /** Scans one page of the site ({@code kb/319/Q319864/index.html}) given its HTML. */
        public void page(String page, String html) {
            ScannedPage scanned = scanner.scan(html);
            ids.put(page, scanned.ids());
            for (FoundLink link : scanned.links()) {
                switch (resolver.resolve(page, link.url())) {
                    case Target.External e -> external.merge(e.url(), 1, Integer::sum);
                    case Target.Ignored ignored -> { }
                    case Target.Invalid invalid -> {
                        internal.increment();
                        broken.add(new Broken(page, link, invalid.why(), false));
                    }
                    case Target.Internal in -> {
                        internal.increment();
                        Optional<String> file = fileOf(known, in.path());
                        if (file.isEmpty()) {
                            unresolved.add(new Unresolved(page, link, in.path(), in.fragment()));
                        } else if (file.get().equals(page) && needsAnchor(page, in.fragment())) {
                            anchors.increment(); // the page's own anchors are known now
                            if (!scanned.ids().contains(in.fragment())) {
                                broken.add(new Broken(page, link, "no id '" + in.fragment() + "' on this page", true));
                            }
                        } else {
                            anchorOf(page, link, file.get(), in.fragment());
                        }
                    }
                }
            }
        }

        private void anchorOf(String page, FoundLink link, String file, String fragment) {
            if (needsAnchor(file, fragment)) {
                anchors.increment();
                pending.add(new PendingAnchor(page, link, file, fragment));
            }
        }

        /**
         * Scans the HTML pages of {@code files} not handed over yet (from {@code root}), settles
         * every link against {@code files} (the site as it now is), and reports.
         */
        public CheckReport finish(Path root, Set<String> files, SourceManifest manifest, Severity severity,
                Diagnostics diagnostics, long startNanos) {
            return finish(root, root, files, manifest, severity, diagnostics, startNanos, true);
        }

        /**
         * As {@link #finish(Path, Set, SourceManifest, Severity, Diagnostics, long)}, reading the
         * pages from {@code readFrom} (a build's new site, not yet in place at {@code root}); when
         * {@code scanRest} is false, the pages not handed over are not scanned (an incremental
         * build that knows their links are as good as before), except those whose ids a link
         * of a scanned page needs.
         */
        public CheckReport finish(Path root, Path readFrom, Set<String> files, SourceManifest manifest,
                Severity severity, Diagnostics diagnostics, long startNanos, boolean scanRest) {
            int pages = (int) files.stream().filter(SiteChecker::isHtml).count();
            if (scanRest) {
                List<String> rest = files.stream().filter(SiteChecker::isHtml).filter(page -> !ids.containsKey(page))
                        .sorted().toList();
                ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
                try {
                    pool.submit(() -> rest.parallelStream().forEach(page -> page(page, read(readFrom.resolve(page))))).join();
                } finally {
                    pool.shutdown();
                }
            }
            for (Unresolved u : unresolved) {
                Optional<String> file = fileOf(files, u.path());
                if (file.isEmpty()) {
                    broken.add(new Broken(u.page(), u.link(), "no page or file at " + resolver.shown(u.path()), false));
                } else {
                    anchorOf(u.page(), u.link(), file.get(), u.fragment());
                }
            }
            for (PendingAnchor p : pending) {
                Set<String> targetIds = ids.computeIfAbsent(p.target(), t -> scanner.scan(read(readFrom.resolve(t))).ids());
                if (!targetIds.contains(p.fragment())) {
                    String where = p.target().equals(p.page()) ? "this page" : resolver.shown(urlOf(p.target()));
                    broken.add(new Broken(p.page(), p.link(), "no id '" + p.fragment() + "' on " + where, true));
                }
            }
            List<Broken> all = new ArrayList<>(broken);
            new BrokenLinkReport(root, readFrom, manifest).report(all, severity, diagnostics);
            int brokenAnchors = (int) all.stream().filter(Broken::anchor).count();
            return new CheckReport(pages, internal.sum(), anchors.sum(), all.size() - brokenAnchors,
                    brokenAnchors, external, (System.nanoTime() - startNanos) / 1e9);
        }

        /** The ids of a page handed over or scanned (for an incremental build to compare). */
        public Set<String> ids(String page) {
            return ids.getOrDefault(page, Set.of());
        }
    }

    /** The file a URL path leads to: the folder's {@code index.html}, the file, or the file + .html. */
    static Optional<String> fileOf(Set<String> files, String path) {
        String rel = path.substring(1);
        if (rel.isEmpty() || rel.endsWith("/")) {
            return Optional.of(rel + "index.html").filter(files::contains);
        }
        for (String candidate : List.of(rel, rel + "/index.html", rel + ".html")) {
            if (files.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether the fragment must name an id: not for "#", "#top", text fragments or non-HTML targets. */
    private static boolean needsAnchor(String file, String fragment) {
        return !fragment.isEmpty() && isHtml(file) && !fragment.equalsIgnoreCase("top") && !fragment.startsWith(":~:");
    }

    /** The URL path of an output file ({@code a/index.html} is {@code /a/}). */
    private static String urlOf(String file) {
        return "/" + (file.endsWith("index.html") ? file.substring(0, file.length() - "index.html".length()) : file);
    }

    private static boolean isHtml(String file) {
        // Compared in place: each build asks for every one of 68,000 files (a lower-case copy of each took 10 ms).
        return endsWithIgnoringCase(file, ".html") || endsWithIgnoringCase(file, ".htm");
    }

    private static boolean endsWithIgnoringCase(String text, String suffix) {
        return text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** Every regular file below the site folder, as a path with {@code /}. */
    private static Set<String> files(Path root) {
        Set<String> files = new HashSet<>();
        try {
            // walkFileTree hands over the attributes it read: one stat per file, not two.
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the site folder " + root, e);
        }
        return files;
    }

    /** The base URL from the site facts kb writes ({@code kb-site.json}), for a site without a manifest. */
    private static String baseurlOf(Path root) {
        Path facts = root.resolve("kb-site.json");
        if (!Files.isRegularFile(facts)) {
            return "";
        }
        try {
            JsonNode json = KbJson.read(read(facts));
            return json.path("baseurl").asText("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + facts, e);
        }
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
