package kb.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan that reads only the folders a {@link SourceWatch} says changed finds what a full scan
 * finds, after every kind of change to the tree, made right before the scan as a writer's save is.
 */
class SourceWatchTest {

    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    @Test
    void aRescanOfTheChangedFoldersEqualsAFullScanAfterEveryKindOfChange() throws Exception {
        Path root = tmp.resolve("src");
        for (int i = 0; i < 40; i++) {
            write(root.resolve("kb/" + (i % 5) + "/Q" + i + "/README.md"), "article " + i);
        }
        write(root.resolve("_config.yml"), "title: x\n");
        write(root.resolve("skipped.tmp"), "not a source");
        SourceScanner scanner = new SourceScanner(new EntryFilter(List.of("*.tmp"), List.of()), Set.of(root.resolve("site")));
        Random random = new Random(42);
        int rescans = 0;
        try (SourceWatch watch = SourceWatch.open(root, log::add).orElseThrow()) {
            SourceTree last = null;
            for (int round = 0; round < 120; round++) {
                if (round > 3) {
                    change(root, random, round);
                }
                Optional<Set<String>> changed = watch.begin(last);
                SourceTree tree = changed.isPresent() ? scanner.rescan(root, last, changed.get())
                        : scanner.scan(root, SourceFolders.NONE, List.of());
                watch.follow(tree);
                rescans += changed.isPresent() ? 1 : 0;
                SourceTree full = scanner.scan(root, SourceFolders.NONE, List.of());
                assertThat(paths(tree)).as("round %d, changed %s", round, changed).isEqualTo(paths(full));
                assertThat(tree.folders().times()).as("round %d", round).isEqualTo(full.folders().times());
                last = tree;
                if (round < 3) {
                    Thread.sleep(300); // the folders are registered in the background
                }
            }
        }
        assertThat(rescans).as("most scans read only what changed").isGreaterThan(60);
        assertThat(log).isEmpty();
    }

    @Test
    void aScanOfAnotherTreeOrAfterLostEventsReadsEverything() throws Exception {
        Path root = tmp.resolve("src");
        write(root.resolve("a/b.md"), "b");
        SourceScanner scanner = new SourceScanner(new EntryFilter(List.of(), List.of()), Set.of());
        try (SourceWatch watch = SourceWatch.open(root, log::add).orElseThrow()) {
            assertThat(watch.begin(null)).as("no scan followed yet").isEmpty();
            SourceTree first = scanner.scan(root, SourceFolders.NONE, List.of());
            SourceTree tree = new SourceTree(first.files(), new SourceFolders(java.util.Map.of("", 0L, "a", 0L), 0));
            watch.follow(tree);
            Thread.sleep(300);
            assertThat(watch.begin(tree)).as("registered after the scan began").isPresent().get()
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).contains("", "a");
            watch.follow(tree);
            assertThat(watch.begin(tree)).contains(Set.of());
            watch.follow(tree);
            SourceTree other = new SourceTree(first.files(), tree.folders());
            assertThat(watch.begin(other)).as("not the tree followed").isEmpty();
        }
    }

    /** One change of many kinds, picked at random. */
    private static void change(Path root, Random random, int round) throws IOException {
        List<Path> files;
        List<Path> folders;
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> paths = all.filter(p -> !p.equals(root)).sorted().toList();
            files = paths.stream().filter(Files::isRegularFile).toList();
            folders = paths.stream().filter(Files::isDirectory).toList();
        }
        Path file = files.isEmpty() ? root.resolve("x.md") : files.get(random.nextInt(files.size()));
        if (folders.isEmpty()) {
            write(root.resolve("kb/n" + round + "/README.md"), "the tree was empty");
            return;
        }
        Path folder = folders.get(random.nextInt(folders.size()));
        switch (random.nextInt(9)) {
            case 0, 1 -> write(file, "edited " + round); // the writer's save
            case 2 -> write(folder.resolve("new" + round + ".md"), "new");
            case 3 -> Files.deleteIfExists(file);
            case 4 -> write(folder.resolve("n" + round + "/deep/more/README.md"), "a new folder with folders");
            case 5 -> kb.TestSites.deleteTree(folder);
            case 6 -> {
                // A folder moved, and changed where it is now: its watch must not speak for its old name.
                Path to = root.resolve("moved" + round);
                Files.move(folder, to);
                write(to.resolve("after-move.md"), "moved");
            }
            case 7 -> {
                // An editor's save: a new file renamed over the old one.
                Path temp = file.resolveSibling(file.getFileName() + ".swp");
                write(temp, "saved " + round);
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            default -> {
                kb.TestSites.deleteTree(folder);
                write(folder.resolve("again.md"), "a folder deleted and made again");
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> paths(SourceTree tree) {
        return tree.files().stream().map(f -> f.relativePath() + " " + f.size() + " " + f.modified()).toList();
    }
}
