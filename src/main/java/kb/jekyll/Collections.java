package kb.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * The site's collections: those {@code _config.yml} declares under {@code collections:} (a map of
 * label to settings, or a list of labels) and {@code posts}, which every Jekyll site has.
 * Immutable and thread-safe.
 */
public final class Collections {

    private final List<Collection> all;

    private Collections(List<Collection> all) {
        this.all = List.copyOf(all);
    }

    /** Reads {@code collections:}; a malformed entry is reported at {@code at} (the key's line) and left out. */
    public static Collections from(Map<String, Object> config, SourcePosition at, Diagnostics diagnostics) {
        List<Collection> all = new ArrayList<>();
        Object declared = config.get("collections");
        Map<?, ?> posts = Map.of();
        if (declared instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String label = String.valueOf(e.getKey());
                Map<?, ?> settings = e.getValue() instanceof Map<?, ?> s ? s : Map.of();
                if (!validLabel(label)) {
                    diagnostics.warning(at, "collection name '" + label
                            + "' is not a folder name; the collection is left out");
                } else if (label.equals(Collection.POSTS)) {
                    posts = settings;
                } else {
                    all.add(new Collection(label, Boolean.TRUE.equals(settings.get("output")), permalink(settings)));
                }
            }
        } else if (declared instanceof List<?> labels) {
            for (Object label : labels) {
                if (validLabel(String.valueOf(label)) && !Collection.POSTS.equals(String.valueOf(label))) {
                    all.add(new Collection(String.valueOf(label), false, Optional.empty()));
                }
            }
        } else if (declared != null) {
            diagnostics.warning(at, "'collections' is neither a map nor a list; it is ignored");
        }
        all.add(new Collection(Collection.POSTS, true, permalink(posts)));
        return new Collections(all);
    }

    /** No collection but posts. */
    public static Collections postsOnly() {
        return new Collections(List.of(new Collection(Collection.POSTS, true, Optional.empty())));
    }

    /** Every collection, posts last. */
    public List<Collection> all() {
        return all;
    }

    /** The collection whose folder holds the source at {@code relativePath}, if any. */
    public Optional<Collection> of(String relativePath) {
        int slash = relativePath.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String top = relativePath.substring(0, slash);
        for (Collection c : all) {
            if (c.folder().equals(top)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The top-level folders the scan must enter although their names start with {@code _}. */
    public List<String> folders() {
        return all.stream().map(Collection::folder).toList();
    }

    private static Optional<String> permalink(Map<?, ?> settings) {
        Object p = settings.get("permalink");
        return p == null || String.valueOf(p).isBlank() ? Optional.empty() : Optional.of(String.valueOf(p));
    }

    private static boolean validLabel(String label) {
        return label.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
    }
}
