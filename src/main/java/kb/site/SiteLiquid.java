package kb.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.jekyll.DataFiles;
import kb.jekyll.JekyllPage;
import kb.jekyll.JekyllSettings;
import kb.jekyll.LiquidLayouts;
import kb.jekyll.SiteModel;
import kb.liquid.IncludeFile;
import kb.liquid.LiquidEngine;
import kb.liquid.LiquidSite;

/**
 * Liquid for one build: the engine, with the site's {@code _includes}, its pages' URLs for
 * {@code link} and {@code post_url}, Markdown for {@code markdownify}; the site model
 * ({@code site.*}, {@code page.*}); and the site's own layouts when it uses them.
 */
final class SiteLiquid implements LiquidSite {

    private final Path source;
    private final SiteConfig config;
    private final ZoneId zone;
    private final UnaryOperator<String> markdown;
    /** The published pages by source path (relative). */
    private final Map<String, PlannedPage> pagesByPath = new HashMap<>();
    /** The static files by output path. */
    private final Map<String, Path> copies;
    private final Map<String, String> postUrls = new HashMap<>();
    private final LiquidEngine engine;
    private final LiquidLayouts layouts;
    private final boolean ownLayouts;
    private final kb.jekyll.Collections collections;
    private SiteModel model;

    /**
     * @param ownLayouts whether pages are put into the site's {@code _layouts} (else kb's templates)
     */
    SiteLiquid(Path source, SiteConfig config, JekyllSettings jekyll, SitePlan plan, UnaryOperator<String> markdown,
            boolean ownLayouts, Diagnostics diagnostics) {
        this.source = source;
        this.config = config;
        this.zone = jekyll.zone();
        this.markdown = markdown;
        for (PlannedPage page : plan.pages()) {
            pagesByPath.put(page.source().relativePath(), page);
            page.document().filter(d -> d.collection().isPosts()).ifPresent(d -> {
                String name = d.relativePath();
                int dot = name.lastIndexOf('.');
                postUrls.put(dot > 0 ? name.substring(0, dot) : name, page.url());
            });
        }
        this.copies = plan.copies();
        this.engine = new LiquidEngine(this);
        this.ownLayouts = ownLayouts;
        this.layouts = ownLayouts ? LiquidLayouts.read(source.resolve("_layouts"), engine, diagnostics)
                : LiquidLayouts.none(engine);
        this.collections = jekyll.collections();
    }

    /**
     * Whether the site's pages go into its own {@code _layouts} rather than kb's templates: when it
     * has layouts and no {@code theme:} (a site that names a gem theme gets its look from a gem
     * kb does not have; kb's theme stands in for it). {@code kb_layouts: site} or
     * {@code kb_layouts: theme} in {@code _config.yml} decides instead.
     */
    static boolean usesOwnLayouts(SiteConfig config, Path source) {
        Object choice = config.values().get("kb_layouts");
        if ("theme".equals(choice)) {
            return false;
        }
        boolean has = Files.isDirectory(source.resolve("_layouts"));
        if ("site".equals(choice)) {
            return has;
        }
        return has && config.values().get("theme") == null && config.values().get("remote_theme") == null;
    }

    /** Builds the site model once the renderer of contents exists (it needs this object's engine). */
    void model(SitePlan plan, Map<String, Object> siteValues, SiteModel.ContentRenderer renderer,
            Diagnostics diagnostics) {
        // Each page's model is made when Liquid first reads it (see SiteModel): an unpublished
        // page's wins over a published one's of the same source, as the last of a list would.
        Map<String, PlannedPage> unpublished = new HashMap<>();
        plan.unpublished().forEach(p -> unpublished.put(p.source().relativePath(), p));
        java.util.function.Supplier<List<JekyllPage>> pages = () -> java.util.stream.Stream.concat(plan.pages().stream(),
                plan.unpublished().stream()).map(SiteLiquid::jekyllPage).toList();
        java.util.function.Function<String, JekyllPage> byPath = path -> {
            PlannedPage page = unpublished.getOrDefault(path, pagesByPath.get(path));
            return page == null ? null : jekyllPage(page);
        };
        Map<String, Object> data = DataFiles.read(source.resolve("_data"), diagnostics);
        this.model = new SiteModel(siteValues, pages, byPath, collections, data, ZonedDateTime.now(zone).withNano(0),
                renderer);
    }

    private static JekyllPage jekyllPage(PlannedPage p) {
        return new JekyllPage(p.source().relativePath(), p.url(), p.frontMatter().values(), p.document(),
                p.outputPath().endsWith(".html"));
    }

    LiquidEngine engine() {
        return engine;
    }

    SiteModel model() {
        return model;
    }

    /** Whether the page's layout is one of the site's own Liquid layouts. */
    boolean ownLayout(String name) {
        return ownLayouts && layouts.has(name);
    }

    LiquidLayouts layouts() {
        return layouts;
    }

    @Override
    public Optional<IncludeFile> include(String name) {
        return file(source.resolve("_includes"), name);
    }

    @Override
    public Optional<IncludeFile> relativeInclude(String fromPath, String name) {
        int slash = fromPath.lastIndexOf('/');
        Path folder = slash < 0 ? source : source.resolve(fromPath.substring(0, slash));
        return file(folder, name);
    }

    /** A file below {@code folder}, never outside the source folder. */
    private Optional<IncludeFile> file(Path folder, String name) {
        Path file = folder.resolve(name).normalize();
        Path root = source.toAbsolutePath().normalize();
        if (!file.toAbsolutePath().normalize().startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(new IncludeFile(Display.of(file), text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> linkTarget(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        PlannedPage page = pagesByPath.get(p);
        return page != null ? Optional.of(page.url()) : copies.containsKey(p) ? Optional.of("/" + p) : Optional.empty();
    }

    @Override
    public Optional<String> postUrl(String name) {
        String n = name.strip();
        String found = postUrls.get(n);
        if (found == null) {
            // A name without its folders matches a post in any folder of _posts.
            for (Map.Entry<String, String> e : postUrls.entrySet()) {
                if (e.getKey().endsWith("/" + n)) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public String markdownify(String text) {
        return markdown.apply(text);
    }

    @Override
    public String baseurl() {
        return config.baseurl();
    }

    @Override
    public String url() {
        return config.url();
    }

    @Override
    public ZoneId timeZone() {
        return zone;
    }
}
