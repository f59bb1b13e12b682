package kb.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Product versions, as written and parsed into platform -> versions ({@code WINDOWS:97; winnt:4.0}
 * gives {@code WINDOWS -> [97], winnt -> [4.0]}; versions with no platform are under "").
 *
 * @param raw        the text as written
 * @param byPlatform the versions per platform, in the order written
 */
public record Versions(String raw, Map<String, List<String>> byPlatform) {

    public Versions {
        Objects.requireNonNull(raw, "raw");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byPlatform.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byPlatform = java.util.Collections.unmodifiableMap(copy);
    }

    /** No versions. */
    public static Versions none() {
        return new Versions("", Map.of());
    }

    /** Every version, whatever the platform. */
    public List<String> all() {
        return byPlatform.values().stream().flatMap(List::stream).toList();
    }

    public boolean isEmpty() {
        return raw.isBlank();
    }
}
