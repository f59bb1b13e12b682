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
                    // A writer's saves come seconds apart: the folders new at the last scan are watched by now.
                    for (int i = 0; i < 500 && !watch.registered(); i++) {
                        Thread.sleep(10);
                    }
                    change(root, random, round);
                }
                Optional<SourceWatch.Changes> changed = watch.begin(last);
                SourceTree tree = scan(scanner, root, last, changed);
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
            assertThat(watch.begin(tree)).as("registered after the scan began").get()
                    .extracting(SourceWatch.Changes::folders)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).contains("", "a");
            watch.follow(tree);
            assertThat(watch.begin(tree)).contains(new SourceWatch.Changes(Set.of(), Set.of()));
            watch.follow(tree);
            SourceTree other = new SourceTree(first.files(), tree.folders());
            assertThat(watch.begin(other)).as("not the tree followed").isEmpty();
        }
    }

    /** The scan a resident builder makes: of the changed folders only, when the watch knows them. */
    private static SourceTree scan(SourceScanner scanner, Path root, SourceTree last, Optional<SourceWatch.Changes> changed) {
        return changed.isPresent() ? scanner.rescan(root, last, changed.get().folders(), changed.get().replaced())
                : scanner.scan(root, SourceFolders.NONE, List.of());
    }

    /** Scans as a resident builder does until the watch knows every folder; the last scan. */
    private SourceTree settled(SourceWatch watch, SourceScanner scanner, Path root) throws Exception {
        SourceTree tree = null;
        for (int i = 0; i < 3; i++) {
            Optional<SourceWatch.Changes> changed = watch.begin(tree);
            tree = scan(scanner, root, tree, changed);
            watch.follow(tree);
            Thread.sleep(300);
        }
        return tree;
    }

    /** After {@code change}, the scan a resident builder makes equals a full scan (found by a review). */
    private void afterChange(Path root, Path watched, ThrowingRunnable change) throws Exception {
        SourceScanner scanner = new SourceScanner(new EntryFilter(List.of(), List.of()), Set.of());
        try (SourceWatch watch = SourceWatch.open(watched, tmp.resolve("sync"), log::add).orElseThrow()) {
            SourceTree last = settled(watch, scanner, watched);
            change.run();
            Optional<SourceWatch.Changes> changed = watch.begin(last);
            SourceTree tree = scan(scanner, watched, last, changed);
            watch.follow(tree);
            assertThat(paths(tree)).as("%s", changed).isEqualTo(paths(scanner.scan(watched, SourceFolders.NONE, List.of())));
            // And the next scan, of whatever the watch now knows.
            Thread.sleep(300);
            write(root.resolve("later.md"), "later");
            Optional<SourceWatch.Changes> next = watch.begin(tree);
            assertThat(paths(scan(scanner, watched, tree, next))).as("%s", next)
                    .isEqualTo(paths(scanner.scan(watched, SourceFolders.NONE, List.of())));
        }
        assertThat(tmp.resolve("sync")).as("the watch's own folder, removed when it closes").doesNotExist();
    }

    /**
     * A folder made inside a new folder before the new one was watched came without an event: the
     * scan after reads the new folder again and finds it, and it is watched from then on (found
     * by a review: a shortcut that took "no folder among the entries created" for "no new folder"
     * left it unwatched, and the edits in it unseen).
     */
    @Test
    void aFolderMadeInANewFolderBeforeTheNewOneWasWatchedIsWatchedToo() throws Exception {
        Path root = tmp.resolve("src");
        write(root.resolve("a.md"), "a");
        SourceScanner scanner = new SourceScanner(new EntryFilter(List.of(), List.of()), Set.of());
        try (SourceWatch watch = SourceWatch.open(root, tmp.resolve("sync"), log::add).orElseThrow()) {
            SourceTree last = settled(watch, scanner, root);
            write(root.resolve("p/x.md"), "x");
            Optional<SourceWatch.Changes> changed = watch.begin(last);
            SourceTree tree = scan(scanner, root, last, changed);
            Files.createDirectories(root.resolve("p/c")); // before p is watched
            watch.follow(tree);
            Thread.sleep(300);
            changed = watch.begin(tree);
            tree = scan(scanner, root, tree, changed);
            watch.follow(tree);
            Thread.sleep(300);
            write(root.resolve("p/c/y.md"), "y");
            changed = watch.begin(tree);
            assertThat(paths(scan(scanner, root, tree, changed))).as("%s", changed)
                    .isEqualTo(paths(scanner.scan(root, SourceFolders.NONE, List.of())));
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aFolderRenamedAwayAndAnotherMadeUnderItsName() throws Exception {
        Path root = tmp.resolve("src");
        write(root.resolve("kb/Q1/README.md"), "old one");
        write(root.resolve("kb/Q2/README.md"), "two");
        afterChange(root, root, () -> {
            // The old folder kept aside (its watch goes with it), a new one moved in under its name.
            Files.move(root.resolve("kb/Q1"), root.resolve("kb/Q1.bak"));
            write(tmp.resolve("new/Q1/README.md"), "new one, longer");
            write(tmp.resolve("new/Q1/extra.md"), "extra");
            Files.move(tmp.resolve("new/Q1"), root.resolve("kb/Q1"));
        });
    }

    @Test
    void twoFoldersSwapped() throws Exception {
        Path root = tmp.resolve("src");
        write(root.resolve("a/x.md"), "x");
        write(root.resolve("b/y.md"), "yy");
        afterChange(root, root, () -> {
            Files.move(root.resolve("a"), root.resolve("t"));
            Files.move(root.resolve("b"), root.resolve("a"));
            Files.move(root.resolve("t"), root.resolve("b"));
        });
    }

    @Test
    void theSourceFolderMovedAsideAndANewOneMovedIn() throws Exception {
        Path root = tmp.resolve("src");
        write(root.resolve("a/x.md"), "x");
        afterChange(root, root, () -> {
            Files.move(root, tmp.resolve("src.old"));
            write(tmp.resolve("src.new/a/x.md"), "x, newer version");
            write(tmp.resolve("src.new/b.md"), "b");
            Files.move(tmp.resolve("src.new"), root);
        });
    }

    @Test
    void aSourceFolderThatIsALinkPointedElsewhere() throws Exception {
        Path v1 = tmp.resolve("v1");
        Path v2 = tmp.resolve("v2");
        write(v1.resolve("a/x.md"), "x");
        write(v2.resolve("a/x.md"), "x, version two");
        write(v2.resolve("b.md"), "b");
        Path link = tmp.resolve("src");
        Files.createSymbolicLink(link, v1);
        afterChange(v2, link, () -> {
            Path next = tmp.resolve("src.next");
            Files.createSymbolicLink(next, v2);
            Files.move(next, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        });
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
