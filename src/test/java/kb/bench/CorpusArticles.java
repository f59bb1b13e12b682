package kb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.site.ArticleReader;
import kb.diag.Diagnostics;
import kb.model.Article;

/** Reads the articles of a source tree with kb's own extraction (the one the index uses). */
final class CorpusArticles {

    private CorpusArticles() {
    }

    /**
     * Every article of the tree, ordered by ID (then URL), one per ID, so that seeded sampling
     * does not depend on the order the parallel reader delivers them in.
     */
    static List<BenchArticle> read(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException("no source tree at " + sources);
        }
        record Found(String url, BenchArticle article) {
        }
        List<Found> found = Collections.synchronizedList(new ArrayList<>());
        new ArticleReader().read(sources, new Diagnostics(), (page, extraction) -> {
            Article a = extraction.article();
            found.add(new Found(page.url(), new BenchArticle(a.id(), a.title(), a.displayTitle(), a.text(),
                    extraction.bodyText())));
        });
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((Found f) -> f.article().id()).thenComparing(Found::url));
        Map<String, BenchArticle> byId = new LinkedHashMap<>();
        sorted.forEach(f -> byId.putIfAbsent(f.article().id(), f.article()));
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("no KB articles in " + sources);
        }
        return List.copyOf(byId.values());
    }
}
