package kb.related;

import java.util.List;
import java.util.Map;

/** TEMPORARY STUB until the related branch lands. */
public final class RelatedFinder {
    public static Map<String, List<String>> compute(Map<String, TermWindow> windows, int limit) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        windows.keySet().forEach(k -> out.put(k, List.of()));
        return out;
    }
}
