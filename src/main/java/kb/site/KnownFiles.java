package kb.site;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files a build knows it writes, which the link check settles links against as pages are
 * written: the plan's outputs, as they are (not copied into a set of their own at each build: 68,000
 * on the archive), and those added as the build finds them (generated files, search assets).
 * Thread-safe; nothing is removed.
 */
final class KnownFiles extends AbstractSet<String> {

    private volatile Set<String> planned = Set.of();
    private final Set<String> added = ConcurrentHashMap.newKeySet();

    /**
     * Adds the plan's outputs, {@code outputs} (a set no one changes), once the plan is made: what
     * was added before stays known too. Before any page is handed to the link check.
     */
    void planned(Set<String> outputs) {
        if (!planned.isEmpty()) {
            throw new IllegalStateException("the plan's outputs are known already");
        }
        added.removeAll(outputs); // each file once, for size()
        planned = outputs;
    }

    @Override
    public boolean contains(Object file) {
        return planned.contains(file) || added.contains(file);
    }

    @Override
    public boolean add(String file) {
        return !planned.contains(file) && added.add(file);
    }

    @Override
    public Iterator<String> iterator() {
        return Stream.concat(planned.stream(), added.stream()).iterator();
    }

    @Override
    public int size() {
        return planned.size() + added.size();
    }
}
