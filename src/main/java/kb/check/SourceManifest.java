package kb.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which source file each page of a built site comes from, so that {@code kb check} can name the
 * file and line of a broken link long after the build. The build writes it into the site folder as
 * {@value #FILE}, a small tab-separated text file:
 *
 * <pre>
 * # kb-sources 1: ...
 * baseurl	/kb
 * url	https://kb.example.com
 * source	../content
 * page	kb/319/Q319864/index.html	kb/319/Q319864/README.md	default
 * generated	search/index.html	search.ftlh
 * </pre>
 *
 * {@code source} is the source folder relative to the site folder (absolute when they lie on
 * different roots); a {@code page} line names the output, its source below the source folder and
 * its layout; a {@code generated} line names a page the build made from a template alone.
 *
 * @param baseurl    the site's base URL path ("" or {@code /kb})
 * @param url        the site's origin ({@code https://kb.example.com}), "" when not configured
 * @param sourceRoot the source folder as written in the file (relative to the site folder)
 * @param pages      where each output page (path below the site folder) comes from
 */
public record SourceManifest(String baseurl, String url, Optional<String> sourceRoot, Map<String, Origin> pages) {

    /** The manifest's file name in the site folder. */
    public static final String FILE = "kb-sources.tsv";
    private static final String HEADER = "# kb-sources 1: the source file of each page of this site, for 'kb check'";

    public SourceManifest {
        Objects.requireNonNull(baseurl, "baseurl");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        pages = Map.copyOf(pages);
    }

    /**
     * Where one page comes from.
     *
     * @param source   its source file below the source folder; empty for a generated page
     * @param template the layout ({@code default}) or template ({@code search.ftlh}) that wrapped it
     */
    public record Origin(Optional<String> source, String template) {
        public Origin {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(template, "template");
        }

        /** A page rendered from a source file with a layout. */
        public static Origin page(String source, String layout) {
            return new Origin(Optional.of(source), layout);
        }

        /** A page the build generated from a template alone. */
        public static Origin generated(String template) {
            return new Origin(Optional.empty(), template);
        }
    }

    /** A manifest for a site built from {@code source} into {@code site}. */
    public static SourceManifest of(String baseurl, String url, Path source, Path site, Map<String, Origin> pages) {
        Path from = site.toAbsolutePath().normalize();
        Path to = source.toAbsolutePath().normalize();
        String root = from.getRoot().equals(to.getRoot()) ? from.relativize(to).toString() : to.toString();
        return new SourceManifest(baseurl, url, Optional.of(root.isEmpty() ? "." : root.replace('\\', '/')), pages);
    }

    /** A manifest that knows nothing: for a site not built by kb, or built before manifests. */
    public static SourceManifest none(String baseurl) {
        return new SourceManifest(baseurl, "", Optional.empty(), Map.of());
    }

    /** The source file of a page, resolved against the site folder, when the manifest names one. */
    public Optional<Path> sourceFile(Path site, String page) {
        Origin origin = pages.get(page);
        if (origin == null || origin.source().isEmpty() || sourceRoot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(site.resolve(sourceRoot.get()).resolve(origin.source().get()).normalize());
    }

    /** Writes the manifest into the site folder. */
    public void write(Path site) {
        try {
            Files.writeString(site.resolve(FILE), text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + site.resolve(FILE), e);
        }
    }

    /** The manifest as it is written ({@value #FILE}). */
    public String text() {
        StringBuilder sb = new StringBuilder(64 * pages.size() + 256);
        sb.append(HEADER).append('\n');
        sb.append("baseurl\t").append(baseurl).append('\n');
        sb.append("url\t").append(url).append('\n');
        sourceRoot.ifPresent(root -> sb.append("source\t").append(root).append('\n'));
        pages.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Origin o = e.getValue();
            if (o.source().isPresent()) {
                sb.append("page\t").append(e.getKey()).append('\t').append(o.source().get())
                        .append('\t').append(o.template()).append('\n');
            } else {
                sb.append("generated\t").append(e.getKey()).append('\t').append(o.template()).append('\n');
            }
        });
        return sb.toString();
    }

    /** Reads the manifest of a site folder; empty when the site has none. */
    public static Optional<SourceManifest> read(Path site) {
        Path file = site.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String baseurl = "";
        String url = "";
        Optional<String> root = Optional.empty();
        Map<String, Origin> pages = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "baseurl" -> baseurl = f.length > 1 ? f[1] : "";
                case "url" -> url = f.length > 1 ? f[1] : "";
                case "source" -> root = f.length > 1 ? Optional.of(f[1]) : Optional.empty();
                case "page" -> {
                    if (f.length >= 4) {
                        pages.put(f[1], Origin.page(f[2], f[3]));
                    }
                }
                case "generated" -> {
                    if (f.length >= 3) {
                        pages.put(f[1], Origin.generated(f[2]));
                    }
                }
                default -> {
                    // comments, and lines of a later version this one does not know
                }
            }
        }
        return Optional.of(new SourceManifest(baseurl, url, root, pages));
    }
}
