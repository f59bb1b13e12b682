package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.build.BuildOptions;
import kb.build.BuildProgress;
import kb.build.SearchAssets;
import kb.build.SiteBuilder;
import kb.config.ConfigLoader;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.render.LayoutRenderer;
import kb.render.Theme;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * The shipped {@code content/} built into a test's folder with {@link SiteBuilder}, plus the
 * search files of {@link SearchAssets} and the search page when the build does not write them
 * itself, as the build is to: {@code kb-site.json}, {@code opensearch.xml},
 * {@code assets/search-index.json} and {@code search/index.html} rendered with {@code search.ftlh}.
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
        SiteConfig config = new ConfigLoader().load(source, diagnostics).withBaseurl(baseurl);
        SearchAssets assets = new SearchAssets(config);
        writeMissing(site.resolve(SearchAssets.SITE_JSON), assets.siteJson());
        writeMissing(site.resolve(SearchAssets.OPENSEARCH), assets.openSearchXml());
        writeMissing(site.resolve(SearchAssets.STATIC_INDEX), assets.staticIndexJson(articles(index)));
        writeMissing(site.resolve(SearchAssets.SEARCH_PAGE), searchPage(source, config, diagnostics));
        assertThat(diagnostics.sorted()).as("search page diagnostics").isEmpty();
        return new ServedSite(site, index);
    }

    /** The articles of an index, as the build would list them for the static index. */
    public static List<SearchAssets.Entry> articles(Path index) {
        List<SearchAssets.Entry> entries = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                Document d = stored.document(doc);
                if (d.get("id") != null) {
                    entries.add(new SearchAssets.Entry(d.get("id"), d.get("title"), d.get("url")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String searchPage(Path source, SiteConfig config, Diagnostics diagnostics) {
        Map<String, Object> site = new LinkedHashMap<>(config.values());
        site.put("title", config.title());
        site.put("description", config.description());
        site.put("url", config.url());
        site.put("baseurl", config.baseurl());
        return new LayoutRenderer(Theme.locate(Optional.empty(), source), config).render(
                Optional.of(SearchAssets.SEARCH_TEMPLATE), site, new SearchAssets(config).searchPageVariables(), "",
                SourcePosition.of("search.ftlh"), diagnostics);
    }

    private static void writeMissing(Path file, String text) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code kb serve} on a free port of the loopback address. */
    public KbServer serve() {
        // As kb serve sets it: Jetty's warnings and errors only (read when Jetty's logger starts).
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        return KbServer.start(new ServeOptions(site, index, "127.0.0.1", 0));
    }
}
