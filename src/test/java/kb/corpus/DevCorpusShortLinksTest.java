package kb.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SearchAssets;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;
import kb.search.IndexFields;
import kb.serve.KbServer;
import kb.serve.ServeOptions;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Acceptance 2 of issue 15 on the dev half of the archive: for every article, {@code kb serve}
 * answers {@code /kb/<n>}, {@code /Q<n>} and {@code /KB<n>} with a 301 to its canonical URL, and
 * the static 404 page's resolver ({@code assets/not-found.js} over {@code assets/article-ids.json})
 * gives the same URL for each. Reuses the build of {@link DevCorpusBuildTest} in
 * {@code target/corpus-build} when it is there (and has the ID index), else builds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevCorpusShortLinksTest {

    private static final Path OUT = Path.of("target", "corpus-build");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Path site;
    private Path index;
    /** Every article of the index: its ID and URL below the site root. */
    private final List<String[]> articles = new ArrayList<>();

    @BeforeAll
    void buildOrReuse() throws IOException {
        Path sources = DevCorpus.sources();
        site = OUT.resolve("site");
        index = OUT.resolve("index");
        if (!Files.isRegularFile(site.resolve(SearchAssets.ID_INDEX)) || !Files.isDirectory(index)) {
            new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(sources, site, index, Optional.empty(),
                    Optional.empty()), new Diagnostics());
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                Document d = stored.document(doc, java.util.Set.of(IndexFields.ID, IndexFields.URL));
                if (d.get(IndexFields.ID) != null) {
                    articles.add(new String[] {d.get(IndexFields.ID), d.get(IndexFields.URL)});
                }
            }
        }
        assertThat(articles).hasSizeGreaterThan(30_000);
    }

    @Test
    void kbServeMovesEveryShortLinkOnToItsArticle() throws Exception {
        System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        AtomicLong moved = new AtomicLong();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        try (KbServer server = KbServer.start(new ServeOptions(site, index, "127.0.0.1", 0))) {
            // The archive's site has a base URL (/kbarchive): short links are below it, and lead to it.
            String base = server.site().baseurl();
            String origin = "http://127.0.0.1:" + server.port() + base;
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            IntStream.range(0, articles.size()).parallel().forEach(i -> {
                String[] a = articles.get(i);
                String n = a[0].replaceAll("\\D", "").replaceFirst("^0+", "");
                for (String path : List.of("/kb/" + n, "/Q" + n, "/KB" + n)) {
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(origin + path))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                        String location = r.headers().firstValue("Location").map(l -> URI.create(l).getRawPath()).orElse("");
                        if (r.statusCode() == 301 && location.equals(base + a[1])) {
                            moved.incrementAndGet();
                        } else {
                            wrong.add(path + " -> " + r.statusCode() + " " + location + " (expected " + base + a[1] + ")");
                        }
                    } catch (IOException e) {
                        wrong.add(path + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        System.out.printf("[kb] short links: %d articles, %d of %d short links answered 301 to the article%n",
                articles.size(), moved.get(), 3L * articles.size());
        assertThat(wrong).as("short links not moved to their article").isEmpty();
        assertThat(moved.get()).isEqualTo(3L * articles.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNotFoundPagesResolverGivesTheSameUrlForEveryArticle() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "needs " + BROWSER + " and " + DRIVER);
        String script = Files.readString(site.resolve("assets/not-found.js"));
        String ids = Files.readString(site.resolve(SearchAssets.ID_INDEX));
        System.out.printf("[kb] ID index: %d bytes for %d articles%n", Files.size(site.resolve(SearchAssets.ID_INDEX)),
                articles.size());
        List<List<String>> expected = articles.stream().map(a -> List.of(a[0].replaceAll("\\D", "")
                .replaceFirst("^0+", ""), a[1])).toList();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + Files.createDirectories(Path.of("target", "chromium-corpus-profile")).toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get("about:blank");
            // The page's own script, as the 404 page loads it (nothing to resolve at about:blank),
            // then its pure resolver over every article's three short links.
            Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(script + """
                    ;const index = window.kbShortLinks.decode(JSON.parse(arguments[0]));
                    const expected = JSON.parse(arguments[1]);
                    let resolved = 0;
                    const wrong = [];
                    for (const [n, url] of expected) {
                      for (const path of ['/kb/' + n, '/Q' + n, '/KB' + n]) {
                        const found = window.kbShortLinks.resolve(index, path);
                        if (found && found.url === url) resolved++;
                        else if (wrong.length < 20) wrong.push(path + ' -> ' + JSON.stringify(found) + ' (expected ' + url + ')');
                      }
                    }
                    return {resolved, wrong, known: index.sorted.length};
                    """, ids, new ObjectMapper().writeValueAsString(expected));
            long resolved = ((Number) result.get("resolved")).longValue();
            System.out.printf("[kb] 404 resolver: %d of %d short links resolved to the article's URL (%s IDs in the index)%n",
                    resolved, 3L * articles.size(), result.get("known"));
            assertThat((List<String>) result.get("wrong")).isEmpty();
            assertThat(resolved).isEqualTo(3L * articles.size());
        } finally {
            driver.quit();
            service.stop();
        }
    }
}
