package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SearchAssets;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;

/**
 * The shipped {@code content/} built into a test's folder with {@link SiteBuilder}, exactly as
 * {@code kb build} writes it: serve and browser tests run on the build's own output. Nothing is
 * added here; a generated file the build no longer writes (the search page, the title and ID
 * indexes, the site facts, the 404 page) fails the test that builds it.
 *
 * @param site  the site folder
 * @param index the index folder
 */
public record ServedSite(Path site, Path index) {

    /** Builds {@code content/} into {@code folder}, with the given base URL ("" for none). */
    public static ServedSite build(Path folder, String baseurl) {
        Path source = Path.of("content");
        Path site = folder.resolve("site");
        Path index = folder.resolve("index");
        Diagnostics diagnostics = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(source, site, index, Optional.empty(),
                Optional.of(baseurl)), diagnostics);
        assertThat(diagnostics.sorted()).as("build diagnostics").isEmpty();
        for (String generated : SearchAssets.OUTPUTS) {
            assertThat(site.resolve(generated)).as("kb build writes " + generated).isRegularFile();
        }
        return new ServedSite(site, index);
    }

    /** Starts {@code kb serve} on a free port of the loopback address. */
    public KbServer serve() {
        return serve(new ServeOptions(site, index, "127.0.0.1", 0));
    }

    /** Starts {@code kb serve --opensearch URLS --alias ALIAS} on a free port of the loopback address. */
    public KbServer serve(String opensearch, String alias) {
        return serve(new ServeOptions(site, index, "127.0.0.1", 0, false, Optional.of(opensearch), alias));
    }

    private static KbServer serve(ServeOptions options) {
        // As kb serve sets it: Jetty's warnings and errors only (read when Jetty's logger starts).
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        return KbServer.start(options);
    }
}
