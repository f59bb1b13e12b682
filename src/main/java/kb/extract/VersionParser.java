package kb.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.model.Versions;

/**
 * Parses the shapes {@code Version(s):} takes ({@code WINDOWS:97; winnt:4.0}, {@code :2.0},
 * {@code 5.0,5.1}, {@code 3.00 4.00}, {@code winnt:}, and the old two-column
 * {@code 3.00 4.00 | 5.10} whose columns match the {@code Operating System(s):} columns).
 * Never fails: text it cannot split stays one version, and the raw text is always kept.
 */
final class VersionParser {

    private VersionParser() {
    }

    /**
     * @param raw      the versions as written
     * @param columnOs operating systems naming the columns of the old {@code a | b} shape
     */
    static Versions parse(String raw, List<String> columnOs) {
        String text = raw.strip();
        Map<String, List<String>> byPlatform = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return new Versions(raw.strip(), byPlatform);
        }
        if (text.contains("|") && !text.contains(":")) {
            String[] columns = text.split("\\|", -1);
            for (int i = 0; i < columns.length; i++) {
                String platform = i < columnOs.size() && columns.length == columnOs.size() ? columnOs.get(i) : "";
                add(byPlatform, platform, versions(columns[i]));
            }
            byPlatform.values().removeIf(List::isEmpty);
            return new Versions(text, byPlatform);
        }
        for (String group : text.split(";")) {
            String g = group.strip();
            if (g.isEmpty()) {
                continue;
            }
            int colon = g.indexOf(':');
            if (colon < 0) {
                add(byPlatform, "", versions(g));
            } else {
                String platform = g.substring(0, colon).strip();
                List<String> vs = versions(g.substring(colon + 1));
                if (platform.isEmpty() && vs.isEmpty()) {
                    continue;
                }
                add(byPlatform, platform, vs);
            }
        }
        return new Versions(text, byPlatform);
    }

    private static void add(Map<String, List<String>> map, String platform, List<String> versions) {
        map.computeIfAbsent(platform, k -> new ArrayList<>()).addAll(versions);
    }

    /** {@code 5.0,5.1} or {@code 3.00 4.00}; commas win so that {@code 3.20 and later} stays whole. */
    private static List<String> versions(String list) {
        String l = list.strip();
        if (l.isEmpty()) {
            return List.of();
        }
        String[] parts = l.contains(",") ? l.split(",") : l.split("\\s+");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            String v = p.strip();
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }
}
