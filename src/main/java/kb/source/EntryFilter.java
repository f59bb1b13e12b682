package kb.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which entries of the source tree Jekyll would read: names starting with {@code _},
 * {@code .}, {@code #} or {@code ~} and backups ending in {@code ~} are skipped unless listed in
 * {@code include}; entries matching {@code exclude} are skipped. As in Jekyll, an exclude entry
 * matches a path from the source root either as a Ruby fnmatch glob ({@code *} crosses folders)
 * or as a plain prefix ({@code README} excludes {@code README.md}); folders are checked as the walk
 * enters them, so an excluded folder excludes everything below it.
 */
public final class EntryFilter {

    /** Jekyll 3's built-in exclusions. */
    private static final List<String> DEFAULT_EXCLUDE = List.of(
            "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle", "vendor/cache",
            "vendor/gems", "vendor/ruby", ".sass-cache", ".jekyll-cache", "gemfiles");

    private final List<Glob> exclude;
    private final List<String> excludePrefixes;
    private final List<Glob> include;

    public EntryFilter(List<String> exclude, List<String> include) {
        List<String> all = new ArrayList<>(DEFAULT_EXCLUDE);
        all.addAll(exclude);
        this.exclude = all.stream().map(EntryFilter::compile).toList();
        this.excludePrefixes = all.stream().map(EntryFilter::trimSlashes).filter(p -> !p.isEmpty()).toList();
        this.include = include.stream().map(EntryFilter::compile).toList();
    }

    /**
     * Whether the entry with this relative path ({@code a/b/c.md} or a folder {@code a/b}) is read.
     * Only the entry's own name is checked for special prefixes: its parents were checked when
     * the walk entered them.
     */
    public boolean accepts(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        boolean special = name.startsWith("_") || name.startsWith(".") || name.startsWith("#")
                || name.startsWith("~") || name.endsWith("~");
        if (special && !matchesAny(include, relativePath, name)) {
            return false;
        }
        // Exclusions match the path from the source root, as Jekyll's do ("tmp" is the top-level
        // tmp folder, "*.sh" any shell script); folders were checked when the walk entered them.
        boolean excluded = matchesAny(exclude, relativePath, null)
                || excludePrefixes.stream().anyMatch(relativePath::startsWith);
        return !excluded || matchesAny(include, relativePath, name);
    }

    private static boolean matchesAny(List<Glob> patterns, String relativePath, String name) {
        for (Glob p : patterns) {
            if (p.matches(relativePath) || (name != null && p.matches(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One exclude or include entry: a glob, or (most entries, and the walk asks every pattern of
     * every file in the tree) a plain name compared as a string.
     */
    private record Glob(String literal, Pattern pattern) {

        boolean matches(String path) {
            return pattern == null ? literal.equals(path) : pattern.matcher(path).matches();
        }
    }

    /** A glob as {@link #pattern} reads it; without wildcards, a plain string. */
    private static Glob compile(String glob) {
        String g = trimSlashes(glob);
        return g.indexOf('*') < 0 && g.indexOf('?') < 0 ? new Glob(g, null) : new Glob(g, pattern(glob));
    }

    /** fnmatch without FNM_PATHNAME: {@code *} and {@code ?} also match {@code /}. */
    static Pattern pattern(String glob) {
        String g = trimSlashes(glob);
        StringBuilder regex = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String trimSlashes(String pattern) {
        String g = pattern.strip();
        while (g.startsWith("/")) {
            g = g.substring(1);
        }
        while (g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        return g;
    }
}
