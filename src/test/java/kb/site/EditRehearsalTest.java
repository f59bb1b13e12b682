package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import kb.TestSites;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build daemon's rehearsed edit: built on a copy, with the site's own theme, leaving the real site as it was. */
class EditRehearsalTest {

    @TempDir
    Path tmp;
    private Path src;
    private BuildOptions options;

    @BeforeEach
    void site() throws IOException {
        src = tmp.resolve("src");
        write("_config.yml", "title: Contoso KB\nurl: https://kb.example.org\n");
        write("index.md", "---\ntitle: Home\n---\n\n# Contoso KB\n\nStart at [the widget](/kb/Q1001/).\n");
        write("kb/Q1001/README.md", NavigationSiteTest.article("Q1001", "Contoso Widget", "13-MAY-2002", "kbbug",
                "The widget stops when the gear slips. See Q1002 for the gear fix."));
        write("kb/Q1002/README.md", NavigationSiteTest.article("Q1002", "Contoso Widget", "14-MAY-2002", "kbhowto",
                "How to tighten the gear of a widget so that it does not slip."));
        write("kb/Q1003/README.md", NavigationSiteTest.article("Q1003", "Contoso Gadget", "15-JUN-2003", "kbbug",
                "The gadget beeps when its battery is low. Replace the battery."));
        Path out = tmp.resolve("out");
        options = new BuildOptions(src, out.resolve("site"), out.resolve("index"), Optional.empty(), Optional.empty());
    }

    @Test
    void rehearsesOnACopyAndLeavesTheSiteItsIndexAndStateAsTheyWere() throws Exception {
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.build(options, new Diagnostics()).errors()).isZero();
            assertThat(builder.warmUp(options, new Diagnostics())).isTrue();
            Map<String, String> before = files(tmp);

            Diagnostics copy = new Diagnostics();
            Optional<EditRehearsal.Rehearsed> done = builder.rehearseEdit(options, copy);

            assertThat(done).isPresent();
            assertThat(done.get().pages()).isEqualTo(3); // the articles: the home page is left out
            assertThat(copy.reported()).filteredOn(d -> d.severity() == kb.diag.Severity.ERROR).isEmpty();
            // Each change, the typo and the text put back, makes the edited article's page again;
            // the first two, in the summary of Q1002 ("tighten"), also its product's listing and
            // the page of Q1001, which cites it.
            assertThat(done.get().editsWritten()).hasSize(4).allSatisfy(written -> assertThat(written).isPositive());
            assertThat(done.get().editsWritten().get(0)).isGreaterThan(done.get().editsWritten().get(2));
            assertThat(files(tmp)).isEqualTo(before);

            // The builder's next build is an edit's, as after any warm-up.
            edit("kb/Q1003/README.md", "Replace the battery", "Replace the cell");
            BuildResult edited = builder.build(options, new Diagnostics());
            assertThat(edited.clean()).isFalse();
            assertThat(TestSites.read(options.dest().resolve("kb/Q1003/index.html"))).contains("Replace the cell");
        } finally {
            builder.close();
        }
    }

    @Test
    void theCopyIsLaidOutWithTheSitesTemplatesBesideItsSource() throws Exception {
        // A layout only the site's theme has: the copy's pages would fail without it.
        write("kb/Q1002/README.md", Files.readString(src.resolve("kb/Q1002/README.md")).replace("layout: page", "layout: howto"));
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("howto.ftlh"), "<html><body><main>${content?no_esc}</main></body></html>\n");

        assertRehearsedWithoutErrors("The widget stops when the gear slips.");
    }

    @Test
    void theCopyHasTheSitesIncludesAndData() throws Exception {
        write("_includes/note.html", "<p class=\"note\">{{ site.data.notes.care }}</p>\n");
        write("_data/notes.yml", "care: Handle the widget with care.\n");
        write("kb/Q1001/README.md", Files.readString(src.resolve("kb/Q1001/README.md"))
                .replace("{% raw %}", "{% include note.html %}\n\n{% raw %}"));

        assertRehearsedWithoutErrors("Handle the widget with care.");
    }

    /**
     * Builds the site (its page of Q1001 showing {@code q1001Shows}), warms a daemon's builder up,
     * and has it rehearse an edit, which the copy's builds report no error in.
     */
    private void assertRehearsedWithoutErrors(String q1001Shows) throws IOException {
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.build(options, new Diagnostics()).errors()).isZero();
            assertThat(TestSites.read(options.dest().resolve("kb/Q1001/index.html"))).contains(q1001Shows);
            assertThat(builder.warmUp(options, new Diagnostics())).isTrue();

            Diagnostics copy = new Diagnostics();
            assertThat(builder.rehearseEdit(options, copy)).isPresent();
            assertThat(copy.reported()).filteredOn(d -> d.severity() == kb.diag.Severity.ERROR).isEmpty();
        } finally {
            builder.close();
        }
    }

    @Test
    void nothingToRehearseBeforeABuild() {
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.rehearseEdit(options, new Diagnostics())).isEmpty();
            assertThat(tmp.resolve("out")).doesNotExist();
        } finally {
            builder.close();
        }
    }

    /** Every file below {@code root}, by path, with its size and time: what a write would change. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.size(file) + " " + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    private void edit(String rel, String from, String to) throws IOException {
        Path file = src.resolve(rel);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private void write(String rel, String text) throws IOException {
        Path file = src.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
