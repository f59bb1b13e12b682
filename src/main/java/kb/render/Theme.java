package kb.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where templates and theme assets come from: the user's template folder first (when there is
 * one), then kb's built-in theme (the repository's {@code templates/}, packaged in the jar), so a
 * user may override a single template and keep the rest.
 *
 * @param roots folders searched in order; the last is the built-in theme
 */
public record Theme(List<Path> roots) {

    /** Classpath folder of the built-in theme. */
    static final String BUILT_IN = "/kb/theme";

    public Theme {
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a theme needs at least one folder");
        }
    }

    /**
     * The theme for a build: {@code --templates DIR} if given, else {@code templates/} beside the
     * source folder when it exists, each backed by the built-in theme.
     */
    public static Theme locate(Optional<Path> templatesOption, Path sourceDir) {
        List<Path> roots = new ArrayList<>();
        folder(templatesOption, sourceDir).ifPresent(roots::add);
        roots.add(builtIn());
        return new Theme(roots);
    }

    /**
     * The site's own template folder, if it has one: the one given with {@code --templates}, else
     * a folder named {@code templates} beside the source folder.
     */
    public static Optional<Path> folder(Optional<Path> templatesOption, Path sourceDir) {
        Path beside = sourceDir.toAbsolutePath().normalize().resolveSibling("templates");
        return templatesOption.or(() -> Optional.of(beside).filter(Files::isDirectory));
    }

    /** The built-in theme's folder, inside the jar or in the classes folder. */
    public static Path builtIn() {
        URL url = Theme.class.getResource(BUILT_IN);
        if (url == null) {
            throw new IllegalStateException("kb's built-in theme is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath(BUILT_IN);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open kb's built-in theme at " + url, e);
        }
    }

    /** The file of a template, from the first folder that has it. */
    public Optional<Path> template(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            return Optional.empty();
        }
        return roots.stream().map(r -> r.resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    /**
     * The names of every template of the theme ({@code page.ftlh}, {@code partials/x.ftlh}): the
     * {@code .ftlh} files of each folder outside {@code assets/}, a user's hiding the built-in one.
     */
    public java.util.SortedSet<String> templateNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".ftlh"))
                        .map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .filter(name -> !name.startsWith("assets/"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the templates in " + root, e);
            }
        }
        return names;
    }

    /**
     * The theme's static files (everything under {@code assets/} in each folder), by path below
     * the theme folder ({@code assets/kb.css}); a user's file hides the built-in one.
     */
    public Map<String, Path> assets() {
        Map<String, Path> assets = new LinkedHashMap<>();
        for (Path root : roots.reversed()) {
            Path dir = root.resolve("assets");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).forEach(f ->
                        assets.put(root.relativize(f).toString().replace('\\', '/'), f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list theme assets in " + dir, e);
            }
        }
        return assets;
    }
}
