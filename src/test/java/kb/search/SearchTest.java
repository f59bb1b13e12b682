package kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing and ranked search on a small index. */
class SearchTest {

    @TempDir
    Path dir;

    private IndexSearcherService index() {
        try (SearchIndexer indexer = new SearchIndexer(dir)) {
            indexer.add(new IndexedPage("/kb/1/", "Printing fails on network printers",
                    "When you print to a network printer the job stays in the queue."));
            indexer.add(new IndexedPage("/kb/2/", "Inventory is not resynchronized after upgrade",
                    "Clients do not send a full hardware inventory after the service pack upgrade."));
            indexer.add(new IndexedPage("/kb/3/", "Upgrade notes",
                    "The upgrade changes the inventory schedule; printing is unaffected."));
        }
        return new IndexSearcherService(dir);
    }

    @Test
    void titleMatchesRankFirstAndStemmingJoinsWordForms() {
        try (IndexSearcherService search = index()) {
            SearchResults results = search.search("inventory resynchronization", 10);
            assertThat(results.hits()).extracting(SearchHit::url).containsExactly("/kb/2/", "/kb/3/");
            assertThat(results.hits().get(0).rank()).isEqualTo(1);
            assertThat(search.search("printed", 10).hits()).extracting(SearchHit::url)
                    .containsExactly("/kb/1/", "/kb/3/");
        }
    }

    @Test
    void limitCutsTheListButNotTheTotal() {
        try (IndexSearcherService search = index()) {
            SearchResults results = search.search("upgrade", 1);
            assertThat(results.hits()).hasSize(1);
            assertThat(results.total()).isEqualTo(2);
        }
    }

    @Test
    void syntaxErrorsAreSearchedAsWords() {
        try (IndexSearcherService search = index()) {
            assertThat(search.search("network AND (", 10).hits()).extracting(SearchHit::url).containsExactly("/kb/1/");
        }
    }

    @Test
    void aFolderWithoutAnIndexIsRefusedClearly() {
        assertThatThrownBy(() -> new IndexSearcherService(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run 'kb build' first");
    }
}
