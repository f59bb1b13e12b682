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

    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    /** Starts watching and waits until every folder is registered. */
    private TreeWatcher watch(List<Path> trees, List<Path> excluded) throws InterruptedException {
        TreeWatcher watcher = start(trees, excluded);
        assertThat(ready.await(5, TimeUnit.SECONDS)).as("ready").isTrue();
        return watcher;
    }

    private TreeWatcher start(List<Path> trees, List<Path> excluded) {
        return new TreeWatcher(trees, excluded, new TreeWatcher.Listener() {
            @Override
            public void changed(Path path) {
                changed.add(path.toAbsolutePath());
            }

            @Override
            public void ready(int folders, java.time.Duration took) {
                ready.countDown();
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
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
    void aChangeWhileTheFoldersAreRegisteredIsNotMissed() throws IOException, InterruptedException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        for (int i = 0; i < 300; i++) {
            Files.createDirectories(content.resolve("kb/" + i / 100 + "/Q" + i));
        }
        Path untouched = Files.writeString(content.resolve("kb/2/Q299/README.md"), "before the watch");
        Files.setLastModifiedTime(untouched, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        try (TreeWatcher watcher = start(List.of(content), List.of())) {
            // Most likely before its folder is registered (the last one walked), maybe after: seen either way.
            Path edited = Files.writeString(content.resolve("kb/2/Q298/README.md"), "during registration");
            assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
            awaitChanged(edited);
            assertThat(changed).doesNotContain(untouched.toAbsolutePath());
            assertThat(watcher.folders()).isEqualTo(1 + 1 + 3 + 300);
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
