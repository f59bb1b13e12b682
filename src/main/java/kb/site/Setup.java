package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.config.ConfigLoader;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.render.LayoutRenderer;
import kb.render.Theme;
import kb.state.Fingerprint;

/**
 * What every page of a build shares: the options, the configuration, the theme and its layouts,
 * {@code site.*}, and the fingerprints of them. When the configuration's differs from the last
 * build's, every page may read differently and the build is a clean one; when only the theme's
 * does, every page and generated file is laid out again, but what was read of the sources (the
 * articles, the search index, the related lists) is kept: no template takes part in reading a
 * page, and the names of the theme's assets, which Liquid's {@code link} tag may find, are in
 * the configuration's fingerprint.
 *
 * @param options     the build options
 * @param config      the configuration ({@code _config.yml}, base URL option applied)
 * @param theme       the theme
 * @param layouts     the theme's layouts
 * @param site        {@code site.*} for Liquid and templates
 * @param jekyll      what the configuration says of Jekyll's site model (defaults, collections, time zone)
 * @param readKey     the fingerprint of what reading a page depends on: the configuration, the
 *                    site's {@code _layouts}, {@code _includes} and {@code _data}, the names of the
 *                    theme's assets, and the options
 * @param themeKey    the fingerprint of the files the theme uses (its templates and assets), which
 *                    only laying pages out and generating files depend on
 */
record Setup(BuildOptions options, SiteConfig config, Theme theme, LayoutRenderer layouts, Map<String, Object> site,
        kb.jekyll.JekyllSettings jekyll, long readKey, long themeKey) {

    /** The fingerprint of everything a page's layout depends on: the configuration's and the theme's. */
    long fingerprint() {
        return new Fingerprint().add(readKey).add(themeKey).value();
    }

    /**
     * Reads what every page shares.
     *
     * @throws BuildStopped when the configuration or a template has errors (reported to
     *     {@code diagnostics}): every page depends on them, so the build stops before it writes or
     *     deletes anything, and the last site built stays as it was
     */
    static Setup load(BuildOptions options, Diagnostics diagnostics) {
        return load(options, diagnostics, new LayoutMemory());
    }

    /**
     * Reads what every page shares, as {@link #load(BuildOptions, Diagnostics)} does, taking the
     * layouts from {@code memory} when they were read from the same configuration and theme
     * (keeping them there when not).
     */
    static Setup load(BuildOptions options, Diagnostics diagnostics, LayoutMemory memory) {
        SiteConfig loaded = new ConfigLoader().read(options.source(), diagnostics)
                .orElseThrow(() -> new BuildStopped("the configuration has errors; nothing was built"));
        SiteConfig config = options.baseUrl().map(loaded::withBaseurl).orElse(loaded);
        Theme theme = Theme.locate(options.templates(), options.source());
        Fingerprint f = new Fingerprint()
                .add(options.source().toAbsolutePath().normalize().toString())
                .add(options.index().toAbsolutePath().normalize().toString())
                .add(String.valueOf(options.baseUrl()))
                .add(options.strict() ? 1 : 0)
                // The file, not the loaded map: a map may print its keys in another order each run.
                .add(configBytes(options.source()));
        // Every page may include, read or be laid out by these: a change in them changes any page.
        for (String folder : List.of("_layouts", "_includes", "_data")) {
            Path root = options.source().resolve(folder);
            for (Path file : files(root)) {
                f.add(folder).add(root.relativize(file).toString()).add(read(file));
            }
        }
        // Which assets the theme has, not what they hold: {% link assets/x.css %} finds them.
        Map<String, Path> assets = new java.util.TreeMap<>(theme.assets());
        f.add("theme assets").add(String.join("\n", assets.keySet()));
        // The files the theme uses, each where it is found: an editor's backup or swap file
        // beside the templates does not lay the site out again.
        long themeKey = themeKey(theme, assets);
        LayoutRenderer layouts = memory.get(f.value(), themeKey);
        if (layouts == null) {
            layouts = new LayoutRenderer(theme, config);
            if (!layouts.check(diagnostics)) {
                throw new BuildStopped("a template has syntax errors; nothing was built");
            }
            // Kept only when no template changed while they were parsed: they are what the key says.
            if (themeKey(theme, assets) == themeKey) {
                memory.keep(f.value(), themeKey, layouts);
            }
        }
        kb.jekyll.JekyllSettings jekyll = kb.jekyll.JekyllSettings.from(config,
                kb.diag.Display.of(options.source().resolve("_config.yml")), diagnostics);
        return new Setup(options, config, theme, layouts, siteVariables(config), jekyll, f.value(), themeKey);
    }

    /** The fingerprint of the theme's templates and {@code assets}, each where it is found. */
    private static long themeKey(Theme theme, Map<String, Path> assets) {
        Fingerprint themed = new Fingerprint();
        for (String name : theme.templateNames()) {
            Path file = theme.template(name).orElseThrow();
            themed.add(name).add(file.toString()).add(read(file));
        }
        for (Map.Entry<String, Path> asset : assets.entrySet()) {
            themed.add(asset.getKey()).add(asset.getValue().toString()).add(read(asset.getValue()));
        }
        return themed.value();
    }

    private static byte[] configBytes(Path source) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (String name : List.of("_config.yml", "_config.yaml")) {
            Path file = source.resolve(name);
            all.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            all.writeBytes(Files.isRegularFile(file) ? read(file) : new byte[0]);
        }
        return all.toByteArray();
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme folder " + root, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code site.*} for Liquid and templates: every configuration key, typed keys normalised. */
    private static Map<String, Object> siteVariables(SiteConfig config) {
        Map<String, Object> site = new LinkedHashMap<>(config.values());
        site.put("title", config.title());
        site.put("description", config.description());
        site.put("url", config.url());
        site.put("baseurl", config.baseurl());
        site.put("time", java.time.OffsetDateTime.now().withNano(0).toString());
        return Map.copyOf(site);
    }
}
