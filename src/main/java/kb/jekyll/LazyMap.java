package kb.jekyll;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A read-only map of Liquid variables whose costly values ({@code page.content},
 * {@code page.excerpt}, {@code site.pages}) are computed the first time they are read, once, by
 * whichever thread reads them first. A value that reads itself while it is being computed (a page
 * whose Liquid prints its own content) gets {@code null}. Thread-safe.
 */
final class LazyMap extends AbstractMap<String, Object> {

    private final Map<String, Object> values;
    private final Map<String, Supplier<Object>> lazy;
    private final Map<String, Object> computed = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<String>> computing = ThreadLocal.withInitial(java.util.HashSet::new);

    /** Marks a computed value that is {@code null}, which the computed map cannot hold. */
    private static final Object NULL = new Object();

    LazyMap(Map<String, Object> values, Map<String, Supplier<Object>> lazy) {
        this.values = new LinkedHashMap<>(values);
        this.lazy = new LinkedHashMap<>(lazy);
        this.lazy.keySet().forEach(this.values::remove);
    }

    @Override
    public Object get(Object key) {
        Supplier<Object> supplier = lazy.get(key);
        if (supplier == null) {
            return values.get(key);
        }
        Object known = computed.get(key);
        if (known != null) {
            return known == NULL ? null : known;
        }
        String name = (String) key;
        Set<String> busy = computing.get();
        if (!busy.add(name)) {
            return null;
        }
        try {
            Object value = supplier.get();
            Object raced = computed.putIfAbsent(name, value == null ? NULL : value);
            return raced == null ? value : raced == NULL ? null : raced;
        } finally {
            busy.remove(name);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key) || lazy.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        for (String key : values.keySet()) {
            entries.add(new SimpleImmutableEntry<>(key, values.get(key)));
        }
        for (String key : lazy.keySet()) {
            entries.add(new SimpleImmutableEntry<>(key, get(key)));
        }
        return entries;
    }

    @Override
    public int size() {
        return values.size() + lazy.size();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
