package kb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.TestSites;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resident (daemon) builder through edge cases (duplicate IDs, adds and removes in one folder, pages that fail, interruptions, previews, a warm-up), each build against a clean one. */
class ResidentBuilderEdgeCasesTest {

    @TempDir
    Path tmp;
    private Path src;

    @BeforeEach
    void sources() throws IOException {
        src = tmp.resolve("src");
        write("_config.yml", "title: Contoso KB\nurl: https://kb.example.org\n");
        write("index.md", "---\ntitle: Home\n---\n\n# Contoso KB\n\nStart at [the widget](/kb/Q1001/).\n");
        write("kb/Q1001/README.md", NavigationSiteTest.article("Q1001", "Contoso Widget", "13-MAY-2002", "kbbug",
                "The widget stops when the gear slips. See Q1002 for the gear fix and Q1003."));
        write("kb/Q1002/README.md", NavigationSiteTest.article("Q1002", "Contoso Widget", "14-MAY-2002", "kbhowto",
                "How to tighten the gear of a widget so that it does not slip."));
        write("kb/Q1003/README.md", NavigationSiteTest.article("Q1003", "Contoso Gadget", "15-JUN-2003", "kbbug",
                "The gadget beeps when its battery is low. Replace the battery."));
        write("kb/Q1004/README.md", NavigationSiteTest.article("Q1004", "Contoso Gadget", "16-JUN-2003", "kbinfo",
                "Battery life of the gadget, and why it beeps. See Q1003."));
    }

    /** An article with ID {@code id} at {@code permalink}. */
    private static String articleAt(String id, String permalink, String product, String date, String body) {
        return NavigationSiteTest.article(id, product, date, "kbbug", body)
                .replace("permalink: /kb/" + id + "/", "permalink: " + permalink);
    }

