package kb.jekyll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * {@code _config.yml}'s {@code defaults:}: front-matter values given to every source whose path and
 * type a scope matches, as Jekyll 4 applies them. A scope's {@code path} is a prefix of the source's
 * path (or a glob when it holds {@code *}); its {@code type} is {@code pages}, {@code posts} or a
 * collection's label. When several scopes match, the one with the longer path wins, then the one
 * naming a type, then the later one; maps are merged key by key. The page's own front matter wins
 * over all of them. Immutable and thread-safe.
 */
public final class FrontMatterDefaults {

    /** One entry of the list: where it applies and what it gives. */
    private record Scope(String path, Pattern glob, String type, Map<String, Object> values) {
    }

    private final List<Scope> scopes;

    private FrontMatterDefaults(List<Scope> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /** No defaults. */
    public static FrontMatterDefaults none() {
        return new FrontMatterDefaults(List.of());
    }

    /**
     * Reads {@code defaults:} from the configuration's values; entries that are not a map with a
     * {@code values} map are reported at {@code at} (where {@code defaults:} is written) and left out.
     */
    public static FrontMatterDefaults from(Map<String, Object> config, SourcePosition at, Diagnostics diagnostics) {
        Object list = config.get("defaults");
        if (list == null) {
            return none();
        }
        if (!(list instanceof List<?> entries)) {
            diagnostics.warning(at, "'defaults' is not a list; no front-matter defaults apply");
            return none();
        }
        List<Scope> scopes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !(entry.get("values") instanceof Map<?, ?> values)) {
                diagnostics.warning(at, "defaults entry " + (i + 1)
                        + " has no 'values' map; it is left out");
                continue;
            }
            Map<?, ?> scope = entry.get("scope") instanceof Map<?, ?> s ? s : Map.of();
            String path = sanitize(scope.get("path"));
            Object type = scope.get("type");
            scopes.add(new Scope(path, path.contains("*") ? glob(path) : null, type == null ? null : String.valueOf(type),
                    stringKeys(values)));
        }
        return new FrontMatterDefaults(scopes);
    }

    /** Whether any default is set. */
    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /**
     * The front matter of a source with the defaults that apply to it filled in.
     *
     * @param relativePath the source's path below the source folder ({@code _posts/2024-01-15-x.md})
     * @param type         {@code pages}, {@code posts} or a collection's label
     * @param own          the source's own front matter, which wins
     */
    public Map<String, Object> apply(String relativePath, String type, Map<String, Object> own) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Scope winner = null;
        for (Scope scope : scopes) {
            if (!appliesTo(scope, relativePath, type)) {
                continue;
            }
            if (hasPrecedence(winner, scope)) {
                defaults = merge(defaults, scope.values());
                winner = scope;
            } else {
                defaults = merge(scope.values(), defaults);
            }
        }
        return defaults.isEmpty() ? own : merge(defaults, own);
    }

    private static boolean appliesTo(Scope scope, String relativePath, String type) {
        if (scope.type() != null && !scope.type().equals(type)) {
            return false;
        }
        if (scope.path().isEmpty()) {
            return true;
        }
        return scope.glob() != null ? scope.glob().matcher(relativePath).lookingAt()
                : relativePath.startsWith(scope.path());
    }

    /** Jekyll's rule: a longer path wins; at equal length a scope naming a type wins. */
    private static boolean hasPrecedence(Scope old, Scope candidate) {
        if (old == null) {
            return true;
        }
        if (candidate.path().length() != old.path().length()) {
            return candidate.path().length() > old.path().length();
        }
        return candidate.type() != null || old.type() == null;
    }

    /** {@code over} merged onto {@code base}: nested maps key by key, anything else replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object old = merged.get(key);
            if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap) {
                merged.put(key, merge((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** The scope path as Jekyll compares it: no leading slash, no trailing slashes. */
    private static String sanitize(Object path) {
        if (path == null) {
            return "";
        }
        String p = String.valueOf(path).strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }

    /** A scope glob: {@code *} within a folder name, {@code **} across folders. */
    private static Pattern glob(String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*') {
                boolean deep = i + 1 < path.length() && path.charAt(i + 1) == '*';
                regex.append(deep ? ".*" : "[^/]*");
                i += deep ? 1 : 0;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
