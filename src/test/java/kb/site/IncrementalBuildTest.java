package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.search.IndexFields;
import kb.state.StateFile;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental builds: after each kind of edit, a build into the folders of the last one equals a
 * clean build of the same sources, file for file and byte for byte (site) and document for
 * document (index), and writes only what changed.
 */
class IncrementalBuildTest {

    @TempDir
    Path tmp;
    private Path src;

    @BeforeEach
    void sources() throws IOException {
        src = tmp.resolve("src");
        write("_config.yml", "title: Contoso KB\nurl: https://kb.example.org\n");
        write("index.md", "---\ntitle: Home\n---\n\n# Contoso KB\n\nStart at [the widget](/kb/Q1001/) or {{ site.title }}.\n");
        write("assets/logo.txt", "a static file\n");
        write("kb/Q1001/README.md", NavigationSiteTest.article("Q1001", "Contoso Widget", "13-MAY-2002", "kbbug",
                "The widget stops when the gear slips. See Q1002 for the gear fix and Q1003."));
        write("kb/Q1002/README.md", NavigationSiteTest.article("Q1002", "Contoso Widget", "14-MAY-2002", "kbhowto",
                "How to tighten the gear of a widget so that it does not slip."));
        write("kb/Q1003/README.md", NavigationSiteTest.article("Q1003", "Contoso Gadget", "15-JUN-2003", "kbbug",
                "The gadget beeps when its battery is low. Replace the battery."));
        write("kb/Q1004/README.md", NavigationSiteTest.article("Q1004", "Contoso Gadget", "16-JUN-2003", "kbinfo",
                "Battery life of the gadget, and why it beeps. See Q1003."));
    }

    @Test
    void anEditedArticleRewritesItsPageAndWhatShowsIt() throws Exception {
        BuildResult first = incremental();
        assertThat(first.clean()).isTrue();
        assertSameAsClean();

        edit("kb/Q1002/README.md", "tighten the gear", "tighten the sprocket");
        BuildResult edited = incremental();
        assertThat(edited.clean()).isFalse();
        assertSameAsClean();
        // Its page, the listing pages that summarise it, the feeds and search files: not every page.
        assertThat(edited.written()).isPositive().isLessThan(first.written() / 2);
        assertThat(site("a").resolve("kb/Q1002/index.html")).content().contains("sprocket");
        assertThat(search("a", "sprocket")).containsExactly("/kb/Q1002/");
    }

    @Test
    void aTitleChangeReachesThePagesThatLinkTheArticle() throws Exception {
        incremental();
        edit("kb/Q1002/README.md", "Contoso Widget article Q1002", "Contoso Widget gears explained");
        incremental();
        assertSameAsClean();
        assertThat(site("a").resolve("kb/Q1001/index.html")).content().contains("gears explained");
    }

    @Test
    void anUnchangedOrTouchedSourceRewritesNothing() throws Exception {
        incremental();
        BuildResult again = incremental();
        assertThat(again.written()).isZero();
        Path file = src.resolve("kb/Q1003/README.md");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        assertThat(incremental().written()).isZero();
        assertSameAsClean();
    }

    @Test
    void addedAndDeletedArticlesAreAddedAndRemovedEverywhere() throws Exception {
        incremental();
        write("kb/Q1005/README.md", NavigationSiteTest.article("Q1005", "Contoso Gadget", "17-JUL-2004", "kbbug",
                "The zephyr charger of the gadget battery: see Q1004 and Q1001."));
        incremental();
        assertSameAsClean();
        assertThat(search("a", "zephyr")).containsExactly("/kb/Q1005/");

        Files.delete(src.resolve("kb/Q1003/README.md"));
        BuildResult deleted = incremental();
        assertThat(deleted.clean()).isFalse();
        assertSameAsClean();
        assertThat(site("a").resolve("kb/Q1003/index.html")).doesNotExist();
        assertThat(search("a", "beeps")).containsExactly("/kb/Q1004/");
    }

    @Test
    void aTemplateOrConfigurationChangeRebuildsEverything() throws Exception {
        incremental();
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("listing.ftlh"), Files.readString(Path.of("templates/listing.ftlh"))
                .replace("<h1", "<h1 data-edited=\"yes\""));
        BuildResult themed = incremental();
        assertThat(themed.clean()).isTrue();
        assertSameAsClean();
        assertThat(site("a").resolve("browse/kind/kbbug/index.html")).content().contains("data-edited");

