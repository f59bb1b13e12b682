package kb.bench;

import java.nio.file.Path;
import java.util.List;
import kb.search.SearchRequest;
import kb.search.SearchService;

/** kb's own search, in process, on an index built by {@code kb build}. */
final class KbEngine implements SearchEngine, AutoCloseable {

    private final SearchService service;

    KbEngine(Path index) {
        this.service = new SearchService(index);
    }

    @Override
    public String name() {
        return "kb";
    }

    @Override
    public String key() {
        return "kb";
    }

    @Override
    public List<Hit> search(String query, int size) {
        return service.search(SearchRequest.of(query, size)).hits().stream()
                .map(h -> new Hit(h.id(), h.title()))
                .toList();
    }

    @Override
    public void close() {
        service.close();
    }
}
