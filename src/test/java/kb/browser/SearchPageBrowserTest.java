package kb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kb.serve.KbServer;
import kb.serve.ServedSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search box and the search page in a real browser (Debian's headless chromium): against
 * {@code kb serve} with its API, and against a plain static file server where the page falls back
 * to the prebuilt title index. No test may leave an error in the browser's console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserTest {

    private KbServer kb;
    private HttpServer files;
    private final List<String> staticRequests = new CopyOnWriteArrayList<>();
    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        ServedSite site = ServedSite.build(tmp.resolve("build"), "");
        kb = site.serve();
        files = staticServer(site.site());
        chromium = Chromium.start(tmp.resolve("chromium-profile"));
        driver = chromium.driver();
        wait = chromium.waiting();
    }

    /** The JDK's plain file server on the site folder, recording the paths asked for. */
    private HttpServer staticServer(Path site) throws IOException {
        HttpHandler fileHandler = SimpleFileServer.createFileHandler(site.toAbsolutePath());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            staticRequests.add(exchange.getRequestURI().getPath());
            fileHandler.handle(exchange);
        });
        server.createContext("/favicon.ico", Chromium::noFavicon);
        server.start();
        return server;
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (files != null) {
            files.stop(0);
        }
        if (kb != null) {
            kb.close();
        }
    }

    @BeforeEach
    void forgetOldLogs() {
        chromium.consoleErrors();
        staticRequests.clear();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(chromium.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    private String kbUrl(String path) {
        return "http://127.0.0.1:" + kb.port() + path;
    }

    private String staticUrl(String path) {
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    /** The hits shown once the page has finished searching. */
    private List<WebElement> hits() {
        wait.until(d -> d.findElement(By.id("kb-search")).getAttribute("aria-busy") == null);
        return wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#kb-hits .kb-hit")));
    }

    private List<String> hitTitles() {
        return hits().stream().map(h -> h.findElement(By.className("kb-hit-title")).getText()).toList();
    }

    private String status() {
        return driver.findElement(By.id("kb-search-status")).getText();
    }

    /** Presses "/" on the page (not in a field), then types into whatever has the focus. */
    private void typeIntoTheSearchBox(String text) {
        // Typed at the page's body: right after a navigation to another origin, keys sent to
        // "the focused element" may reach no document at all.
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("kb-search-q");
        focused.sendKeys(text, Keys.ENTER);
    }

    @Test
    void theSearchBoxFindsHighlightedHits() {
        driver.get(kbUrl("/"));
        typeIntoTheSearchBox("inventory resynchronization");
        wait.until(ExpectedConditions.urlContains("/search/?q=inventory+resynchronization"));
        assertThat(hitTitles().get(0)).isEqualTo("Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
        List<WebElement> marks = driver.findElements(By.cssSelector("#kb-hits .kb-hit-snippet mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.get(0).getText().toLowerCase()).containsAnyOf("inventory", "resynchronization");
        assertThat(status()).contains("results for \u201cinventory resynchronization\u201d");
        assertThat(driver.findElement(By.id("kb-search-q")).getAttribute("value")).isEqualTo("inventory resynchronization");
    }

    @Test
    void misspeltWordsGetADidYouMeanLink() {
        driver.get(kbUrl("/search/?q=inventroy+resyncronization"));
        WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kb-suggestion-link")));
        assertThat(driver.findElement(By.id("kb-search-suggestion")).getText())
                .isEqualTo("Did you mean inventory resynchronization?");
        suggestion.click();
        wait.until(ExpectedConditions.urlContains("q=inventory+resynchronization"));
        assertThat(hitTitles().get(0)).startsWith("Q319864:");
        assertThat(driver.findElements(By.cssSelector("#kb-hits mark"))).isNotEmpty();
    }

    @Test
    void aFacetNarrowsTheResults() {
        driver.get(kbUrl("/search/?q=inventory"));
        int before = hits().size();
        WebElement value = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-facet='type'] a.kb-facet-value")));
        String type = value.getText();
        value.click();
        wait.until(ExpectedConditions.urlContains("type=" + type));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-facet='type'] .kb-facet-active strong"), type));
        int after = hits().size();
        assertThat(after).isPositive().isLessThanOrEqualTo(before);
        assertThat(status()).contains("in " + type);
        driver.findElement(By.cssSelector("[data-facet='type'] .kb-facet-remove")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("type=")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#kb-hits .kb-hit"), before));
    }

    @Test
    void resultsArePaged() {
        driver.get(kbUrl("/search/?q=inventory&size=1"));
        String first = hitTitles().get(0);
        assertThat(status()).startsWith("1\u20131 of ");
        driver.findElement(By.cssSelector("#kb-pages a[rel='next']")).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        wait.until(ExpectedConditions.textMatches(By.id("kb-search-status"), java.util.regex.Pattern.compile("^2\u20132 of .*")));
        assertThat(hitTitles()).hasSize(1).doesNotContain(first);
        assertThat(driver.findElement(By.cssSelector("#kb-pages [aria-current='page']")).getText()).isEqualTo("2");
        driver.navigate().back();
        wait.until(ExpectedConditions.textMatches(By.id("kb-search-status"), java.util.regex.Pattern.compile("^1\u20131 of .*")));
        assertThat(hitTitles()).containsExactly(first);
    }

    @Test
    void resultsCanBeSortedByDate() {
        driver.get(kbUrl("/search/?q=inventory"));
        hits();
        driver.findElement(By.linkText("date (newest first)")).click();
        wait.until(ExpectedConditions.urlContains("sort=date"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#kb-search-sort strong"), "date (newest first)"));
        List<String> dates = hits().stream().map(h -> h.findElements(By.className("kb-hit-meta")))
                .filter(m -> !m.isEmpty()).map(m -> m.get(0).getText().replaceAll(".*(\\d{4}-\\d{2}-\\d{2})$", "$1"))
                .toList();
        assertThat(dates).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aHitLeadsToItsArticle() {
        driver.get(kbUrl("/search/?q=inventory+resynchronization"));
        hits().get(0).findElement(By.className("kb-hit-title")).click();
        wait.until(ExpectedConditions.urlToBe(kbUrl("/kb/319/Q319864/")));
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
    }

    @Test
    void slashDoesNotStealTypingInAField() {
        driver.get(kbUrl("/search/?q=inventory"));
        hits();
        WebElement box = driver.findElement(By.id("kb-search-q"));
        box.click();
        box.sendKeys(Keys.END, "/x");
        assertThat(box.getAttribute("value")).isEqualTo("inventory/x");
    }

    @Test
    void onAStaticHostTheBoxFindsArticlesById() {
        driver.get(staticUrl("/"));
        assertThat(staticRequests).doesNotContain("/assets/search-index.json");
        typeIntoTheSearchBox("319864");
        wait.until(ExpectedConditions.urlContains("/search/?q=319864"));
        assertThat(hitTitles()).containsExactly("Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
        assertThat(status()).contains("(offline index");
        assertThat(staticRequests).contains("/assets/search-index.json").noneMatch(p -> p.startsWith("/api/"));
        for (String form : List.of("Q319864", "KB319864", "q319864")) {
            driver.get(staticUrl("/search/?q=" + form));
            assertThat(hitTitles()).as(form).first().asString().startsWith("Q319864:");
        }
    }

    @Test
    void onAStaticHostTheBoxFindsArticlesByTitleWords() {
        driver.get(staticUrl("/kb/319/Q319864/"));
        typeIntoTheSearchBox("inventory resynchronization");
        wait.until(ExpectedConditions.urlContains("/search/?q=inventory+resynchronization"));
        assertThat(hitTitles()).contains("Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization")
                .allMatch(t -> t.toLowerCase().contains("inventory resynchronization"));
        assertThat(status()).contains("(offline index");
        driver.get(staticUrl("/search/?q=upgrade+sp4+inventory+resync"));
        assertThat(hitTitles()).containsExactly("Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
        hits().get(0).findElement(By.className("kb-hit-title")).click();
        wait.until(ExpectedConditions.urlToBe(staticUrl("/kb/319/Q319864/")));
    }

    @Test
    void onAStaticHostNothingFoundIsSaidPlainly() {
        driver.get(staticUrl("/search/?q=zzzzqqq+nothing"));
        wait.until(ExpectedConditions.textMatches(By.id("kb-search-status"), java.util.regex.Pattern.compile("^No articles.*")));
        assertThat(driver.findElements(By.cssSelector("#kb-hits .kb-hit"))).isEmpty();
    }
}
