package kb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
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
    /** Addresses a test opens knowing that they are 404s: the browser logs the status of the page itself. */
    private final List<String> expectedNotFound = new CopyOnWriteArrayList<>();
    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        ServedSite site = ServedSite.build(tmp.resolve("build"), "");
        kb = site.serve();
        files = staticServer(site.site(), staticRequests);
        chromium = Chromium.start(tmp.resolve("chromium-profile"));
        driver = chromium.driver();
        wait = chromium.waiting();
    }

    /**
     * The JDK's plain file server on the site folder, recording the paths asked for; an address
     * without a file gets the site's 404.html with status 404, as static hosts (GitHub Pages,
     * Netlify) answer.
     */
    static HttpServer staticServer(Path site, List<String> requests) throws IOException {
        Path root = site.toAbsolutePath();
        HttpHandler fileHandler = SimpleFileServer.createFileHandler(root);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Path file = root.resolve(path.substring(1)).normalize();
            boolean exists = file.startsWith(root) && (Files.isRegularFile(file) || Files.isDirectory(file));
            if (exists) {
                fileHandler.handle(exchange);
                return;
            }
            byte[] page = Files.readAllBytes(root.resolve("404.html"));
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
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
        expectedNotFound.clear();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(chromium.consoleErrors()).as("errors in the browser console").filteredOn(error -> expectedNotFound.stream()
                .noneMatch(url -> error.contains("] " + url + " - Failed to load resource: the server responded with a status of 404")))
                .isEmpty();
    }

    private String kbUrl(String path) {
        return "http://127.0.0.1:" + kb.port() + path;
    }

    private String staticUrl(String path) {
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    /** Opens an address of the static host that is a 404 (the site's 404.html answers). */
    private void openMissing(String path) {
        expectedNotFound.add(staticUrl(path));
        driver.get(staticUrl(path));
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
        assertThat(status()).contains("articles for \u201cinventory resynchronization\u201d");
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
        // Readers see the kind's name (Bug), the URL keeps its code (kbbug).
        String type = value.getText();
        String code = value.getAttribute("href").replaceAll(".*[?&]type=([^&]+).*", "$1");
        assertThat(type).doesNotStartWith("kb");
        assertThat(code).startsWith("kb");
        value.click();
        wait.until(ExpectedConditions.urlContains("type=" + code));
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
        // The address changes before the new page is parsed: wait for its heading, not just the URL.
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization"));
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
        // Only an ID: straight to the article.
        typeIntoTheSearchBox("319864");
        wait.until(ExpectedConditions.urlToBe(staticUrl("/kb/319/Q319864/")));
        assertThat(staticRequests).contains("/assets/search-index.json").noneMatch(p -> p.startsWith("/api/"));
        for (String form : List.of("Q319864", "KB319864", "q319864", "kb/319864")) {
            driver.get(staticUrl("/search/?q=" + form));
            wait.until(ExpectedConditions.urlToBe(staticUrl("/kb/319/Q319864/")));
        }
        driver.get(staticUrl("/search/?q=Q319864+upgrade"));
        assertThat(hitTitles()).first().asString().startsWith("Q319864:");
        assertThat(status()).contains("(offline index");
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

    // --- ID-only queries, other pages, short links on a static host -------------------------

    @Test
    void aQueryThatIsOnlyAnIdGoesToTheArticle() {
        driver.get(kbUrl("/kb/900/Q900102/"));
        typeIntoTheSearchBox("KB319864");
        wait.until(ExpectedConditions.urlToBe(kbUrl("/kb/319/Q319864/")));
        // location.replace: Back returns to where the search started, not to a search that moves on again.
        driver.navigate().back();
        wait.until(ExpectedConditions.urlToBe(kbUrl("/kb/900/Q900102/")));
    }

    @Test
    void otherPagesOnlyWhenAskedFor() {
        driver.get(kbUrl("/search/?q=microsoft&size=100"));
        assertThat(hits()).allSatisfy(h -> assertThat(h.findElement(By.className("kb-hit-title")).getText()).matches("^Q\\d+: .*"));
        driver.findElement(By.id("kb-search-pages")).click();
        wait.until(ExpectedConditions.urlContains("pages=1"));
        wait.until(d -> hitTitles().stream().anyMatch(t -> !t.matches("^Q\\d+: .*")));
        assertThat(status()).contains("results");
        assertThat(driver.findElement(By.id("kb-search-pages")).isSelected()).isTrue();
    }

    @Test
    void onAStaticHostTheNotFoundPageMovesShortLinksOnToTheArticle() {
        for (String path : List.of("/Q319864", "/kb/319864", "/KB319864/", "/kb/q319864", "/kb/999/Q319864/")) {
            openMissing(path);
            wait.until(ExpectedConditions.urlToBe(staticUrl("/kb/319/Q319864/")));
            // The address changes before the article is parsed: wait for its heading, not just the URL.
            wait.until(ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("^Q319864:.*")));
        }
        assertThat(staticRequests).contains("/assets/article-ids.json");
    }

    @Test
    void onAStaticHostAnUnknownIdOffersTheNearestArticle() {
        openMissing("/kb/319846");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-not-found-nearest")));
        assertThat(driver.findElement(By.id("kb-not-found-status")).getText()).contains("no article Q319846");
        assertThat(driver.findElement(By.id("kb-not-found-nearest")).getText()).contains("Did you mean").contains("Q319864");
        driver.findElement(By.linkText("Q319864")).click();
        wait.until(ExpectedConditions.urlToBe(staticUrl("/kb/319/Q319864/")));
        openMissing("/no/such/page");
        assertThat(driver.findElement(By.id("kb-not-found-title")).getText()).isEqualTo("Page not found");
        assertThat(driver.findElement(By.id("kb-not-found-nearest")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("header.site-header form[role='search']"))).hasSize(1);
    }
}