    @Test
    void duplicateIdsInAResidentBuilder() throws Exception {
        // Two pages of the ID Q1003: "dups/..." comes first in path order (the catalog's and related lists' winner).
        write("dups/Q1003/README.md", articleAt("Q1003", "/dups/Q1003/", "Contoso Gadget", "15-JUN-2003",
                "The gadget hums when its charger is warm. Unplug the charger."));
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            step(builder, "first", () -> { });
            step(builder, "loser text", () -> edit("kb/Q1003/README.md", "Replace the battery", "Replace the cell"));
            step(builder, "loser summary", () -> edit("kb/Q1003/README.md", "beeps when", "chirps when"));
            step(builder, "winner text", () -> edit("dups/Q1003/README.md", "Unplug the charger", "Unplug the adapter"));
            step(builder, "winner summary", () -> edit("dups/Q1003/README.md", "hums when", "buzzes when"));
            step(builder, "both summaries", () -> {
                edit("dups/Q1003/README.md", "buzzes when", "whirs when");
                edit("kb/Q1003/README.md", "chirps when", "clicks when");
            });
            step(builder, "winner gone", () -> Files.delete(src.resolve("dups/Q1003/README.md")));
            step(builder, "loser text again", () -> edit("kb/Q1003/README.md", "Replace the cell", "Swap the cell"));
            step(builder, "winner back", () -> write("dups/Q1003/README.md", articleAt("Q1003", "/dups/Q1003/",
                    "Contoso Gadget", "15-JUN-2003", "The gadget hums when its charger is warm. Unplug the charger.")));
            step(builder, "winner summary again", () -> edit("dups/Q1003/README.md", "hums when", "purrs when"));
        } finally {
            builder.close();
        }
    }

    @Test
    void addAndRemoveInOneFolder_aFolderReplaced_inAWatchingBuilder() throws Exception {
        write("notes/a.md", "---\ntitle: A\n---\n\nNote a. [b](/notes/b.html)\n");
        write("notes/b.md", "---\ntitle: B\n---\n\nNote b.\n");
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            step(builder, "first", () -> { });
            step(builder, "again", () -> { });
            step(builder, "a removed, c added", () -> {
                Files.delete(src.resolve("notes/a.md"));
                write("notes/c.md", "---\ntitle: C\n---\n\nNote c. [b](/notes/b.html)\n");
            });
            step(builder, "b removed, a added", () -> {
                Files.delete(src.resolve("notes/b.md"));
                write("notes/a.md", "---\ntitle: A\n---\n\nNote a again.\n");
            });
            step(builder, "folder replaced, same names", () -> {
                Files.move(src.resolve("notes"), tmp.resolve("notes-old"));
                write("notes/a.md", "---\ntitle: A2\n---\n\nNote a2.\n");
                write("notes/c.md", "---\ntitle: C2\n---\n\nNote c2.\n");
            });
            step(builder, "article folder replaced by another", () -> {
                String text = Files.readString(src.resolve("kb/Q1003/README.md")).replace("battery is low", "cell is weak");
                Files.move(src.resolve("kb/Q1003"), tmp.resolve("old-Q1003"));
                write("kb/Q1003/README.md", text);
                write("kb/Q1003/extra.txt", "extra\n");
            });
            step(builder, "article file swapped with another in the folder", () -> {
                Files.delete(src.resolve("kb/Q1003/extra.txt"));
                write("kb/Q1003/other.txt", "other\n");
                edit("kb/Q1004/README.md", "Battery life", "Cell life");
            });
        } finally {
            builder.close();
        }
    }

    @Test
    void aPageThatFailsToRender_inAResidentBuilder() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        // An article whose title holds BOOM fails to render (a template error): no page, an error.
        String article = Files.readString(Path.of("templates/article.ftlh"));
        Files.writeString(templates.resolve("article.ftlh"),
                article.replace("<#assign a = page.article>", "<#assign a = page.article><#if a.title?contains(\"BOOM\")>${nope}</#if>"));
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            step(builder, "first", () -> { });
            step(builder, "fails", () -> edit("kb/Q1004/README.md", "Contoso Gadget article Q1004", "Contoso Gadget BOOM Q1004"));
            step(builder, "other edit", () -> edit("kb/Q1003/README.md", "battery is low", "cell is weak"));
            step(builder, "other summary", () -> edit("kb/Q1002/README.md", "How to tighten", "How to fasten"));
            step(builder, "fixed", () -> edit("kb/Q1004/README.md", "Contoso Gadget BOOM Q1004", "Contoso Gadget article Q1004"));
            step(builder, "after", () -> edit("kb/Q1003/README.md", "cell is weak", "battery is low"));
        } finally {
            builder.close();
        }
    }

    @Test
    void interruptedBuildsInAResidentBuilder_thenEdits() throws Exception {
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            step(builder, "first", () -> { });
            step(builder, "edit", () -> edit("kb/Q1003/README.md", "battery is low", "cell is weak"));
            edit("kb/Q1002/README.md", "How to tighten", "How to fasten");
            builder.awaitStateWrite();
            assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                    IncrementalBuildTest.atStep("Rendering", 1, builder::interrupt))).isInstanceOf(BuildInterrupted.class);
            step(builder, "after the interrupted", () -> edit("kb/Q1001/README.md", "gear slips", "gear wears"));
            edit("kb/Q1001/README.md", "gear wears", "gear slips");
            builder.awaitStateWrite();
            assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                    IncrementalBuildTest.atStep("Rendering", 0, builder::interrupt))).isInstanceOf(BuildInterrupted.class);
            step(builder, "after the second interrupted", () -> { });
            step(builder, "more", () -> edit("kb/Q1002/README.md", "How to fasten", "How to tighten"));
        } finally {
            builder.close();
        }
    }

    @Test
    void aServeWatchBuilder_withPreviewsBetween() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        try {
            step(builder, "first", () -> { });
            step(builder, "edit", () -> edit("kb/Q1003/README.md", "battery is low", "cell is weak"));
            edit("kb/Q1002/README.md", "How to tighten", "How to fasten");
            builder.awaitStateWrite();
            assertThat(builder.preview(options("a", false), java.util.Set.of(src.resolve("kb/Q1002/README.md")),
                    new Diagnostics())).isPresent();
            step(builder, "after preview", () -> { });
            step(builder, "more", () -> edit("kb/Q1002/README.md", "How to fasten", "How to tighten"));
        } finally {
            builder.close();
        }
    }

    @Test
    void aWarmedUpDaemon_withDuplicatesAndStaticFiles_throughSummaryTitleAndAssetEdits() throws Exception {
        write("dups/Q1003/README.md", articleAt("Q1003", "/dups/Q1003/", "Contoso Gadget", "15-JUN-2003",
                "The gadget hums when its charger is warm. Unplug the charger."));
        write("assets/logo.txt", "a static file\n");
        write("assets/other.txt", "another static file\n");
        new SiteBuilder(BuildProgress.NONE).build(options("a", false), new Diagnostics());
        Thread.sleep(1500);
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.warmUp(options("a", false), new Diagnostics())).isTrue();
            step(builder, "winner summary", () -> edit("dups/Q1003/README.md", "hums when", "buzzes when"));
            step(builder, "other summary", () -> edit("kb/Q1002/README.md", "How to tighten", "How to fasten"));
            step(builder, "asset edited", () -> write("assets/logo.txt", "a static file, longer now\n"));
            step(builder, "asset swapped", () -> {
                Files.delete(src.resolve("assets/other.txt"));
                write("assets/third.txt", "third\n");
            });
            step(builder, "title", () -> edit("kb/Q1004/README.md", "Contoso Gadget article Q1004", "Contoso Gadget battery Q1004"));
            step(builder, "loser summary", () -> edit("kb/Q1003/README.md", "beeps when", "chirps when"));
            step(builder, "winner summary back", () -> edit("dups/Q1003/README.md", "buzzes when", "hums when"));
        } finally {
            builder.close();
        }
    }

    // --- helpers ---

    @FunctionalInterface
    interface Change {
        void run() throws Exception;
    }

    private void step(SiteBuilder builder, String name, Change change) throws Exception {
        builder.awaitStateWrite();
        Thread.sleep(300); // the watch registers new folders in the background
        change.run();
        Diagnostics inc = new Diagnostics();
        builder.build(options("a", false), inc);
        builder.awaitStateWrite();
        Diagnostics clean = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(options("b", true), clean);
        assertThat(inc.sorted()).as("diagnostics after " + name).isEqualTo(clean.sorted());
        Map<String, String> a = TestSites.files(site("a"));
        Map<String, String> b = TestSites.files(site("b"));
        assertThat(a.keySet()).as("files after " + name).containsExactlyElementsOf(b.keySet());
        for (String path : a.keySet()) {
            assertThat(a.get(path)).as(path + " after " + name).isEqualTo(b.get(path));
        }
        Map<String, List<String>> da = IncrementalBuildTest.documents(tmp.resolve("a/index"));
        Map<String, List<String>> db = IncrementalBuildTest.documents(tmp.resolve("b/index"));
        assertThat(da).as("documents after " + name).isEqualTo(db);
    }

    private void write(String path, String text) throws IOException {
        Path file = src.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 1000));
    }

    private void edit(String path, String from, String to) throws IOException {
        IncrementalBuildTest.edit(src, path, from, to);
    }

    private Path site(String build) {
        return tmp.resolve(build).resolve("site");
    }

    private BuildOptions options(String name, boolean clean) {
        return new BuildOptions(src, site(name), tmp.resolve(name).resolve("index"), Optional.empty(), Optional.empty(),
                true, clean);
    }
}
