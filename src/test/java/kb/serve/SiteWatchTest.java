package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb serve --watch} without a browser: an edit is rebuilt, searched and announced to the
 * open pages; a rebuild with errors is reported and reloads nothing, until the error is fixed.
 */
class SiteWatchTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Waits up to 60 s (rebuilds are full ones until builds are incremental) for a text in the output. */
    private void awaitOutput(StringWriter writer, String text, int times) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (count(writer.toString(), text) < times && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(count(writer.toString(), text)).as("'" + text + "' in: " + writer).isGreaterThanOrEqualTo(times);
    }

    /** A copy of the shipped content, made before any watch begins. */
    private Path copyOfContent() throws IOException {
        Path source = tmp.resolve("content");
        try (Stream<Path> paths = Files.walk(Path.of("content"))) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = source.resolve(Path.of("content").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    // With its time: the copy was made before the watch began, not during it.
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        return source;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void anArticleEditIsPreviewedBeforeTheRebuild_whichReloadsThePagesAgain() throws Exception {
        Path source = copyOfContent();
        BuildOptions options = new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(),
                Optional.of(""));
        try (SiteWatch watch = new SiteWatch(options, new PrintWriter(out, true), new PrintWriter(err, true), 50, false,
                Diagnostics::new)) {
            watch.build(new Diagnostics(), BuildProgress.NONE); // as kb serve --watch builds first
            try (KbServer server = KbServer.start(new ServeOptions(options.dest(), options.index(), "127.0.0.1", 0, true))) {
                watch.start(server);
                awaitOutput(out, "kb serve: watching " + source, 1);
                Http http = new Http(server);
                try (EventStream events = new EventStream(http)) {
                    String first = events.nextReload();
                    Path article = source.resolve("kb/900/Q900101/README.md");
                    String text = Files.readString(article);
                    Files.writeString(article, text.replace("After you upgrade a primary site",
                            "After you zorkmid a primary site"));
                    awaitOutput(out, "kb serve: rebuilt after 1 change (", 1);
                    String log = out.toString();
                    assertThat(log).contains("kb serve: previewed 1 change (").contains("(page and search); rebuilding the rest");
                    assertThat(log.indexOf("kb serve: previewed")).isLessThan(log.indexOf("kb serve: rebuilt"));
                    String previewed = events.nextReload();
                    assertThat(previewed).isNotEqualTo(first);
                    assertThat(events.nextReload()).as("the rebuild reloads again").isNotEqualTo(previewed);
                    assertThat(Http.json(http.get("/api/search?q=zorkmid")).path("total").asLong()).isEqualTo(1);
                    assertThat(new String(http.get("/kb/900/Q900101/").body(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains("zorkmid");

                    // A new article is not previewed: the rebuild alone shows it.
                    Path added = Files.createDirectories(source.resolve("kb/900/Q900999")).resolve("README.md");
                    Files.writeString(added, text.replace("Q900101", "Q900999"));
                    awaitOutput(out, "kb serve: rebuilt after ", 2);
                    assertThat(count(out.toString(), "kb serve: previewed")).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void anArticleSavedDuringARebuild_interruptsIt_isPreviewedAtOnce_andTheRebuildStartsAgain() throws Exception {
        Path source = copyOfContent();
        BuildOptions options = new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(),
                Optional.of(""));
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The first rebuild waits as it starts rendering: a long rebuild, during which a page is saved.
        BuildProgress held = new BuildProgress() {
            @Override
            public void started(String phase, int total) {
                if (phase.equals("Rendering") && rendering.getCount() > 0) {
                    rendering.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void advanced() {
            }

            @Override
            public void finished() {
            }
        };
        try (SiteWatch watch = new SiteWatch(options, new PrintWriter(out, true), new PrintWriter(err, true), 50, false,
                Diagnostics::new, held)) {
            watch.build(new Diagnostics(), BuildProgress.NONE);
            try (KbServer server = KbServer.start(new ServeOptions(options.dest(), options.index(), "127.0.0.1", 0, true))) {
                watch.start(server);
                awaitOutput(out, "kb serve: watching " + source, 1);
                Http http = new Http(server);
                Path first = source.resolve("kb/900/Q900101/README.md");
                Files.writeString(first, Files.readString(first).replace("After you upgrade a primary site",
                        "After you zorkmid a primary site"));
                assertThat(rendering.await(60, TimeUnit.SECONDS)).as("the rebuild began rendering").isTrue();
                Path second = source.resolve("kb/900/Q900102/README.md");
                String text = Files.readString(second);
                Files.writeString(second, text.replace("so\n\tit costs more network", "so\n\tit costs quuxword network"));
                Thread.sleep(1500); // the watcher reports the save
                release.countDown();

                awaitOutput(out, "kb serve: rebuilt after 1 change (", 1);
                String log = out.toString();
                assertThat(log).contains("kb serve: previewed 1 change (").contains("Q900101")
                        .contains("kb serve: rebuild after 1 change (").contains("interrupted after");
                int interrupted = log.indexOf("interrupted after");
                int secondPreview = log.indexOf("kb serve: previewed 1 change (", interrupted);
                assertThat(secondPreview).as("the save during the rebuild previewed after it stopped").isPositive();
                assertThat(log.substring(secondPreview)).contains("Q900102");
                assertThat(log.indexOf("kb serve: rebuilt after 1 change (")).isGreaterThan(secondPreview);
                assertThat(Http.json(http.get("/api/search?q=zorkmid")).path("total").asLong()).isEqualTo(1);
                assertThat(Http.json(http.get("/api/search?q=quuxword")).path("total").asLong()).isEqualTo(1);
                assertThat(new String(http.get("/kb/900/Q900101/").body(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("zorkmid");
                assertThat(err.toString()).isEmpty();
            }
        }
        // Its state written, the site and index equal a clean build of the same sources.
        BuildOptions clean = new BuildOptions(source, tmp.resolve("clean-site"), tmp.resolve("clean-index"),
                Optional.empty(), Optional.of(""));
        new SiteBuilder(BuildProgress.NONE).build(clean, new Diagnostics());
        assertThat(files(options.dest())).isEqualTo(files(clean.dest()));
    }

    /** Every file below a folder, by path, as text (a site's pages name no folder of their own). */
    private static java.util.Map<String, String> files(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void editsAreRebuiltSearchedAndReloadedButNotBrokenOnes() throws Exception {
        Path source = copyOfContent();
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        BuildOptions options = new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(),
                Optional.of(""));
        try (SiteWatch watch = new SiteWatch(options, new PrintWriter(out, true), new PrintWriter(err, true), 50, false, Diagnostics::new)) {
            assertThat(watch.trees()).containsExactly(source);
            new SiteBuilder(BuildProgress.NONE).build(options, new Diagnostics());
            try (KbServer server = KbServer.start(new ServeOptions(options.dest(), options.index(), "127.0.0.1", 0, true))) {
                watch.start(server);
                awaitOutput(out, "kb serve: watching " + source, 1);
                Http http = new Http(server);
                try (EventStream events = new EventStream(http)) {
                    String first = events.nextReload();

                    Path article = source.resolve("kb/900/Q900101/README.md");
                    String text = Files.readString(article);
                    Files.writeString(article, text.replace("After you upgrade a primary site", "After you zorkmid a primary site"));
                    awaitOutput(out, "kb serve: rebuilt after 1 change (", 1);
                    assertThat(out.toString()).as("the copy before the watch began is not a change")
                            .doesNotContain("changes (").contains("Q900101").contains("index reopened and pages reloaded");
                    assertThat(events.nextReload()).isNotEqualTo(first);
                    assertThat(Http.json(http.get("/api/search?q=zorkmid")).path("total").asLong()).isEqualTo(1);

                    // A broken front matter: the error is printed, the pages open stay as they are.
                    Files.writeString(article, text.replace("title: \"Q900101:", "title: \"\"Q900101:"));
                    awaitOutput(out, "with errors", 1);
                    assertThat(err.toString()).contains("Q900101/README.md:").contains("error:");
                    assertThat(events.reloadWithin(500)).as("a reload after a rebuild with errors").isFalse();

                    Files.writeString(article, text);
                    awaitOutput(out, "kb serve: rebuilt after 1 change (", 3);
                    assertThat(events.nextReload()).as("the fixed rebuild reloads").isNotNull();
                    assertThat(Http.json(http.get("/api/search?q=zorkmid")).path("total").asLong()).isZero();

                    // Saved again unchanged: nothing written, nothing reloaded.
                    Files.writeString(article, text);
                    awaitOutput(out, "0 files written); nothing changed", 1);
                    assertThat(events.reloadWithin(500)).as("a reload after a rebuild that changed nothing").isFalse();
                }
            }
        }
    }
}
