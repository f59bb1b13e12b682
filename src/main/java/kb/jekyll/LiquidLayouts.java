package kb.jekyll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;
import kb.liquid.LiquidEngine;
import kb.parse.FrontMatter;
import kb.parse.FrontMatterParser;
import kb.parse.SourceText;

/**
 * A Jekyll site's own layouts: {@code _layouts/NAME.html} (or another extension), Liquid with
 * front matter naming a parent layout. A page's content goes into its layout as {@code content},
 * with {@code page}, {@code site} and {@code layout} (the layout's front matter), then into the
 * parent, and so on. The layouts are read once per build. Thread-safe.
 */
public final class LiquidLayouts {

    /** The longest a layout chain may be (Jekyll has no limit; a loop is caught by name). */
    private static final int MAX_DEPTH = 20;

    /** One layout file, split. */
    private record Layout(String file, Map<String, Object> frontMatter, String body, int bodyLine) {
    }

    private final Map<String, Layout> layouts;
    private final LiquidEngine engine;

    private LiquidLayouts(Map<String, Layout> layouts, LiquidEngine engine) {
        this.layouts = Map.copyOf(layouts);
        this.engine = engine;
    }

    /**
     * Reads the layouts of {@code folder} (the source's {@code _layouts}); a layout whose front
     * matter cannot be read is reported and left out.
     */
    public static LiquidLayouts read(Path folder, LiquidEngine engine, Diagnostics diagnostics) {
        Map<String, Layout> layouts = new LinkedHashMap<>();
        if (Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder, e);
            }
            FrontMatterParser parser = new FrontMatterParser();
            for (Path file : files) {
                String rel = folder.relativize(file).toString().replace('\\', '/');
                int dot = rel.lastIndexOf('.');
                String name = dot > 0 ? rel.substring(0, dot) : rel;
                String shown = Display.of(file);
                String text = read(file);
                if (!FrontMatterParser.hasFrontMatter(text)) {
                    layouts.putIfAbsent(name, new Layout(shown, Map.of(), text, 1));
                    continue;
                }
                Optional<SourceText> split = parser.split(text, shown, diagnostics);
                Optional<FrontMatter> fm = split.flatMap(s -> parser.parse(s, shown, diagnostics));
                if (split.isPresent() && fm.isPresent()) {
                    layouts.putIfAbsent(name, new Layout(shown, fm.get().values(), split.get().body(),
                            split.get().bodyLine()));
                }
            }
        }
        return new LiquidLayouts(layouts, engine);
    }

    /** No layouts: the site's pages go into kb's templates. */
    public static LiquidLayouts none(LiquidEngine engine) {
        return new LiquidLayouts(Map.of(), engine);
    }

    /** Whether the site has a layout of this name. */
    public boolean has(String name) {
        return layouts.containsKey(name);
    }

    /** Whether the site has any layout. */
    public boolean isEmpty() {
        return layouts.isEmpty();
    }

    /**
     * Puts {@code content} into the layout {@code name} and its parents.
     *
     * @param at where the page names its layout, for a missing one
     * @return the page, or empty when a layout failed (reported)
     */
    public Optional<String> render(String name, Map<String, Object> site, Map<String, Object> page, String content,
            SourcePosition at, Diagnostics diagnostics) {
        String html = content;
        String next = name;
        List<String> seen = new ArrayList<>();
        while (next != null) {
            Layout layout = layouts.get(next);
            if (layout == null) {
                diagnostics.warning(at, seen.isEmpty()
                        ? "layout '" + next + "' does not exist in _layouts; the page is written without it"
                        : "layout '" + seen.get(seen.size() - 1) + "' names a parent layout '" + next
                                + "' that does not exist in _layouts");
                return Optional.of(html);
            }
            if (seen.contains(next) || seen.size() >= MAX_DEPTH) {
                // Jekyll stops there, silently; the page is whole, so a warning says why it stopped.
                diagnostics.warning(at, "layout chain loops: " + String.join(" -> ", seen) + " -> " + next
                        + "; the chain stops at '" + seen.get(seen.size() - 1) + "'");
                return Optional.of(html);
            }
            seen.add(next);
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("site", site);
            variables.put("page", page);
            variables.put("layout", layout.frontMatter());
            variables.put("content", html);
            Optional<String> rendered = engine.render(layout.body(), variables, layout.file(), layout.bodyLine(),
                    diagnostics);
            if (rendered.isEmpty()) {
                return Optional.empty();
            }
            html = rendered.get();
            next = new FrontMatter(layout.frontMatter()).layout().orElse(null);
        }
        return Optional.of(html);
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
