package kb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Locale;
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

    private final HtmlScanner scanner = new HtmlScanner();

    /** A broken link or anchor found in a page. */
    record Broken(String page, FoundLink link, String why, boolean anchor) {
    }

    /** A link to another page's anchor, checked once all ids are known. */
    private record PendingAnchor(String page, FoundLink link, String target, String fragment) {
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
        LinkResolver resolver = new LinkResolver(manifest.baseurl(), manifest.url());
        Set<String> files = files(root);
        List<String> pages = files.stream().filter(SiteChecker::isHtml).sorted().toList();

        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        Queue<PendingAnchor> pending = new ConcurrentLinkedQueue<>();
        Queue<Broken> broken = new ConcurrentLinkedQueue<>();
        Map<String, Integer> external = new ConcurrentHashMap<>();
        LongAdder internal = new LongAdder();
        LongAdder anchors = new LongAdder();

        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> pages.parallelStream().forEach(page -> {
                ScannedPage scanned = scanner.scan(read(root.resolve(page)));
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
                            Optional<String> file = fileOf(files, in.path());
                            if (file.isEmpty()) {
                                broken.add(new Broken(page, link, "no page or file at " + resolver.shown(in.path()), false));
                            } else if (needsAnchor(file.get(), in.fragment())) {
                                anchors.increment();
                                if (file.get().equals(page)) {
                                    if (!scanned.ids().contains(in.fragment())) {
                                        broken.add(new Broken(page, link, "no id '" + in.fragment() + "' on this page", true));
                                    }
                                } else {
                                    pending.add(new PendingAnchor(page, link, file.get(), in.fragment()));
                                }
                            }
                        }
                    }
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        for (PendingAnchor p : pending) {
            if (!ids.getOrDefault(p.target(), Set.of()).contains(p.fragment())) {
                broken.add(new Broken(p.page(), p.link(), "no id '" + p.fragment() + "' on "
                        + resolver.shown(urlOf(p.target())), true));
            }
        }
        List<Broken> all = new ArrayList<>(broken);
        new BrokenLinkReport(root, manifest).report(all, severity, diagnostics);
        int brokenAnchors = (int) all.stream().filter(Broken::anchor).count();
        return new CheckReport(pages.size(), internal.sum(), anchors.sum(), all.size() - brokenAnchors,
                brokenAnchors, external, (System.nanoTime() - start) / 1e9);
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
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
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
            JsonNode json = new ObjectMapper().readTree(facts.toFile());
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
