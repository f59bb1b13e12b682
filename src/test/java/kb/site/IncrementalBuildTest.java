package kb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import kb.TestSites;
import kb.diag.Diagnostics;
import kb.search.IndexFields;
import kb.state.BuildState;
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
    /** What every build is expected to report (nothing, unless a test's sources warrant a warning). */
    private List<kb.diag.Diagnostic> expected = List.of();

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
    void anEditBeyondTheSummaryKeepsEveryGeneratedFile_andWhatGeneratingThemReported() throws Exception {
        write("kb/Q1006/README.md", NavigationSiteTest.article("Q1006", "Contoso Gadget", "18-AUG-2004", "kbinfo",
                "The charger of the gadget hums.\n\nUnplug the charger at night and let the battery rest."));
        write("moved.md", "---\ntitle: Moved\nredirect_from:\n  - /old-moved/\n  - ../../outside/\n---\n\nMoved here.\n");
        Diagnostics first = new Diagnostics();
        BuildResult made = new SiteBuilder(BuildProgress.NONE).build(options("a", false), first);
        assertThat(first.sorted()).extracting(d -> d.message()).containsExactly(
                "redirect_from '../../outside/' leads outside the output folder; skipped");
        Path listing = site("a").resolve("browse/index.html");
        FileTime listed = Files.getLastModifiedTime(listing);

        edit("kb/Q1006/README.md", "let the battery rest", "let the battery cool");
        Diagnostics again = new Diagnostics();
        BuildResult edited = new SiteBuilder(BuildProgress.NONE).build(options("a", false), again);

        assertThat(again.sorted()).isEqualTo(first.sorted());
        assertThat(edited.clean()).isFalse();
        assertThat(edited.generated()).isEqualTo(made.generated());
        assertThat(Files.getLastModifiedTime(listing)).isEqualTo(listed);
        assertThat(site("a").resolve("kb/Q1006/index.html")).content().contains("battery cool");
        assertThat(site("a").resolve("old-moved/index.html")).exists();
        expected = first.sorted();
        assertSameAsClean();
    }

    @Test
    void aSummaryEditRemakesWhatShowsTheSummary_andKeepsTheRest() throws Exception {
        themeShowingLinkedSummaries();
        write("kb/Q1005/README.md", NavigationSiteTest.article("Q1005", "Contoso Gizmo", "17-JUL-2004", "kbinfo",
                "The gizmo needs no battery."));
        incremental();
        Path unrelated = site("a").resolve("kb/Q1005/index.html");
        Path otherKind = site("a").resolve("browse/kind/kbinfo/index.html");
        FileTime unrelatedTime = Files.getLastModifiedTime(unrelated);
        FileTime otherKindTime = Files.getLastModifiedTime(otherKind);

        // Q1001's summary: Q1002 and Q1003 list it as citing them, Q1002 as its neighbour too.
        edit("kb/Q1001/README.md", "The widget stops when", "The widget halts when");
        BuildResult edited = incremental();
        assertThat(edited.clean()).isFalse();
        assertSameAsClean();
        for (String page : List.of("kb/Q1001/index.html", "kb/Q1002/index.html", "kb/Q1003/index.html",
                "browse/all/index.html", "browse/kind/kbbug/index.html", "feed.xml")) {
            assertThat(site("a").resolve(page)).as(page).content().contains("widget halts");
        }
        assertThat(Files.getLastModifiedTime(unrelated)).isEqualTo(unrelatedTime);
        assertThat(Files.getLastModifiedTime(otherKind)).isEqualTo(otherKindTime);

        // And back, as an editor undoes an edit.
        edit("kb/Q1001/README.md", "The widget halts when", "The widget stops when");
        incremental();
        assertSameAsClean();
        assertThat(site("a").resolve("kb/Q1002/index.html")).content().doesNotContain("widget halts");
    }

    @Test
    void aSummaryEditThatFallsBackToGeneratingEverything_writesAndChecksEachFileOnce() throws Exception {
        // A theme whose listing pages carry a broken link: each listing page is one broken link.
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("listing.ftlh"), Files.readString(Path.of("templates/listing.ftlh"))
                .replace("<h1 id=\"kb-listing-title\">", "<a href=\"/nowhere/\">x</a><h1 id=\"kb-listing-title\">"));
        Diagnostics first = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(options("a", false), first);
        expected = first.sorted();
        Map<String, String> before = TestSites.files(site("a"));
        // The output folder loses a file no summary shows: the summary edit must generate everything.
        Files.delete(site("a").resolve("robots.txt"));

        edit("kb/Q1001/README.md", "The widget stops when", "The widget halts when");
        Diagnostics again = new Diagnostics();
        BuildResult edited = new SiteBuilder(BuildProgress.NONE).build(options("a", false), again);
        Map<String, String> after = TestSites.files(site("a"));
        long changed = after.keySet().stream().filter(path -> !after.get(path).equals(before.get(path))).count();
        BuildResult clean = new SiteBuilder(BuildProgress.NONE).build(options("b", true), new Diagnostics());
        assertThat(again.sorted()).as("diagnostics, as the first build reported them").isEqualTo(expected);
        assertThat(edited.brokenLinks()).as("broken links").isEqualTo(clean.brokenLinks()).isPositive();
        assertThat(edited.written()).as("files written").isEqualTo((int) changed);
        assertThat(TestSites.files(site("a"))).isEqualTo(TestSites.files(site("b")));
    }

    @Test
    void summaryEditsOfSeveralArticlesOfABigSiteWithoutAHome_equalAClean() throws Exception {
        Files.delete(src.resolve("index.md")); // the hub is the home page
        Path templates = themeShowingLinkedSummaries();
        Files.writeString(templates.resolve("browse.ftlh"), Files.readString(Path.of("templates/browse.ftlh"))
                .replace("${a.title}</a>", "${a.title}</a> <i>${a.summary}</i>"));
        String[] products = {"Contoso Widget", "Contoso Gadget", "Contoso Gizmo"};
        String[] dates = {"13-MAY-2002", "13-MAY-2002", "01-JAN-1999", "", "20-DEC-2004"};
        for (int i = 0; i < 230; i++) {
            // Listings of three pages, the last one short; dates repeated and missing; Q1001 cited 58 times.
            String id = "Q" + (2000 + i);
            write("kb/" + id + "/README.md", NavigationSiteTest.article(id, products[i % 3], dates[i % 5],
                    i % 2 == 0 ? "kbbug" : "kbhowto", "Article " + id + " tells of part " + i + " of the machine.\n\n"
                            + (i % 4 == 0 ? "See Q1001 for more." : "Nothing more.")));
        }
        BuildResult first = incremental();
        assertSameAsClean();
        for (List<String> edited : List.of(List.of("Q2050"), List.of("Q2003", "Q2201"), List.of("Q2128"),
                List.of("Q2004", "Q2008", "Q2101"), List.of("Q1001"), List.of("Q2229"), List.of("Q2000"))) {
            for (String id : edited) {
                edit("kb/" + id + "/README.md", id.equals("Q1001") ? "The widget stops when" : "tells of part",
                        id.equals("Q1001") ? "The widget halts when" : "speaks of part");
            }
            BuildResult made = incremental();
            assertThat(made.written()).as(edited.toString()).isLessThan(first.written() / 4);
            assertSameAsClean();
        }
    }

    @Test
    void aGeneratedFileTheOutputFolderLostIsMadeAgain_andKeptByTheBuildsAfter() throws Exception {
        write("kb/Q1006/README.md", NavigationSiteTest.article("Q1006", "Contoso Gadget", "18-AUG-2004", "kbinfo",
                "The charger of the gadget hums.\n\nUnplug the charger at night and let the battery rest."));
        incremental();
        Files.delete(site("a").resolve("browse/index.html"));
        edit("kb/Q1006/README.md", "let the battery rest", "let the battery cool");
        incremental();
        assertThat(site("a").resolve("browse/index.html")).exists();
        edit("kb/Q1006/README.md", "let the battery cool", "let the battery sleep");
        incremental();
        edit("kb/Q1006/README.md", "let the battery sleep", "let the battery wait");
        incremental();
        assertThat(site("a").resolve("browse/index.html")).exists();
        assertSameAsClean();
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
    void aTemplateChangeLaysEveryPageOutAgain_butKeepsTheIndex_andAConfigurationChangeRebuildsEverything()
            throws Exception {
        BuildResult first = incremental();
        long commit = indexGeneration("a");
        Map<String, String> before = TestSites.files(site("a"));
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        writeTheme(templates, "listing.ftlh", "<h1", "<h1 data-edited=\"yes\"");
        BuildResult themed = incremental();
        assertThat(themed.clean()).isFalse();
        assertSameAsClean();
        assertThat(site("a").resolve("browse/kind/kbbug/index.html")).content().contains("data-edited");
        // Only the listings look different: the article pages are laid out again, the same, and
        // not counted as written; the index is as it was.
        Map<String, String> after = TestSites.files(site("a"));
        long changed = after.keySet().stream().filter(path -> !after.get(path).equals(before.get(path))).count();
        assertThat(themed.written()).isEqualTo((int) changed).isPositive().isLessThan(first.written());
        assertThat(after.get("kb/Q1002/index.html")).isEqualTo(before.get("kb/Q1002/index.html"));
        assertThat(indexGeneration("a")).isEqualTo(commit);

        // Every page is laid out again: one the last template did not lay out the same way too.
        writeTheme(templates, "article.ftlh", "<h1", "<h1 data-article-edited=\"yes\"");
        assertThat(incremental().clean()).isFalse();
        assertSameAsClean();
        assertThat(site("a").resolve("kb/Q1002/index.html")).content().contains("data-article-edited");
        assertThat(indexGeneration("a")).isEqualTo(commit);

        // A theme's asset is copied again; a template removed brings the built-in one back.
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("assets/kb.css"), "body { color: teal; }\n");
        Files.delete(templates.resolve("listing.ftlh"));
        assertThat(incremental().clean()).isFalse();
        assertSameAsClean();
        assertThat(site("a").resolve("assets/kb.css")).content().isEqualTo("body { color: teal; }\n");
        assertThat(site("a").resolve("browse/kind/kbbug/index.html")).content().doesNotContain("data-edited");
        Files.delete(templates.resolve("assets/kb.css"));
        assertThat(incremental().clean()).isFalse();
        assertSameAsClean();
        assertThat(site("a").resolve("assets/kb.css")).content().isEqualTo(Files.readString(Path.of("templates/assets/kb.css")));

        // An editor's backup and swap files beside the templates are not the theme: nothing to do.
        long theme = StateFile.beside(site("a")).read(StateFile.kbVersion()).orElseThrow().theme();
        Files.writeString(templates.resolve("article.ftlh~"), "a backup\n");
        Files.writeString(templates.resolve(".article.ftlh.swp"), "a swap file\n");
        BuildResult untouched = incremental();
        assertThat(untouched.clean()).isFalse();
        assertThat(untouched.written()).isZero();
        assertThat(StateFile.beside(site("a")).read(StateFile.kbVersion()).orElseThrow().theme()).isEqualTo(theme);

        write("_config.yml", "title: Contoso Knowledge Base\nurl: https://kb.example.org\n");
        assertThat(incremental().clean()).isTrue();
        assertSameAsClean();
        write("_includes/note.html", "<p>a note</p>\n");
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
    void aPageWhoseLiquidReadsOtherFilesIsMadeAgainWhenTheyChange() throws Exception {
        // Found by a review: a site without Jekyll's site model was taken to have pages that read
        // nothing but their own source.
        pagesReadingOtherFiles(this::incremental);
    }

    @Test
    void aResidentBuilderMakesAPageWhoseLiquidReadsOtherFilesAgainWhenTheyChange() throws Exception {
        // Its plan is patched from the last one, and unchanged pages keep their keys unread: not these.
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE);
        try {
            pagesReadingOtherFiles(() -> {
                builder.awaitStateWrite();
                return build(builder, "a", false);
            });
        } finally {
            builder.close();
        }
    }

    private void pagesReadingOtherFiles(java.util.function.Supplier<BuildResult> incremental) throws Exception {
        write("part.txt", "first part\n");
        write("whole.md", "---\ntitle: Whole\n---\n\n{% include_relative part.txt %}\n");
        write("list.md", "---\ntitle: List\n---\n\n{% for p in site.pages %}[{{ p.title }}] {% endfor %}\n");
        write("guide.md", "---\ntitle: Guide\n---\n\nThe guide.\n");
        incremental.get();
        assertSameAsClean();
        edit("part.txt", "first part", "second part");
        incremental.get();
        assertSameAsClean();
        assertThat(site("a").resolve("whole.html")).content().contains("second part");
        edit("guide.md", "The guide.", "The guide, read.");
        incremental.get();
        assertSameAsClean();
        edit("guide.md", "title: Guide", "title: Handbook");
        incremental.get();
        assertSameAsClean();
        assertThat(site("a").resolve("list.html")).content().contains("[Handbook]");
        edit("part.txt", "second part", "third part");
        incremental.get();
        assertSameAsClean();
        assertThat(site("a").resolve("whole.html")).content().contains("third part");
        BuildResult again = incremental.get();
        assertThat(again.written()).as("nothing changed: laid out again, written never").isZero();
    }

    @Test
    void aResidentBuilderStartsFromWhatItsLastBuildMade_andEqualsACleanAfterEveryKindOfEdit() throws Exception {
        // A page that claims an article's ID: placing the pages warns, and a plan patched from the
        // last one (a text edit elsewhere) must warn again.
        write("notes/dup.md", "---\ntitle: Another widget page\nid: Q1002\n---\n\nSee the widget.\n");
        Diagnostics clean = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(options("b", true), clean);
        expected = clean.sorted();
        assertThat(expected).extracting(kb.diag.Diagnostic::message).anyMatch(m -> m.contains("is also at"));
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE); // as the build daemon keeps one
        try {
            assertThat(build(builder, "a", false).clean()).isTrue();
            List<String> steps = List.of("text", "new word", "again", "title", "added", "deleted", "home", "text");
            for (String step : steps) {
                switch (step) {
                    case "text" -> edit("kb/Q1003/README.md", "battery", "cell");
                    case "new word" -> edit("kb/Q1002/README.md", "tighten the gear", "tighten the zygomorphic gear");
                    case "again" -> edit("kb/Q1003/README.md", "cell", "battery");
                    case "title" -> edit("kb/Q1004/README.md", "Contoso Gadget", "Contoso Gadget Battery");
                    case "added" -> write("kb/Q1005/README.md", NavigationSiteTest.article("Q1005", "Contoso Gadget",
                            "17-JUN-2003", "kbbug", "The gadget beeps twice when its battery is new. See Q1004."));
                    case "deleted" -> Files.delete(src.resolve("kb/Q1005/README.md"));
                    case "home" -> edit("index.md", "Start at", "Begin at");
                    default -> throw new AssertionError(step);
                }
                BuildResult again = build(builder, "a", false);
                assertThat(again.clean()).as(step).isFalse();
                builder.awaitStateWrite();
                assertSameAsClean();
            }
        } finally {
            builder.close();
        }
    }

    @Test
    void aDaemonsWarmUpBuildsOnlyOnTheLastBuildsSources_andChangesNothingVisible() throws Exception {
        build("a", true); // the build that started the daemon, in a process of its own
        Map<String, String> before = TestSites.files(site("a"));
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.warmUp(options("a", false), new Diagnostics())).isTrue();
            builder.awaitStateWrite();
            assertThat(TestSites.files(site("a"))).isEqualTo(before);
            assertSameAsClean();
            edit("kb/Q1003/README.md", "battery", "cell");
            assertThat(build(builder, "a", false).clean()).isFalse();
            builder.awaitStateWrite();
            assertSameAsClean();
        } finally {
            builder.close();
        }
        // An edit since the last build: the warm-up builds nothing, and the site stays as it was.
        edit("kb/Q1003/README.md", "cell", "battery");
        Map<String, String> edited = TestSites.files(site("a"));
        SiteBuilder later = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(later.warmUp(options("a", false), new Diagnostics())).isFalse();
            assertThat(TestSites.files(site("a"))).isEqualTo(edited);
            assertThat(later.warmUp(options("c", false), new Diagnostics())).as("no state to build on").isFalse();
            assertThat(site("c")).doesNotExist();
            assertThat(build(later, "a", false).clean()).isFalse();
            later.awaitStateWrite();
            assertSameAsClean();
        } finally {
            later.close();
        }
    }

    @Test
    void aWarmUpTrustsThePageFoldersOfTheSiteInPlaceOnlyWhereTheyAreThere() throws Exception {
        build("a", true);
        // The user deletes a page's folder from the site in place, well before the daemon starts.
        Path gone;
        try (Stream<Path> all = Files.walk(site("a"))) {
            gone = all.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> site("a").relativize(p).getNameCount() >= 3).sorted().findFirst().orElseThrow().getParent();
        }
        TestSites.deleteTree(gone);
        Thread.sleep(3 * SpareFolders.FINE_MARGIN_MILLIS);
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.warmUp(options("a", false), new Diagnostics())).isTrue();
            for (String[] words : List.of(new String[] {"battery", "cell"}, new String[] {"cell", "battery"})) {
                builder.awaitStateWrite();
                edit("kb/Q1003/README.md", words[0], words[1]);
                assertThat(build(builder, "a", false).clean()).isFalse();
            }
            builder.awaitStateWrite();
            assertSameAsClean();
        } finally {
            builder.close();
        }
    }

    @Test
    void aResidentBuilderTrustsThePageFoldersOfItsSpareOnlyWhereTheUserLeftThemAlone() throws Exception {
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE);
        try {
            assertThat(build(builder, "a", false).clean()).isTrue();
            String[] words = {"battery", "cell"};
            int[] edits = {0};
            Runnable editAndBuild = () -> {
                try {
                    builder.awaitStateWrite();
                    edit("kb/Q1003/README.md", words[edits[0] % 2], words[(edits[0] + 1) % 2]);
                    edits[0]++;
                    assertThat(build(builder, "a", false).clean()).isFalse();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            editAndBuild.run();
            // Folders changed within the last seconds are never trusted (a coarse clock could hide
            // a change): from now on both folders' records are old enough to be trusted.
            Thread.sleep(kb.source.SourceScanner.RACY_MILLIS + 500);
            editAndBuild.run();
            editAndBuild.run();
            editAndBuild.run(); // writes the folder of two builds ago, trusting its record
            builder.awaitStateWrite();
            assertSameAsClean();
            // The user changes the site: a page's folder deleted, another's replaced by a link.
            List<Path> pages;
            try (Stream<Path> all = Files.walk(site("a"))) {
                pages = all.filter(p -> p.getFileName().toString().equals("index.html"))
                        .filter(p -> site("a").relativize(p).getNameCount() >= 3).sorted().toList();
            }
            assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
            Path gone = pages.get(0).getParent();
            Path linked = pages.get(pages.size() - 1).getParent();
            TestSites.deleteTree(gone);
            Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
            TestSites.deleteTree(linked);
            Files.createSymbolicLink(linked, elsewhere);
            editAndBuild.run(); // the changed folder becomes the spare
            editAndBuild.run(); // and is written: its record no longer holds there
            builder.awaitStateWrite();
            assertSameAsClean();
            assertThat(elsewhere).isEmptyDirectory();
        } finally {
            builder.close();
        }
    }

    @Test
    void aWatchingBuilderSeesAnArticleFolderReplacedByRename() throws Exception {
        // Found by a review: a watch stays with the folder it was put on, wherever it is moved.
        List<String> log = new ArrayList<>();
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, log::add);
        try {
            for (int i = 0; i < 3; i++) {
                build(builder, "a", false);
                builder.awaitStateWrite();
                Thread.sleep(300); // the watch registers its folders in the background
            }
            String text = Files.readString(src.resolve("kb/Q1003/README.md")).replace("battery is low", "cell is weak");
            Files.createDirectories(tmp.resolve("new/Q1003"));
            Files.writeString(tmp.resolve("new/Q1003/README.md"), text);
            Files.move(src.resolve("kb/Q1003"), tmp.resolve("old-Q1003"));
            Files.move(tmp.resolve("new/Q1003"), src.resolve("kb/Q1003"));
            build(builder, "a", false);
            builder.awaitStateWrite();
            assertThat(log).isEmpty();
            assertSameAsClean();
        } finally {
            builder.close();
        }
    }

    @Test
    void aWatchingBuilderFollowsEditsAddsAndDeletes_eachBuildAsACleanOne_withWhatReadingTheRestReported() throws Exception {
        // Read by the planner, which says so at every build; a rescan reads only what changed.
        write("assets/css/style.scss", "---\n---\n@import 'main';\n");
        Diagnostics first = new Diagnostics();
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, message -> { });
        try {
            assertThat(builder.build(options("a", false), first).clean()).isTrue();
            expected = first.sorted();
            assertThat(expected).extracting(d -> d.message()).anyMatch(m -> m.startsWith("Sass/SCSS"));
            List<ThrowingRunnable> changes = List.of(
                    () -> edit("kb/Q1003/README.md", "battery is low", "cell is weak"),
                    () -> edit("kb/Q1003/README.md", "Replace the battery", "Replace the cell"),
                    () -> write("kb/Q1005/README.md", NavigationSiteTest.article("Q1005", "Contoso Gizmo", "17-JUL-2004",
                            "kbinfo", "The gizmo needs no battery. See Q1003.")),
                    () -> edit("kb/Q1004/README.md", "Battery life", "Cell life"),
                    () -> Files.delete(src.resolve("kb/Q1005/README.md")),
                    () -> edit("index.md", "Start at", "Begin at"));
            for (ThrowingRunnable change : changes) {
                builder.awaitStateWrite();
                Thread.sleep(300); // the watch registers new folders in the background
                change.run();
                assertThat(build(builder, "a", false).clean()).isFalse();
                builder.awaitStateWrite();
                assertSameAsClean();
            }
        } finally {
            builder.close();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aWatchingBuilderBuildsFromASourceFolderThatIsALink() throws Exception {
        List<String> log = new ArrayList<>();
        SiteBuilder builder = SiteBuilder.resident(BuildProgress.NONE, log::add);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), src);
        try {
            for (int i = 0; i < 3; i++) {
                if (i == 2) {
                    edit("kb/Q1003/README.md", "battery is low", "cell is weak");
                }
                Diagnostics diagnostics = new Diagnostics();
                builder.build(new BuildOptions(link, site("a"), tmp.resolve("a").resolve("index"), Optional.empty(),
                        Optional.empty(), true, false), diagnostics);
                assertThat(diagnostics.sorted()).as("build %d", i).isEqualTo(expected);
                builder.awaitStateWrite();
                Thread.sleep(300);
            }
            assertThat(log).isEmpty();
            new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(link, site("b"), tmp.resolve("b").resolve("index"),
                    Optional.empty(), Optional.empty(), true, true), new Diagnostics());
            assertSameSitesAndIndexes();
        } finally {
            builder.close();
        }
    }

    @Test
    void aBuilderThatWritesItsStateInTheBackgroundBuildsAsOneThatDoesNot() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true); // as kb serve --watch has it
        assertThat(build(builder, "a", false).clean()).isTrue();
        for (String[] e : new String[][] {{"battery is low", "battery runs low"}, {"battery runs low", "cell is low"}}) {
            edit("kb/Q1003/README.md", e[0], e[1]);
            BuildResult again = build(builder, "a", false); // waits for the last state, then builds on it
            assertThat(again.clean()).isFalse();
            assertThat(again.written()).isPositive();
        }
        builder.close();
        // Closed, the builder has written its state: another builder (the next kb build) builds on it.
        assertThat(StateFile.beside(site("a")).read(StateFile.kbVersion())).isPresent();
        BuildResult next = incremental();
        assertThat(next.clean()).isFalse();
        assertThat(next.written()).isZero();
        assertSameAsClean();
    }

    @Test
    void aPreviewShowsAnEditedArticleAndFindsItsNewWordsAtOnce_andTheBuildAfterItEqualsAClean() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true); // as kb serve --watch has it
        build(builder, "a", false);
        Path page = site("a").resolve("kb/Q1002/index.html");
        String before = Files.readString(page);
        edit("kb/Q1002/README.md", "tighten the gear", "tighten the sprocket");

        Optional<Map<String, String>> preview = preview(builder, options("a", false), src.resolve("kb/Q1002/README.md"));

        assertThat(preview).isPresent();
        assertThat(preview.get()).containsOnlyKeys("kb/Q1002/index.html");
        assertThat(preview.get().get("kb/Q1002/index.html")).contains("sprocket");
        assertThat(page).content().isEqualTo(before); // the site folder is the build's alone
        assertThat(search("a", "sprocket")).containsExactly("/kb/Q1002/");

        build(builder, "a", false);
        // The page the preview showed is the build's but for the related articles, which the build
        // works out again from the new text (here: the same three in another order).
        assertThat(withoutRelated(Files.readString(page))).isEqualTo(withoutRelated(preview.get().get("kb/Q1002/index.html")));
        builder.close();
        assertSameAsClean();
    }

    @Test
    void anEditPutBackAfterItsPreviewIsUndoneByTheNextBuild_inTheIndexToo() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        edit("kb/Q1003/README.md", "battery is low", "battery is flat");
        assertThat(preview(builder, options("a", false), src.resolve("kb/Q1003/README.md")))
                .isPresent();
        assertThat(search("a", "flat")).containsExactly("/kb/Q1003/");
        edit("kb/Q1003/README.md", "battery is flat", "battery is low"); // the same bytes as the last build read

        build(builder, "a", false);

        assertThat(search("a", "flat")).isEmpty();
        builder.close();
        assertSameAsClean();
        // Its state written, the next kb build (another builder) builds on it, as after any build.
        BuildResult next = incremental();
        assertThat(next.clean()).isFalse();
        assertThat(next.written()).isZero();
    }

    @Test
    void anEditorsSwapFileIsIgnored_butAnIncludeOrADeletedFolderOfSourcesIsLeftToTheBuild() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        Path article = src.resolve("kb/Q1001/README.md");
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        write("kb/Q1001/.README.md.swp", "an editor's swap file, still there");
        assertThat(preview(builder, options("a", false), src.resolve("kb/Q1001/.README.md.swp"), article))
                .as("with a swap file").isPresent();
        Files.delete(src.resolve("kb/Q1001/.README.md.swp"));
        build(builder, "a", false);

        edit("kb/Q1001/README.md", "gear wears out", "gear wears down");
        Path include = src.resolve("_includes/note.html");
        assertThat(preview(builder, options("a", false), include, article)).as("with an include gone").isEmpty();
        write("_includes/note.html", "<p>A note.</p>\n");
        assertThat(preview(builder, options("a", false), include, article)).as("with an include").isEmpty();
        Path folder = src.resolve("kb/Q1004");
        Files.delete(folder.resolve("README.md"));
        Files.delete(folder);
        assertThat(preview(builder, options("a", false), folder, article)).as("with a folder of sources gone").isEmpty();
        builder.close();
        build("a", false);
        assertSameAsClean();
    }

    @Test
    void afterAPreviewAndABuildThatFails_nothingIsPreviewedUntilABuildSucceeds_whichEqualsAClean() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        Path article = src.resolve("kb/Q1003/README.md");
        edit("kb/Q1003/README.md", "battery is low", "battery is flat");
        assertThat(preview(builder, options("a", false), article)).isPresent();
        assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(), failing("Rendering", 2)))
                .isInstanceOf(InternalError.class);
        edit("kb/Q1003/README.md", "battery is flat", "battery is dead");
        assertThat(preview(builder, options("a", false), article)).as("after the failed build").isEmpty();
        edit("kb/Q1003/README.md", "battery is dead", "battery is low"); // the bytes of the last good build

        build(builder, "a", false);

        assertThat(search("a", "flat")).isEmpty();
        assertThat(preview(builder, options("a", false), article)).as("nothing changed since").isEmpty();
        edit("kb/Q1003/README.md", "battery is low", "battery is weak");
        assertThat(preview(builder, options("a", false), article)).as("after a build that succeeded").isPresent();
        build(builder, "a", false);
        builder.close();
        assertSameAsClean();
    }

    @Test
    void aFileAnInterruptedBuildDeletedToMakeAFolder_isNotClaimedByTheSparesRecord() throws Exception {
        Path thing = src.resolve("assets/thing");
        write("assets/thing", "a static file without an extension\n");
        FileTime time = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(thing, time);
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        edit("kb/Q1002/README.md", "tighten the gear", "tighten the sprocket");
        build(builder, "a", false); // the spare now holds the first build's site, assets/thing with it
        builder.awaitStateWrite();

        // The file becomes a folder: the interrupted build copies assets/thing/y.txt into the spare,
        // deleting the spare's file assets/thing to make the folder.
        Path aside = tmp.resolve("thing-aside");
        Files.move(thing, aside);
        write("assets/thing/y.txt", "below\n");
        assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                atStep("Rendering", 0, builder::interrupt))).isInstanceOf(BuildInterrupted.class);
        assertThat(publicationSpare("a").resolve("assets/thing")).as("the spare's folder").isDirectory();
        Optional<BuildState> record = new StateFile(StateFile.beside(site("a")).path().resolveSibling("site.spare.bin"))
                .read(StateFile.kbVersion());
        assertThat(record.get().outputs()).as("the spare's record").doesNotContainKey("assets/thing")
                .containsKey("assets/thing/y.txt");

        // Undone (the file moved back, its time kept), with an edit elsewhere so the site is swapped in.
        deleteTree(src.resolve("assets/thing"));
        Files.move(aside, thing);
        Files.setLastModifiedTime(thing, time);
        edit("kb/Q1002/README.md", "tighten the sprocket", "tighten the chain");
        build(builder, "a", false);
        builder.close();
        assertThat(site("a").resolve("assets/thing")).as("the static file in the site").isRegularFile();
        assertSameAsClean();
    }

    private Path publicationSpare(String name) {
        return StateFile.beside(site(name)).path().resolveSibling("site.spare");
    }

    @Test
    void aPageWhosePermalinkBecomesAFolderAndBack_withAnInterruptedBuildBetween_equalsAClean() throws Exception {
        write("guide.md", "---\ntitle: Guide\npermalink: /guide.html\n---\n\nThe guide.\n");
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        edit("kb/Q1002/README.md", "tighten the gear", "tighten the sprocket");
        build(builder, "a", false); // the spare now holds the first build's site, guide.html with it
        builder.awaitStateWrite();

        edit("guide.md", "permalink: /guide.html\n", "permalink: /guide.html/\n");
        assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                atEnd("Rendering", builder::interrupt))).isInstanceOf(BuildInterrupted.class);
        assertThat(publicationSpare("a").resolve("guide.html")).as("the spare's folder").isDirectory();

        edit("guide.md", "permalink: /guide.html/\n", "permalink: /guide.html\n"); // undone
        edit("kb/Q1002/README.md", "tighten the sprocket", "tighten the chain");
        build(builder, "a", false);
        builder.close();
        assertThat(site("a").resolve("guide.html")).as("the guide's page").isRegularFile();
        assertSameAsClean();
    }

    @Test
    void aRebuildInterruptedForANewerEdit_changesNothingInPlace_keepsItsSiteToPreviewOn_andTheNextEqualsAClean()
            throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        builder.awaitStateWrite();
        Map<String, String> before = TestSites.files(site("a"));
        Map<String, List<String>> documents = documents(tmp.resolve("a/index"));
        Path article = src.resolve("kb/Q1003/README.md");
        edit("kb/Q1003/README.md", "battery is low", "battery is flat");
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        assertThat(builder.previews(article)).isTrue();
        assertThat(builder.previews(src.resolve("kb/Q1009/README.md"))).as("no such page").isFalse();
        // A page that is no article is not previewed: a save of it does not stop the rebuild under way.
        assertThat(builder.previews(src.resolve("index.md"))).as("not an article").isFalse();
        assertThat(builder.interrupt()).as("no build under way").isFalse();

        // Stopped as it renders, then once every page is rendered (at the next stage): pages written to the spare.
        assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                atStep("Rendering", 2, builder::interrupt))).isInstanceOf(BuildInterrupted.class);
        assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                atEnd("Rendering", builder::interrupt))).isInstanceOf(BuildInterrupted.class);

        // The spare's record says what the interrupted build wrote there: the next build starts from it.
        Optional<BuildState> spare = new StateFile(StateFile.beside(site("a")).path().resolveSibling("site.spare.bin"))
                .read(StateFile.kbVersion());
        assertThat(spare).as("the spare's record").isPresent();
        assertThat(spare.get().outputs()).containsKey("kb/Q1003/index.html");
        assertThat(TestSites.files(site("a"))).as("the site in place").isEqualTo(before);
        assertThat(documents(tmp.resolve("a/index"))).as("the index").isEqualTo(documents);
        assertThat(preview(builder, options("a", false), article)).as("a preview on the last build's site").isPresent();
        assertThat(search("a", "flat")).containsExactly("/kb/Q1003/");
        BuildResult next = build(builder, "a", false);
        assertThat(next.clean()).isFalse();
        assertThat(next.written()).isPositive();
        builder.close();
        assertSameAsClean();

        // A clean build is not interrupted: it would start over for every save.
        SiteBuilder cleanBuilder = new SiteBuilder(BuildProgress.NONE, true);
        boolean[] stopped = new boolean[1];
        cleanBuilder.build(options("a", true), new Diagnostics(), atStep("Rendering", 2, () -> stopped[0] |= cleanBuilder.interrupt()));
        assertThat(stopped[0]).isFalse();
        // Nor one that lays every page out again after a theme change.
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        writeTheme(templates, "article.ftlh", "<h1", "<h1 data-edited=\"yes\"");
        BuildResult restyled = cleanBuilder.build(options("a", false), new Diagnostics(),
                atStep("Rendering", 2, () -> stopped[0] |= cleanBuilder.interrupt()));
        cleanBuilder.close();
        assertThat(restyled.clean()).isFalse();
        assertThat(stopped[0]).isFalse();
        assertSameAsClean();
    }

    @Test
    void aPreviewRightAfterABuild_doesNotWaitForItsStateFile_whichItsMarkReplaces() throws Exception {
        // Each state is written half a second after its build: the preview comes before.
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, new StateWriter(() -> sleep(500)));
        build(builder, "a", false);
        Path article = src.resolve("kb/Q1003/README.md");
        edit("kb/Q1003/README.md", "battery is low", "battery is flat");
        assertThat(preview(builder, options("a", false), article)).isPresent();
        assertThat(StateFile.beside(site("a")).read(StateFile.kbVersion())).as("the state file").isEmpty();
        assertThat(search("a", "flat")).containsExactly("/kb/Q1003/");

        BuildResult next = build(builder, "a", false);
        assertThat(next.clean()).as("from the state in memory").isFalse();
        // Not previewable (a new article), and again right after a build: its state stays in memory.
        write("kb/Q1011/README.md", NavigationSiteTest.article("Q1011", "Contoso Gadget", "19-SEP-2004", "kbinfo",
                "The fan of the gadget is loud.\n\nClean the vents."));
        assertThat(preview(builder, options("a", false), src.resolve("kb/Q1011/README.md"))).isEmpty();
        assertThat(StateFile.beside(site("a")).read(StateFile.kbVersion())).as("the state file").isEmpty();
        assertThat(build(builder, "a", false).clean()).isFalse();
        builder.close();
        assertThat(StateFile.beside(site("a")).read(StateFile.kbVersion())).as("written once not abandoned").isPresent();
        assertThat(incremental().written()).as("another builder builds on it").isZero();
        assertSameAsClean();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBuildInAnotherProcessAfterAPreview_isCleanAndLeavesTheServersStateBehind() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        edit("kb/Q1003/README.md", "battery is low", "battery is flat");
        assertThat(preview(builder, options("a", false), src.resolve("kb/Q1003/README.md"))).isPresent();
        assertThat(StateFile.beside(site("a")).read(StateFile.kbVersion())).as("the state file after a preview").isEmpty();

        // kb build --base-url /elsewhere in another terminal: clean (no state), and it dies after
        // its commit, before it writes its state.
        BuildOptions elsewhere = new BuildOptions(src, site("a"), tmp.resolve("a/index"), Optional.empty(),
                Optional.of("/elsewhere"), true, false);
        Diagnostics other = new Diagnostics();
        assertThat(new SiteBuilder(BuildProgress.NONE).build(elsewhere, other).clean()).isTrue();
        Files.delete(StateFile.beside(site("a")).path());

        // The server's next build does not take the site in place for the one its state describes.
        BuildResult next = build(builder, "a", false);
        assertThat(next.clean()).isTrue();
        builder.close();
        assertSameAsClean();
    }

    @Test
    void onlyTextEditsOfArticlesArePreviewed_aTemporaryFileGoneIsIgnored() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        BuildOptions options = options("a", false);
        Path article = src.resolve("kb/Q1001/README.md");
        assertThat(preview(builder, options, article)).as("before any build").isEmpty();
        build(builder, "a", false);
        assertThat(preview(builder, options, article)).as("not changed").isEmpty();

        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        Path gone = src.resolve("kb/Q1001/.README.md.swp");
        assertThat(preview(builder, options, gone, article)).as("an editor's file gone").isPresent();
        build(builder, "a", false);

        edit("kb/Q1001/README.md", "title: \"Q1001: Contoso Widget", "title: \"Q1001: Contoso Widgets");
        assertThat(preview(builder, options, article)).as("its front matter").isEmpty();
        build(builder, "a", false);

        edit("kb/Q1001/README.md", "gear wears out", "gear wears down");
        write("kb/Q1009/README.md", NavigationSiteTest.article("Q1009", "Contoso Gadget", "17-JUN-2003", "kbbug",
                "The gadget blinks when it is cold."));
        assertThat(preview(builder, options, article, src.resolve("kb/Q1009/README.md")))
                .as("with a new article").isEmpty();
        write("_config.yml", "title: Contoso Knowledge Base\nurl: https://kb.example.org\n");
        assertThat(preview(builder, options, article, src.resolve("_config.yml")))
                .as("with the configuration").isEmpty();
        assertThat(preview(builder, options, src.resolve("index.md"))).as("not an article").isEmpty();
        build(builder, "a", false);

        edit("kb/Q1001/README.md", "gear wears down", "gear wears thin");
        build(new SiteBuilder(BuildProgress.NONE), "a", false); // builder.close() waited for: kb build in between
        edit("kb/Q1001/README.md", "gear wears thin", "gear breaks");
        assertThat(preview(builder, options, article)).as("after another builder's build").isEmpty();
        builder.close();
        build("a", false);
        assertSameAsClean();
    }

    @Test
    void aBuildThatDiesHalfWayLeavesTheSiteIndexAndStateAsTheLastBuildLeftThem() throws Exception {
        incremental();
        Path state = StateFile.beside(site("a")).path();
        Map<String, String> site = TestSites.files(site("a"));
        Map<String, List<String>> documents = documents(tmp.resolve("a/index"));
        byte[] stateBytes = Files.readAllBytes(state);
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        Files.delete(src.resolve("kb/Q1004/README.md"));
        write("kb/Q1005/README.md", NavigationSiteTest.article("Q1005", "Contoso Gadget", "17-JUN-2003", "kbbug",
                "The gadget blinks when it is cold."));
        for (String phase : List.of("Reading", "Rendering")) {
            for (int after : new int[] {0, 2}) {
                // An Error (not an input problem) half-way through a phase: as a crash, nothing is published.
                assertThatThrownBy(() -> new SiteBuilder(failing(phase, after)).build(options("a", false), new Diagnostics()))
                        .as(phase + " " + after).isInstanceOf(InternalError.class);
                assertThat(TestSites.files(site("a"))).as("site after a failure in " + phase).isEqualTo(site);
                assertThat(documents(tmp.resolve("a/index"))).as("index after a failure in " + phase).isEqualTo(documents);
                assertThat(Files.readAllBytes(state)).as("state after a failure in " + phase).isEqualTo(stateBytes);
            }
        }
        assertThat(incremental().clean()).isFalse(); // the state is still good: the next build is incremental
        assertSameAsClean();
    }

    @Test
    void aBuildNeverWritesThroughALinkInTheOutputFolder() throws Exception {
        incremental();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        edit("kb/Q1003/README.md", "battery is low", "battery runs low");
        incremental(); // the spare now holds the first build's site
        // Someone replaces a folder of the site, and of the spare, by a link to a folder outside.
        Path spare = StateFile.beside(site("a")).path().getParent().resolve("site.spare");
        for (Path root : List.of(site("a"), spare)) {
            deleteTree(root.resolve("kb"));
            Files.createSymbolicLink(root.resolve("kb"), outside);
        }
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        incremental();
        edit("kb/Q1002/README.md", "tighten", "fasten");
        incremental();
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).as("files written through the link").isEmpty();
        }
        assertThat(Files.isSymbolicLink(site("a").resolve("kb"))).isFalse();
        assertSameAsClean();
    }

    @Test
    void anOutputFolderWhoseNameIsAGlobPatternIsBuiltAndTidied() throws Exception {
        Path dest = tmp.resolve("g/site[1]{x");
        BuildOptions options = new BuildOptions(src, dest, tmp.resolve("g/index"), Optional.empty(), Optional.empty());
        new SiteBuilder(BuildProgress.NONE).build(options, new Diagnostics());
        // What a build killed while a folder was being deleted leaves.
        Path leftover = Files.createDirectories(StateFile.beside(dest).path().getParent().resolve("site[1]{x.trash-1/kb"));
        Files.writeString(leftover.resolve("page.html"), "old");
        new SiteBuilder(BuildProgress.NONE).build(options, new Diagnostics());
        assertThat(leftover.getParent()).doesNotExist();
        assertThat(dest.resolve("kb-sources.tsv")).exists();
    }

    @Test
    void anIndexInsideTheOutputFolderOrAForeignOutputFolderIsRefusedAndKept() throws Exception {
        Path dest = tmp.resolve("c/site");
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, dest,
                dest.resolve("index"), Optional.empty(), Optional.empty(), true, false), new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the output folder");
        Files.createDirectories(dest);
        Files.writeString(dest.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, dest,
                tmp.resolve("c/index"), Optional.empty(), Optional.empty(), true, false), new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds files that kb did not write");
        assertThat(Files.readString(dest.resolve("notes.txt"))).isEqualTo("mine");
        Path index = Files.createDirectories(tmp.resolve("d/index"));
        Files.writeString(index.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, tmp.resolve("d/site"),
                index, Optional.empty(), Optional.empty(), true, false), new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a search index");
        assertThat(Files.readString(index.resolve("notes.txt"))).isEqualTo("mine");
        Path linked = tmp.resolve("e/index");
        Files.createDirectories(linked.getParent());
        Files.createSymbolicLink(linked, Files.createDirectories(tmp.resolve("e/elsewhere")));
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, tmp.resolve("e/site"),
                linked, Optional.empty(), Optional.empty(), true, false), new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbolic link");
        Files.createSymbolicLink(tmp.resolve("e/site"), Files.createDirectories(tmp.resolve("e/www")));
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, tmp.resolve("e/site"),
                tmp.resolve("e/index2"), Optional.empty(), Optional.empty(), true, false), new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbolic link");
        // The state folder beside the output, where the spare site is kept, as a link out.
        Path elsewhere = Files.createDirectories(tmp.resolve("f/elsewhere"));
        Files.createSymbolicLink(Files.createDirectories(tmp.resolve("f")).resolve(".kb-state"), elsewhere);
        assertThatThrownBy(() -> new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, tmp.resolve("f/site"),
                tmp.resolve("f/index"), Optional.empty(), Optional.empty(), true, false), new Diagnostics()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state folder");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        try (Stream<Path> files = Files.list(tmp.resolve("e/elsewhere"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void whatTheSpareHoldsIsKnownAfterEveryKindOfBuild() throws Exception {
        incremental();
        assertThat(build("a", true).clean()).isTrue(); // the spare is now the first build's site
        Files.delete(src.resolve("kb/Q1004/README.md"));
        incremental(); // written into that spare: Q1004's page must go
        assertSameAsClean();
        write("kb/Q1004/README.md", NavigationSiteTest.article("Q1004", "Contoso Gadget", "16-JUN-2003", "kbinfo",
                "Battery life of the gadget, and why it beeps. See Q1003."));
        incremental();
        write("_config.yml", "title: Contoso KB\nurl: https://kb.example.org\ndescription: changed\n");
        assertThat(incremental().clean()).isTrue(); // a configuration change
        Files.delete(src.resolve("kb/Q1002/README.md"));
        incremental();
        assertSameAsClean();
    }

    @Test
    void aSwapStoppedHalfWayIsPutBackByTheNextBuild() throws Exception {
        incremental();
        Map<String, String> site = TestSites.files(site("a"));
        Path old = StateFile.beside(site("a")).path().getParent().resolve("site.old");
        Files.move(site("a"), old); // as if killed between the two renames of a swap
        edit("kb/Q1003/README.md", "battery is low", "battery runs low");
        assertThat(incremental().clean()).isFalse();
        assertThat(old).doesNotExist();
        assertThat(TestSites.files(site("a"))).isNotEqualTo(site);
        assertSameAsClean();
    }

    /** A progress receiver that dies of an Error at the {@code after}-th step of {@code phase}. */
    private static BuildProgress failing(String phase, int after) {
        return atStep(phase, after, () -> {
            throw new InternalError("stopped by the test");
        });
    }

    /** Progress that runs {@code action} when {@code phase} is over. */
    private static BuildProgress atEnd(String phase, Runnable action) {
        return new BuildProgress() {
            private volatile boolean on;

            @Override
            public void started(String p, int total) {
                on = p.equals(phase);
            }

            @Override
            public void advanced() {
            }

            @Override
            public void finished() {
                if (on) {
                    action.run();
                }
            }
        };
    }

    /** Progress that runs {@code action} at step {@code after} of {@code phase} (0: as it starts), and at each step after. */
    static BuildProgress atStep(String phase, int after, Runnable action) {
        return new BuildProgress() {
            private volatile boolean on;
            private final java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public void started(String p, int total) {
                on = p.equals(phase);
                if (on && after == 0) {
                    action.run();
                }
            }

            @Override
            public void advanced() {
                if (on && steps.incrementAndGet() >= after) {
                    action.run();
                }
            }

            @Override
            public void finished() {
            }
        };
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // --- theme changes, against a clean build of the same theme (diagnostics, files, documents) ---

    /** Builds "a" incrementally and "b" clean with the same options; both must report and make the same. */
    /**
     * The builder of the restyled builds: one that builds again, as the build daemon's, so that
     * what it keeps from build to build (the layouts it read among them) meets each theme change.
     */
    private SiteBuilder restyling;

    @org.junit.jupiter.api.AfterEach
    void closeRestyling() {
        if (restyling != null) {
            restyling.close();
        }
    }

    private BuildResult restyledAsClean(Optional<Path> templates) throws IOException {
        Diagnostics inc = new Diagnostics();
        if (restyling == null) {
            restyling = SiteBuilder.resident(BuildProgress.NONE);
        }
        BuildResult r = restyling.build(withTemplates("a", false, templates), inc);
        restyling.awaitStateWrite();
        Diagnostics clean = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(withTemplates("b", true, templates), clean);
        assertThat(inc.sorted()).as("diagnostics").isEqualTo(clean.sorted());
        assertSameSitesAndIndexes();
        return r;
    }

    private BuildOptions withTemplates(String name, boolean clean, Optional<Path> templates) {
        return new BuildOptions(src, site(name), tmp.resolve(name).resolve("index"), templates, Optional.empty(),
                true, clean);
    }

    @Test
    void aThemeAssetThatAPageLinks_goesAndComesBack() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("assets/extra.css"), "p { color: red; }\n");
        write("linked.md", "---\ntitle: Linked\n---\n\nThe [style]({% link assets/extra.css %}) of gizmos.\n");
        restyledAsClean(Optional.empty());
        // An asset gone or come changes what {% link %} finds: a clean build; new contents do not.
        Files.delete(templates.resolve("assets/extra.css"));
        assertThat(restyledAsClean(Optional.empty()).clean()).isTrue();
        assertThat(site("a").resolve("linked.html")).doesNotExist();
        Files.writeString(templates.resolve("assets/extra.css"), "p { color: blue; }\n");
        assertThat(restyledAsClean(Optional.empty()).clean()).isTrue();
        assertThat(site("a").resolve("linked.html")).exists();
        Files.writeString(templates.resolve("assets/extra.css"), "p { color: green; }\n");
        assertThat(restyledAsClean(Optional.empty()).clean()).isFalse();
        assertThat(site("a").resolve("assets/extra.css")).content().contains("green");
    }

    @Test
    void aTemplatesFolderGivenAndTakenAway_andOneInsideTheSourceFolder() throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve("assets"));
        writeTheme(mine, "article.ftlh", "<h1", "<h1 data-mine=\"yes\"");
        Files.writeString(mine.resolve("assets/kb.css"), "body { color: teal; }\n");
        restyledAsClean(Optional.empty());
        assertThat(restyledAsClean(Optional.of(mine)).clean()).isFalse();
        assertThat(site("a").resolve("kb/Q1002/index.html")).content().contains("data-mine");
        assertThat(restyledAsClean(Optional.empty()).clean()).isFalse();
        assertThat(site("a").resolve("assets/kb.css")).content().isEqualTo(Files.readString(Path.of("templates/assets/kb.css")));
        // Inside the source folder: its files are sources (copied) as well as the theme.
        Path inside = src.resolve("theme");
        Files.createDirectories(inside.resolve("assets"));
        writeTheme(inside, "listing.ftlh", "<h1", "<h1 data-inside=\"yes\"");
        Files.writeString(inside.resolve("assets/kb.css"), "body { color: olive; }\n");
        restyledAsClean(Optional.of(inside));
        writeTheme(inside, "listing.ftlh", "<h1", "<h1 data-inside=\"again\"");
        Files.writeString(inside.resolve("assets/kb.css"), "body { color: navy; }\n");
        assertThat(restyledAsClean(Optional.of(inside)).clean()).isFalse();
        assertThat(site("a").resolve("browse/kind/kbbug/index.html")).content().contains("data-inside=\"again\"");
        assertThat(site("a").resolve("assets/kb.css")).content().contains("navy");
    }

    @Test
    void aLayoutTheThemeLosesAndGetsBack_andATemplateThatFailsForOneArticle() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("custom.ftlh"), "---\nlayout: default\n---\n<div class=\"custom\">${content?no_esc}</div>\n");
        write("custom.md", "---\ntitle: Custom\nlayout: custom\n---\n\nA page with its own layout.\n");
        restyledAsClean(Optional.empty());
        assertThat(site("a").resolve("custom.html")).content().contains("class=\"custom\"");
        Files.delete(templates.resolve("custom.ftlh"));
        assertThat(restyledAsClean(Optional.empty()).clean()).isFalse();
        Files.writeString(templates.resolve("custom.ftlh"), "---\nlayout: default\n---\n<div class=\"custom2\">${content?no_esc}</div>\n");
        assertThat(restyledAsClean(Optional.empty()).clean()).isFalse();
        // One article's page fails to render: skipped, withdrawn from the index; then fixed.
        writeTheme(templates, "article.ftlh", "<h1", "<#if page.url?contains(\"Q1002\")>${page.nothing.here}</#if><h1");
        assertThat(restyledAsClean(Optional.empty()).clean()).isFalse();
        assertThat(site("a").resolve("kb/Q1002/index.html")).doesNotExist();
        Files.writeString(templates.resolve("article.ftlh"), Files.readString(Path.of("templates/article.ftlh")));
        assertThat(restyledAsClean(Optional.empty()).clean()).isFalse();
        assertThat(site("a").resolve("kb/Q1002/index.html")).exists();
        // A template edit that changes no byte: nothing written, and the next build still equals a clean one.
        Files.writeString(templates.resolve("article.ftlh"), Files.readString(Path.of("templates/article.ftlh")) + "<#-- a comment -->");
        BuildResult same = restyledAsClean(Optional.empty());
        assertThat(same.written()).isZero();
        edit("kb/Q1002/README.md", "tighten the gear", "tighten the sprocket");
        restyledAsClean(Optional.empty());
    }

    @Test
    void aTemplateEditAfterAnInterruptedBuildAndAPreview_asInKbServe() throws Exception {
        SiteBuilder builder = new SiteBuilder(BuildProgress.NONE, true);
        build(builder, "a", false);
        builder.awaitStateWrite();
        edit("kb/Q1001/README.md", "gear slips", "gear wears out");
        assertThatThrownBy(() -> builder.build(options("a", false), new Diagnostics(),
                atStep("Rendering", 2, builder::interrupt))).isInstanceOf(BuildInterrupted.class);
        edit("kb/Q1003/README.md", "battery is low", "battery is flat");
        assertThat(preview(builder, options("a", false), src.resolve("kb/Q1003/README.md"))).isPresent();
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        writeTheme(templates, "article.ftlh", "<h1", "<h1 data-edited=\"yes\"");
        BuildResult restyled = build(builder, "a", false);
        builder.awaitStateWrite();
        assertThat(restyled.clean()).isFalse();
        assertSameAsClean();
        assertThat(search("a", "flat")).containsExactly("/kb/Q1003/");
        // And a preview on the restyled site shows the new theme.
        edit("kb/Q1004/README.md", "why it beeps", "why it chirps");
        Optional<Map<String, String>> shown = preview(builder, options("a", false), src.resolve("kb/Q1004/README.md"));
        assertThat(shown).isPresent();
        assertThat(shown.get().get("kb/Q1004/index.html")).contains("data-edited");
        build(builder, "a", false);
        builder.close();
        assertSameAsClean();
    }

    @Test
    void aPageShowingAPostThatLinksAThemeAsset_isIndexedAsInACleanBuild_whenTheAssetGoes() throws Exception {
        // Which assets the theme has is read by {% link %} (here in a post another page shows):
        // removing one means a clean build, not only laying pages out again.
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("assets/extra.css"), "p { color: red; }\n");
        write("_posts/2020-01-02-styled.md", "---\ntitle: Styled\n---\n\nSprockets look [styled]({% link assets/extra.css %}).\n");
        write("news.md", "---\ntitle: News\n---\n\n{% for post in site.posts %}{{ post.content }}{% endfor %}\n");
        restyledAsClean(Optional.empty());
        assertThat(documents(tmp.resolve("a/index")).get("/news.html").toString()).contains("Sprockets");
        Files.delete(templates.resolve("assets/extra.css"));
        assertThat(restyledAsClean(Optional.empty()).clean()).isTrue();
    }

    // --- helpers ---

    /** A theme (templates/ beside the sources) whose article pages also show the summaries of the articles they link. */
    private Path themeShowingLinkedSummaries() throws IOException {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        String article = Files.readString(Path.of("templates/article.ftlh"));
        String withSummaries = article
                .replace("${r.title}</a></li>", "${r.title}</a> <i>${r.summary!}</i></li>")
                .replace("${page.previous.title}</a>", "${page.previous.title}</a> <i>${page.previous.summary}</i>")
                .replace("${page.next.title}</a>", "${page.next.title}</a> <i>${page.next.summary}</i>");
        assertThat(withSummaries).isNotEqualTo(article);
        Files.writeString(templates.resolve("article.ftlh"), withSummaries);
        return templates;
    }

    /** Writes the built-in template {@code name} into {@code folder} with {@code from} replaced by {@code to}. */
    private static void writeTheme(Path folder, String name, String from, String to) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), Files.readString(Path.of("templates", name)).replace(from, to));
    }

    private void write(String path, String text) throws IOException {
        Path file = src.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void edit(String path, String from, String to) throws IOException {
        edit(src, path, from, to);
    }

    /** Replaces {@code from} by {@code to} in a file of the source tree {@code src}, with a time that shows the change. */
    static void edit(Path src, String path, String from, String to) throws IOException {
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

    private BuildOptions options(String name, boolean clean) {
        return new BuildOptions(src, site(name), tmp.resolve(name).resolve("index"), Optional.empty(), Optional.empty(),
                true, clean);
    }

    private BuildResult build(SiteBuilder builder, String name, boolean clean) {
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result = builder.build(options(name, clean), diagnostics);
        assertThat(diagnostics.sorted()).as("diagnostics of build " + name).isEqualTo(expected);
        return result;
    }

    private BuildResult incremental() {
        return build("a", false);
    }

    /** A clean build of the same sources into other folders equals what the incremental builds made. */
    private void assertSameAsClean() throws IOException {
        build("b", true);
        assertSameSitesAndIndexes();
    }

    /** Build "a" has the same files, byte for byte, and the same search documents as build "b". */
    private void assertSameSitesAndIndexes() throws IOException {
        Map<String, String> a = TestSites.files(site("a"));
        Map<String, String> b = TestSites.files(site("b"));
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        for (String path : a.keySet()) {
            assertThat(a.get(path)).as(path).isEqualTo(b.get(path));
        }
        Map<String, List<String>> da = documents(tmp.resolve("a/index"));
        Map<String, List<String>> db = documents(tmp.resolve("b/index"));
        assertThat(da.keySet()).as("indexed URLs").isEqualTo(db.keySet());
        for (String url : da.keySet()) {
            assertThat(da.get(url)).as("the search document of " + url).isEqualTo(db.get(url));
        }
    }

    /** A preview of the changes at {@code changed}, as kb serve --watch asks for one. */
    private static Optional<Map<String, String>> preview(SiteBuilder builder, BuildOptions options, Path... changed) {
        return builder.preview(options, java.util.Set.of(changed), new Diagnostics());
    }

    /** A page without its list of related articles. */
    private static String withoutRelated(String html) {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("section.kb-related")).hasSize(1);
        page.select("section.kb-related").remove();
        return page.outerHtml();
    }

    /** Every live document's stored fields, by URL. */
    static Map<String, List<String>> documents(Path index) throws IOException {
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

    /** The generation of the index's last commit: it grows with every commit that changed it. */
    private long indexGeneration(String build) throws IOException {
        try (FSDirectory dir = FSDirectory.open(tmp.resolve(build).resolve("index"))) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getGeneration();
        }
    }

    private List<String> search(String build, String query) {
        try (kb.search.SearchService service = new kb.search.SearchService(tmp.resolve(build).resolve("index"))) {
            return service.search(kb.search.SearchRequest.of(query, 10)).hits().stream().map(h -> h.url()).toList();
        }
    }
}
