package kb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import kb.diag.Diagnostics;
import kb.serve.KbServer;
import kb.serve.ServeOptions;
import kb.serve.SiteWatch;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code kb serve --watch} in a real browser (Debian's headless chromium): an article page is open,
 * its source is edited, and the page reloads by itself with the new text, which search finds too
 * (first as a preview, then again after the rebuild).
 * The site is {@link FixtureKb}, built and watched as {@code kb serve --watch} does it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReloadBrowserTest {

    private static final int ARTICLE = 7;
    private static final String OLD_TEXT = "To resolve this problem, follow these steps:";
    private static final String NEW_WORD = "quuxfrobnication";
    /** Generous: the rebuild is a full one until builds are incremental, and the machine may be busy. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(60);

    private FixtureKb fixture;
    private SiteWatch watch;
    private KbServer kb;
    private Chromium chromium;
    private WebDriver driver;
    private final StringWriter console = new StringWriter();

    @BeforeAll
    void start(@TempDir Path tmp) {
        Chromium.assumeInstalled();
        fixture = FixtureKb.write(tmp.resolve("source"));
        BuildOptions options = new BuildOptions(fixture.source(), tmp.resolve("site"), tmp.resolve("index"),
                Optional.empty(), Optional.empty());
        PrintWriter out = new PrintWriter(console, true);
        // As kb serve --watch: watch first (no change is missed), build, serve, then rebuild on changes.
        watch = new SiteWatch(options, out, out, 50, false, Diagnostics::new);
        Diagnostics diagnostics = new Diagnostics();
        watch.build(diagnostics, BuildProgress.NONE);
        assertThat(diagnostics.hasErrors()).as("build errors: " + diagnostics.sorted()).isFalse();
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        kb = KbServer.start(new ServeOptions(options.dest(), options.index(), "127.0.0.1", 0, true));
        watch.start(kb);
        chromium = Chromium.start(tmp.resolve("chromium-profile"));
        driver = chromium.driver();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (watch != null) {
            watch.close();
        }
        if (kb != null) {
            kb.close();
        }
        System.out.print(console);
    }

    private String kbUrl(String path) {
        return "http://127.0.0.1:" + kb.port() + path;
    }

    @Test
    void anEditedArticleReloadsInTheOpenPageAndIsFound() throws IOException, InterruptedException {
        driver.get(kbUrl(FixtureKb.path(ARTICLE)));
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains(OLD_TEXT).doesNotContain(NEW_WORD);
        // No need to wait for the page's event stream: the page names the build it shows, and a
        // stream opened after the rebuild reloads it at once.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.kbOpenedBeforeTheEdit = true;");

        Path source = fixture.source().resolve(FixtureKb.path(ARTICLE).substring(1) + "README.md");
        String text = Files.readString(source);
        assertThat(text).contains(OLD_TEXT);
        long saved = System.nanoTime();
        Files.writeString(source, text.replace(OLD_TEXT, "To resolve this " + NEW_WORD + " problem, follow these steps:"));

        // The page may reload between finding <main> and reading it: that element is then stale.
        new WebDriverWait(driver, RELOAD_WAIT).pollingEvery(Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(NEW_WORD));
        long reloadedMs = (System.nanoTime() - saved) / 1_000_000;
        assertThat(js.executeScript("return window.kbOpenedBeforeTheEdit === undefined")).as("a new page").isEqualTo(true);
        assertThat(driver.getCurrentUrl()).isEqualTo(kbUrl(FixtureKb.path(ARTICLE)));
        assertThat(searchTotal(NEW_WORD)).as("search finds the new word as the page shows it").isEqualTo(1);
        System.out.printf("live reload: the edited page was shown %d ms after the save%n", reloadedMs);
        assertThat(chromium.consoleErrors()).as("errors in the browser console").isEmpty();
        // Shown by the preview; the rebuild after it reloads the page again.
        assertThat(console.toString()).contains("kb serve: previewed 1 change");
        long end = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (!console.toString().contains("kb serve: rebuilt after 1 change") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(console.toString()).contains("kb serve: rebuilt after 1 change");
        // Builds are named <server start>-<reloads so far>: the preview's reload is the first, the
        // rebuild's the second; the page names the build it was served in.
        new WebDriverWait(driver, RELOAD_WAIT).pollingEvery(Duration.ofMillis(50))
                .until(d -> String.valueOf(js.executeScript(
                        "var s = document.querySelector('script[data-build]'); return s && s.dataset.build;"))
                        .endsWith("-2"));
        new WebDriverWait(driver, RELOAD_WAIT).pollingEvery(Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(NEW_WORD));
        assertThat(chromium.consoleErrors()).as("errors in the browser console after the rebuild").isEmpty();
    }

    private long searchTotal(String query) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(kbUrl("/api/search?q=" + query))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new ObjectMapper().readTree(r.body()).path("total").asLong();
        }
    }
}
