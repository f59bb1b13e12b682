package kb.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used search answers, by request. Thread-safe (one lock: a lookup is a few
 * hundred nanoseconds next to a search of milliseconds).
 */
final class ResultCache {

    private final Map<SearchRequest, SearchResults> entries;

    ResultCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResults> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized SearchResults get(SearchRequest request) {
        return entries.get(request);
    }

    synchronized void put(SearchRequest request, SearchResults results) {
        entries.put(request, results);
    }
}
