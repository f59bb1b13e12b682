package kb.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kb.diag.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    @TempDir
    Path source;

    private void write(String relative) throws IOException {
        Path file = source.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    private List<String> scan(EntryFilter filter, Set<Path> skipped) {
        return new SourceScanner(filter, skipped).scan(source).stream()
                .map(SourceFile::relativePath).toList();
    }

    @Test
    void listsReadableFilesSortedByRelativePath() throws IOException {
        for (String f : List.of("index.md", "kb/319/Q319864/README.md", "kb/100/Q100001/README.md",
                "assets/kb.css", "_layouts/page.html", ".git/HEAD", "notes.md~", "#scratch#",
                "kb/_drafts/x.md", "node_modules/lib/index.js", "drafts/README.md", "b.tmp",
                "kb/100/old.tmp")) {
            write(f);
        }

        List<String> files = scan(new EntryFilter(List.of("drafts", "*.tmp"), List.of()), Set.of());

        assertThat(files).containsExactly(
                "assets/kb.css",
                "index.md",
                "kb/100/Q100001/README.md",
                "kb/319/Q319864/README.md");
    }

    @Test
    void includedSpecialFoldersAreRead() throws IOException {
        write("_pages/about.md");
        write("_layouts/page.html");
        write(".htaccess");

        List<String> files = scan(new EntryFilter(List.of(), List.of("_pages", ".htaccess")), Set.of());

        assertThat(files).containsExactly(".htaccess", "_pages/about.md");
    }

    @Test
    void outputFoldersInsideTheSourceAreSkipped() throws IOException {
        write("index.md");
        write("site/index.html");
        write("site/kb/a/index.html");
        write("index/segments_1");
        write("sitemap.md");

        List<String> files = scan(new EntryFilter(List.of(), List.of()),
                Set.of(source.resolve("site"), source.resolve("kb/../index")));

        assertThat(files).containsExactly("index.md", "sitemap.md");
    }

    @Test
    void theCheckpointRunsForEachFolder_andStopsTheScanByThrowing() throws IOException {
        write("index.md");
        write("kb/100/Q100001/README.md");
        write("kb/100/Q100002/README.md");
        java.util.concurrent.atomic.AtomicInteger folders = new java.util.concurrent.atomic.AtomicInteger();
        EntryFilter all = new EntryFilter(List.of(), List.of());

        assertThat(new SourceScanner(all, Set.of(), folders::incrementAndGet).scan(source)).hasSize(3);
        assertThat(folders.get()).as("the root, kb, 100 and two article folders").isEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SourceScanner(all, Set.of(), () -> {
            if (folders.incrementAndGet() > 7) {
                throw new IllegalStateException("stopped");
            }
        }).scan(source)).hasMessage("stopped");
    }

    @Test
    void sourceFilesCarryPathAndDisplayName() throws IOException {
        write("kb/a.md");

        List<SourceFile> files = new SourceScanner(new EntryFilter(List.of(), List.of()), Set.of()).scan(source);

        Path expected = source.toAbsolutePath().normalize().resolve("kb/a.md");
        assertThat(files).containsExactly(new SourceFile(expected, "kb/a.md", Display.of(expected),
                Files.size(expected), Files.getLastModifiedTime(expected).toMillis()));
    }

    @Test
    void emptySourceHasNoFiles() {
        assertThat(scan(new EntryFilter(List.of(), List.of()), Set.of())).isEmpty();
    }

    @Test
    void extensionIsLowerCaseWithoutTheDot() {
        Path p = Path.of("x");
        assertThat(new SourceFile(p, "kb/README.MD", "x").extension()).isEqualTo("md");
        assertThat(new SourceFile(p, "a.tar.gz", "x").extension()).isEqualTo("gz");
        assertThat(new SourceFile(p, "Makefile", "x").extension()).isEmpty();
        assertThat(new SourceFile(p, ".htaccess", "x").extension()).isEmpty();
        assertThat(new SourceFile(p, "dir.d/file", "x").extension()).isEmpty();
    }

    /** A scan as the next build makes it: from the folders and files of the last one. */
    private SourceTree rescan(SourceTree last) {
        return new SourceScanner(new EntryFilter(List.of(), List.of()), Set.of()).scan(source, last.folders(),
                last.files().stream().map(SourceFile::relativePath).toList());
    }

    private SourceTree fullScan() {
        return new SourceScanner(new EntryFilter(List.of(), List.of()), Set.of()).scan(source, SourceFolders.NONE,
                List.of());
    }

    /** The last scan as if it had begun a minute later than it did, so that no folder's time is too recent to trust. */
    private static SourceTree settled(SourceTree tree) {
        return new SourceTree(tree.files(), new SourceFolders(tree.folders().times(),
                tree.folders().scannedAt() + 60_000 + SourceScanner.RACY_MILLIS));
    }

    @Test
    void aRescanFindsWhatAFullScanFinds_afterEdits_addsAndDeletes() throws IOException {
        for (String f : List.of("index.md", "kb/100/Q100001/README.md", "kb/100/Q100002/README.md",
                "kb/319/Q319864/README.md", "assets/kb.css")) {
            write(f);
        }
        SourceTree last = settled(fullScan());
        assertThat(last.folders().times()).containsOnlyKeys("", "kb", "kb/100", "kb/100/Q100001", "kb/100/Q100002",
                "kb/319", "kb/319/Q319864", "assets");

        Files.writeString(source.resolve("kb/100/Q100001/README.md"), "edited, and longer");
        write("kb/100/Q100003/README.md");
        write("kb/500/Q500001/README.md");
        Files.delete(source.resolve("kb/319/Q319864/README.md"));
        Files.delete(source.resolve("kb/319/Q319864"));
        Files.delete(source.resolve("assets/kb.css"));
        SourceTree again = rescan(last);

        assertThat(again.files()).isEqualTo(fullScan().files());
        assertThat(again.files()).extracting(SourceFile::relativePath).containsExactly("index.md",
                "kb/100/Q100001/README.md", "kb/100/Q100002/README.md", "kb/100/Q100003/README.md",
                "kb/500/Q500001/README.md");
        assertThat(again.files().get(1).size()).isEqualTo("edited, and longer".length());
        assertThat(again.folders().times()).doesNotContainKey("kb/319/Q319864").containsKey("kb/500/Q500001");
    }

    @Test
    void aWideTree_readInParallelWhereFoldersHaveSeveralSubfolders_isFoundWhole_andInOrder() throws IOException {
        // Folders of many subfolders are read in parallel, folders of few one after the other.
        List<String> expected = new java.util.ArrayList<>();
        for (int group = 0; group < 7; group++) {
            for (int article = 0; article < (group % 2 == 0 ? 9 : 2); article++) {
                String file = String.format("kb/%03d/Q%03d%03d/README.md", group, group, article);
                write(file);
                expected.add(file);
            }
        }
        write("kb/003/Q003000/images/figure.txt");
        expected.add("kb/003/Q003000/images/figure.txt");
        java.util.Collections.sort(expected);
        SourceTree last = settled(fullScan());
        assertThat(last.files()).extracting(SourceFile::relativePath).containsExactlyElementsOf(expected);

        Files.writeString(source.resolve("kb/004/Q004008/README.md"), "edited");
        SourceTree again = rescan(last);
        assertThat(again.files()).isEqualTo(fullScan().files());
        assertThat(again.files()).extracting(SourceFile::relativePath).containsExactlyElementsOf(expected);
    }

    @Test
    void aFolderWhoseTimeIsUnchangedIsNotListedAgain_unlessItChangedTooCloseToTheLastScan() throws IOException {
        write("kb/Q1/README.md");
        Path folder = source.resolve("kb/Q1");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(folder);
        SourceTree last = fullScan();
        // A file added and the folder's time put back: only a folder listed again would show it.
        write("kb/Q1/extra.md");
        Files.setLastModifiedTime(folder, time);

        assertThat(rescan(settled(last)).files()).extracting(SourceFile::relativePath)
                .containsExactly("kb/Q1/README.md");
        // Scanned within moments of the folder's last change: its time cannot be trusted.
        assertThat(rescan(last).files()).extracting(SourceFile::relativePath)
                .containsExactly("kb/Q1/README.md", "kb/Q1/extra.md");
    }

    @Test
    void aFolderReplacedByALinkIsNotEnteredOnARescan() throws IOException {
        write("kb/Q1/README.md");
        write("elsewhere/Q1/README.md");
        SourceTree last = settled(fullScan());
        Path kb = source.resolve("kb");
        Files.delete(kb.resolve("Q1/README.md"));
        Files.delete(kb.resolve("Q1"));
        Files.delete(kb);
        Files.createSymbolicLink(kb, source.resolve("elsewhere"));

        assertThat(rescan(last).files()).extracting(SourceFile::relativePath)
                .containsExactly("elsewhere/Q1/README.md");
    }
}
