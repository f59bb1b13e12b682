package kb.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest the build writes and kb check reads. */
class SourceManifestTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsWithTheSourceFolderRelativeToTheSite() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("out/site"));
        Path source = tmp.resolve("content");
        SourceManifest written = SourceManifest.of("/kb", "https://kb.example.com", source, site, Map.of(
                "kb/1/Q1/index.html", SourceManifest.Origin.page("kb/1/Q1/README.md", "page"),
                "search/index.html", SourceManifest.Origin.generated("search.ftlh")));
        written.write(site);

        assertThat(Files.readString(site.resolve(SourceManifest.FILE))).startsWith("# kb-sources 1")
                .contains("\nsource\t../../content\n")
                .contains("\npage\tkb/1/Q1/index.html\tkb/1/Q1/README.md\tpage\n")
                .contains("\ngenerated\tsearch/index.html\tsearch.ftlh\n");
        SourceManifest read = SourceManifest.read(site).orElseThrow();
        assertThat(read).isEqualTo(written);
        assertThat(read.sourceFile(site, "kb/1/Q1/index.html")).hasValue(source.resolve("kb/1/Q1/README.md"));
        assertThat(read.sourceFile(site, "search/index.html")).isEmpty();
        assertThat(read.sourceFile(site, "other.html")).isEmpty();
    }

    @Test
    void aSiteWithoutAManifestHasNone() {
        assertThat(SourceManifest.read(tmp)).isEmpty();
        assertThat(SourceManifest.none("/kb").sourceFile(tmp, "index.html")).isEqualTo(Optional.empty());
    }
}