        write("_config.yml", "title: Contoso Knowledge Base\nurl: https://kb.example.org\n");
        assertThat(incremental().clean()).isTrue();
        assertSameAsClean();
    }

    @Test
    void aMissingDamagedOrForeignStateMeansACleanBuild() throws Exception {
        incremental();
        Path state = StateFile.beside(site("a")).path();
        assertThat(state).exists();
        byte[] bytes = Files.readAllBytes(state);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(state, bytes);
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        assertThat(incremental().clean()).isTrue();
        assertSameAsClean();

        Files.write(state, java.util.Arrays.copyOf(bytes, 100));
        assertThat(incremental().clean()).isTrue();
        Files.delete(state);
        assertThat(incremental().clean()).isTrue();
        assertSameAsClean();
    }

    @Test
    void aBuilderThatBuildsAgainKeepsItsStateInMemory_butNotOnceTheFileIsReplaced() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE); // as kb serve --watch keeps one
        assertThat(build(builder, "a", false).clean()).isTrue();
        edit("kb/Q1003/README.md", "battery is low", "battery runs low");
        BuildResult again = build(builder, "a", false);
        assertThat(again.clean()).isFalse();
        assertThat(again.written()).isPositive();
        assertSameAsClean();

        Path state = StateFile.beside(site("a")).path();
        byte[] bytes = Files.readAllBytes(state);
        bytes[bytes.length / 2] ^= 0x55;
        Files.delete(state);
        Files.write(state, bytes); // another file now: the one in memory is not it
        assertThat(build(builder, "a", false).clean()).isTrue();
        assertSameAsClean();
    }

    @Test
    void aBuildThatStopsHalfWayLeavesNoState() throws Exception {
        incremental();
        Path state = StateFile.beside(site("a")).path();
        assertThat(state).exists();
        Path index = tmp.resolve("a/index");
        try (Stream<Path> files = Files.walk(index)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(index, "not an index folder"); // the build cannot open its index
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        try {
            incremental();
        } catch (RuntimeException | AssertionError expected) {
            // stopped: what matters is what it left
        }
        // The site may hold pages of the stopped build: no state may claim it is as the last one left it.
        assertThat(state).doesNotExist();
        Files.delete(index);
        assertThat(incremental().clean()).isTrue();
        assertSameAsClean();
    }

    // --- helpers ---

    private void write(String path, String text) throws IOException {
        Path file = src.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = src.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        // A file edited twice within the file system's time resolution must still look changed.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 1000));
    }

    private Path site(String build) {
        return tmp.resolve(build).resolve("site");
    }

    private BuildResult build(String name, boolean clean) {
        return build(new SiteBuilder(BuildProgress.NONE), name, clean);
    }

    private BuildResult build(SiteBuilder builder, String name, boolean clean) {
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result = builder.build(new BuildOptions(src, site(name),
                tmp.resolve(name).resolve("index"), Optional.empty(), Optional.empty(), true, clean), diagnostics);
        assertThat(diagnostics.sorted()).as("diagnostics of build " + name).isEmpty();
        return result;
    }

    private BuildResult incremental() {
        return build("a", false);
    }

    /** A clean build of the same sources into other folders equals what the incremental builds made. */
    private void assertSameAsClean() throws IOException {
        build("b", true);
        Map<String, String> a = files(site("a"));
        Map<String, String> b = files(site("b"));
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        for (String path : a.keySet()) {
            assertThat(a.get(path)).as(path).isEqualTo(b.get(path));
        }
        assertThat(documents(tmp.resolve("a/index"))).isEqualTo(documents(tmp.resolve("b/index")));
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return files;
    }

    /** Every live document's stored fields, by URL. */
    private static Map<String, List<String>> documents(Path index) throws IOException {
        Map<String, List<String>> docs = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            StoredFields stored = reader.storedFields();
            Bits live = MultiBits.getLiveDocs(reader);
            for (int i = 0; i < reader.maxDoc(); i++) {
                if (live != null && !live.get(i)) {
                    continue;
                }
                Document doc = stored.document(i);
                List<String> fields = new ArrayList<>();
                for (IndexableField f : doc.getFields()) {
                    fields.add(f.name() + "=" + f.stringValue());
                }
                fields.sort(null);
                assertThat(docs.put(doc.get(IndexFields.URL), fields)).as("one document per URL").isNull();
            }
        }
        return docs;
    }

    private List<String> search(String build, String query) {
        try (kb.search.SearchService service = new kb.search.SearchService(tmp.resolve(build).resolve("index"))) {
            return service.search(kb.search.SearchRequest.of(query, 10)).hits().stream().map(h -> h.url()).toList();
        }
    }
}
