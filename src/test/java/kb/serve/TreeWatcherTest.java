package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes anywhere in the trees are reported, in folders created later too; outputs and hidden entries are not. */
class TreeWatcherTest {

    @TempDir
    Path tmp;

    private final Set<Path> changed = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private TreeWatcher watch(List<Path> trees, List<Path> excluded) {
        return new TreeWatcher(trees, excluded, p -> changed.add(p.toAbsolutePath()), warnings::add);
    }

    /** Waits up to 5 s for a path to be reported. */
    private void awaitChanged(Path path) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!changed.contains(path.toAbsolutePath()) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(changed).contains(path.toAbsolutePath());
    }

    @Test
    void changesDeepInTheTreeAreReported() throws IOException, InterruptedException {
        Path source = Files.createDirectories(tmp.resolve("content/kb/900/Q900101"));
        Path article = Files.writeString(source.resolve("README.md"), "old");
        try (TreeWatcher watcher = watch(List.of(tmp.resolve("content")), List.of())) {
            assertThat(watcher.folders()).isEqualTo(4);
            Files.writeString(article, "new");
            awaitChanged(article);
            Thread.sleep(100); // the write's last events
            changed.clear();
            Files.delete(article);
            awaitChanged(article);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void foldersCreatedLaterAreWatchedAndWhatTheyHoldIsReported() throws IOException, InterruptedException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        try (TreeWatcher watcher = watch(List.of(content), List.of())) {
            // A folder with a file already in it (as a copy or a checkout makes them).
            Path folder = Files.createDirectories(tmp.resolve("staging/kb/901/Q901999"));
            Files.writeString(folder.resolve("README.md"), "new article");
            Files.move(tmp.resolve("staging/kb"), content.resolve("kb"));
            awaitChanged(content.resolve("kb/901/Q901999/README.md"));
            // And a file written into the new folder afterwards.
            Path later = content.resolve("kb/901/Q901999/notes.md");
            Files.writeString(later, "later");
            awaitChanged(later);
            assertThat(watcher.folders()).isEqualTo(4);
        }
    }

    @Test
    void outputFoldersInsideTheTreeAndHiddenEntriesAreLeftOut() throws IOException, InterruptedException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path site = Files.createDirectories(content.resolve("_site/kb"));
        Path git = Files.createDirectories(content.resolve(".git/objects"));
        try (TreeWatcher watcher = watch(List.of(content), List.of(content.resolve("_site")))) {
            assertThat(watcher.folders()).as("only content itself").isEqualTo(1);
            Files.writeString(site.resolve("index.html"), "built");
            Files.writeString(git.resolve("ab12"), "object");
            Files.writeString(content.resolve(".README.md.swp"), "swap");
            Files.writeString(content.resolve("README.md~"), "backup");
            Path real = Files.writeString(content.resolve("index.md"), "home");
            awaitChanged(real);
            Thread.sleep(200);
            assertThat(changed).containsExactly(real.toAbsolutePath());
        }
    }

    @Test
    void severalTreesAreWatched() throws IOException, InterruptedException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path templates = Files.createDirectories(tmp.resolve("templates/assets"));
        try (TreeWatcher watcher = watch(List.of(content, tmp.resolve("templates")), List.of())) {
            Path css = Files.writeString(templates.resolve("kb.css"), "body {}");
            awaitChanged(css);
        }
    }
}
