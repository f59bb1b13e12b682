package kb.parse;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A page's YAML front matter: the keys kb acts on, typed, and every key as written (for
 * templates, as {@code page.*}).
 *
 * @param values every key of the front matter, in source order
 */
public record FrontMatter(Map<String, Object> values) {

    public FrontMatter {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Objects.requireNonNull(values, "values")));
    }

    /** {@code layout:}, if set and not {@code null}/{@code none}. */
    public Optional<String> layout() {
        return string("layout").filter(s -> !s.isBlank() && !s.equals("none") && !s.equals("null"));
    }

    /** {@code title:} as written (it may hold HTML entities such as {@code &amp;}). */
    public Optional<String> title() {
        return string("title");
    }

    /** {@code permalink:}, if set. */
    public Optional<String> permalink() {
        return string("permalink").filter(s -> !s.isBlank());
    }

    /** False only when {@code published: false}: such pages are not built, as in Jekyll. */
    public boolean published() {
        return !Boolean.FALSE.equals(values.get("published"));
    }

    /** False when {@code render_with_liquid: false}: Liquid is left as text. */
    public boolean renderWithLiquid() {
        return !Boolean.FALSE.equals(values.get("render_with_liquid"));
    }

    private Optional<String> string(String key) {
        Object v = values.get(key);
        return v == null || v instanceof Map<?, ?> || v instanceof java.util.List<?>
                ? Optional.empty() : Optional.of(String.valueOf(v));
    }
}
