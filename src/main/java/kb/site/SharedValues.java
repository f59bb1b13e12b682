package kb.site;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One object for each distinct value, for data a build keeps for every article until its end:
 * the terms of 60,000 term windows (six million, a few hundred thousand distinct) and the
 * headings, products and footer fields that repeat across thousands of articles. Thread-safe;
 * lives as long as one build.
 */
final class SharedValues {

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    /** The value equal to {@code value} that was seen first. */
    @SuppressWarnings("unchecked")
    <T> T one(T value) {
        return (T) values.computeIfAbsent(value, v -> v);
    }
}
