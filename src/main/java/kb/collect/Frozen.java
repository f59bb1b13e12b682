package kb.collect;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a map that its maker no longer changes, which a record keeps as it is: a
 * build's maps of 60,000 pages and outputs, made on all cores, are its state's without a copy
 * (copying them took 25 ms of each edit's build on the archive).
 */
public final class Frozen<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> map;

    private Frozen(Map<K, V> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    /** {@code map}, read-only, for a maker that never changes it again. */
    public static <K, V> Map<K, V> of(Map<K, V> map) {
        return map instanceof Frozen<K, V> || map instanceof Overlay<K, V> ? map : new Frozen<>(map);
    }

    /** {@code map} itself when it is {@link Frozen} or an {@link Overlay}, else {@link Map#copyOf}. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return map instanceof Frozen<K, V> || map instanceof Overlay<K, V> ? map : Map.copyOf(map);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return map.entrySet();
    }
}
