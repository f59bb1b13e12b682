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
}
