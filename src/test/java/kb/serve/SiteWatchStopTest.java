package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb serve --watch} while {@code _config.yml} is broken: the rebuild stops before it writes,
 * the error is printed, and the last site built is still served, drafts unpublished.
 */
class SiteWatchStopTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static void awaitText(StringWriter writer, String text) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!writer.toString().contains(text) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(writer.toString()).contains(text);
    }

    @Test
    void aBrokenConfigurationKeepsTheLastSiteServed() throws Exception {
        Path source = tmp.resolve("content");
        try (Stream<Path> paths = Files.walk(Path.of("content"))) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = source.resolve(Path.of("content").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        BuildOptions options = new BuildOptions(source, tmp.resolve("site"), tmp.resolve("index"), Optional.empty(),
                Optional.of(""));
        try (SiteWatch watch = new SiteWatch(options, new PrintWriter(out, true), new PrintWriter(err, true), 50, false, Diagnostics::new)) {
            new SiteBuilder(BuildProgress.NONE).build(options, new Diagnostics());
            byte[] home = Files.readAllBytes(options.dest().resolve("index.html"));
            try (KbServer server = KbServer.start(new ServeOptions(options.dest(), options.index(), "127.0.0.1", 0, true))) {
                watch.start(server);
                awaitText(out, "kb serve: watching " + source);
                Http http = new Http(server);

                Path config = source.resolve("_config.yml");
                String text = Files.readString(config);
                Files.writeString(config, text.replace("baseurl: \"\"", "baseurl: \"\" x: y"));

                // Before: the rebuild went on with the defaults and published the drafts.
                awaitText(err, "kb serve: rebuild after 1 change (");
                awaitText(err, "stopped: the configuration has errors; nothing was built; still serving the last site built");
                assertThat(err.toString()).contains("_config.yml:5:13: error: invalid YAML: while parsing a block mapping: expected <block end>, but found '<scalar>'");
                assertThat(options.dest().resolve("drafts")).doesNotExist();
                assertThat(Files.readAllBytes(options.dest().resolve("index.html"))).isEqualTo(home);
                assertThat(http.get("/").statusCode()).isEqualTo(200);
                assertThat(http.get("/drafts/").statusCode()).isEqualTo(404);

                Files.writeString(config, text);
                awaitText(out, "kb serve: rebuilt after 1 change (");
            }
        }
    }
}
