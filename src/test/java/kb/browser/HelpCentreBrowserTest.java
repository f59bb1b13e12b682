package kb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.serve.KbServer;
import kb.serve.ServeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site as a reader browses it, in a real browser: a knowledge base of {@link FixtureKb} built
 * by {@link SiteBuilder} exactly as {@code kb build} writes it (no test helper adds files), served
 * by {@code kb serve} and by a plain {@link StaticHost}. It walks from the home page to an article
 * and on through its links, follows short links on the static host, scans every kind of page with
 * axe-core and writes screenshots of them under {@code target/screenshots/}. No page may leave an
 * error in the browser's console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpCentreBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern ARTICLE_URL = Pattern.compile(".*/kb/\\d{3}/Q(\\d+)/$");
    /** A search that finds articles of both products and of every kind. */
    private static final String QUERY = "widget lock";

    private KbServer kb;
    private StaticHost host;
    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;
    /** Pages a test opens knowing they answer 404: the browser logs that status as an error. */
    private final List<String> expectedNotFound = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        FixtureKb fixture = FixtureKb.write(tmp.resolve("source"));
        Path site = tmp.resolve("site");
        Path index = tmp.resolve("index");
        Diagnostics diagnostics = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(fixture.source(), site, index, Optional.empty(),
                Optional.empty()), diagnostics);
        diagnostics.sorted().stream().map(Diagnostic::toString).forEach(d -> System.out.println("build: " + d));
        assertThat(diagnostics.sorted()).as("build errors").filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
        // As kb serve sets it: Jetty's warnings and errors only (read when Jetty's logger starts).
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        kb = KbServer.start(new ServeOptions(site, index, "127.0.0.1", 0));
        host = StaticHost.start(site);
        chromium = Chromium.start(tmp.resolve("chromium-profile"));
        driver = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (host != null) {
            host.close();
        }
        if (kb != null) {
            kb.close();
        }
    }

    @BeforeEach
    void forgetOldLogs() {
        chromium.emulate(Chromium.Screen.DESKTOP);
        chromium.consoleErrors();
        expectedNotFound.clear();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
    }

    /** The console's errors, but for the 404 status of the pages opened as not found. */
    private List<String> consoleErrors() {
        return chromium.consoleErrors().stream()
                .filter(e -> expectedNotFound.stream().noneMatch(url -> e.contains(url + " - Failed to load resource")))
                .toList();
    }

    private String kbUrl(String path) {
        return "http://127.0.0.1:" + kb.port() + path;
    }

    /** Opens a page, checking the console after it: a failing test names the page that logged. */
    private void open(String url) {
        driver.get(url);
        assertThat(consoleErrors()).as("console errors on " + url).isEmpty();
    }

    private void click(WebElement link) {
        String from = driver.getCurrentUrl();
        link.click();
        wait.until(d -> !from.equals(d.getCurrentUrl()));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(consoleErrors()).as("console errors on " + driver.getCurrentUrl()).isEmpty();
    }

    private WebElement main() {
        return driver.findElement(By.tagName("main"));
    }

    private String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The link of the hub to the big product's listing. */
    private WebElement productListingLink() {
        return main().findElements(By.cssSelector("a[href*='/browse/product/']")).stream()
                .filter(a -> a.getText().contains(FixtureKb.PRODUCT)).findFirst()
                .orElseThrow(() -> new AssertionError("the hub links no listing of " + FixtureKb.PRODUCT
                        + "; its product links: " + texts(main().findElements(By.cssSelector("a[href*='/browse/']")))));
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    /** The article links of a listing page, as article numbers. */
    private List<Integer> listedArticles() {
        List<Integer> numbers = new ArrayList<>();
        for (WebElement a : main().findElements(By.cssSelector("a[href*='/kb/']"))) {
            Matcher m = ARTICLE_URL.matcher(a.getAttribute("href"));
            if (m.matches()) {
                numbers.add(Integer.parseInt(m.group(1)) - FixtureKb.FIRST);
            }
        }
        return numbers;
    }

    /** Presses "/" on the page (not in a field), then types into whatever has the focus. */
    private void search(String query) {
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("kb-search-q");
        focused.sendKeys(query, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/search/?q="));
    }

    /** The search hits once the page has finished searching. */
    private List<WebElement> hits() {
        wait.until(d -> d.findElement(By.id("kb-search")).getAttribute("aria-busy") == null);
        return wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#kb-hits .kb-hit")));
    }

    /** The number of results the search page reports ("1–10 of 66 articles for …"). */
    private int total() {
        hits();
        String status = driver.findElement(By.id("kb-search-status")).getText();
        Matcher m = Pattern.compile(" of ([\\d,]+) ").matcher(status);
        assertThat(m.find()).as("a total in the status line: " + status).isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    @Test
    void aReaderBrowsesFromTheHomePageToAnArticleAndOnThroughItsLinks() {
        // Home -> the hub, by the header's "Browse" link.
        open(kbUrl("/"));
        assertThat(driver.getTitle()).contains(FixtureKb.SITE_TITLE);
        click(driver.findElement(By.tagName("header")).findElement(By.linkText("Browse")));
        assertThat(driver.getCurrentUrl()).isEqualTo(kbUrl("/browse/"));

        // The hub -> the product's listing: about 100 articles, linking its other pages.
        click(productListingLink());
        String listing = driver.getCurrentUrl();
        assertThat(listing).matches(Pattern.quote(kbUrl("/browse/product/")) + "[a-z0-9-]+/");
        assertThat(h1()).contains(FixtureKb.PRODUCT);
        List<Integer> first = listedArticles();
        assertThat(first).as("articles on page 1").hasSizeBetween(50, 150).allMatch(n -> n < FixtureKb.ARTICLES);
        assertThat(main().findElements(By.cssSelector("a[href$='/page/3/']"))).as("link to page 3").isNotEmpty();

        // -> page 2: other articles of the same product.
        click(main().findElement(By.cssSelector("a[href$='/page/2/']")));
        assertThat(driver.getCurrentUrl()).isEqualTo(listing + "page/2/");
        List<Integer> second = listedArticles();
        assertThat(second).as("articles on page 2").isNotEmpty().doesNotContainAnyElementsOf(first)
                .allMatch(n -> n < FixtureKb.ARTICLES);

        // -> an article that cites the next one and is cited by the previous one.
        int n = second.stream().filter(i -> i > 0 && i < FixtureKb.ARTICLES - 1).findFirst().orElseThrow();
        click(main().findElement(By.cssSelector("a[href$='" + FixtureKb.path(n) + "']")));
        assertThat(driver.getCurrentUrl()).isEqualTo(kbUrl(FixtureKb.path(n)));
        assertThat(h1()).contains(FixtureKb.id(n));
        WebElement breadcrumbs = driver.findElement(By.cssSelector("nav[aria-label='Breadcrumb']"));
        assertThat(texts(breadcrumbs.findElements(By.tagName("a")))).as("breadcrumbs")
                .contains("Home").anyMatch(t -> t.contains(FixtureKb.PRODUCT));
        assertThat(breadcrumbs.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")))
                .as("breadcrumb links").contains(kbUrl("/"), listing);

        // -> a section through the table of contents.
        WebElement toc = main().findElements(By.cssSelector("a[href^='#']")).stream()
                .filter(a -> a.getText().strip().equalsIgnoreCase("resolution")).findFirst()
                .orElseThrow(() -> new AssertionError("no table-of-contents link to RESOLUTION; in-page links: "
                        + texts(main().findElements(By.cssSelector("a[href^='#']")))));
        String anchor = toc.getDomAttribute("href").substring(1);
        toc.click();
        wait.until(ExpectedConditions.urlToBe(kbUrl(FixtureKb.path(n) + "#" + anchor)));
        WebElement section = driver.findElement(By.id(anchor));
        assertThat(section.getText()).isEqualToIgnoringCase("resolution");
        Number top = (Number) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].getBoundingClientRect().top", section);
        assertThat(top.doubleValue()).as("the section's heading scrolled to the top").isBetween(-2.0, 120.0);

        // -> the article it cites, by the cross-reference in its text.
        click(driver.findElement(By.cssSelector(".kb-body")).findElement(By.linkText(FixtureKb.id(n + 1))));
        assertThat(driver.getCurrentUrl()).isEqualTo(kbUrl(FixtureKb.path(n + 1)));
        assertThat(h1()).contains(FixtureKb.id(n + 1));

        // -> back to the citing article through "Referenced by".
        List<WebElement> backlinks = driver.findElements(By.xpath(
                "//main//*[self::h2 or self::h3][starts-with(normalize-space(.), 'Referenced by')]/..//a"));
        assertThat(backlinks).as("links under a 'Referenced by' heading").isNotEmpty();
        WebElement backlink = backlinks.stream().filter(a -> a.getAttribute("href").equals(kbUrl(FixtureKb.path(n))))
                .findFirst().orElseThrow(() -> new AssertionError("'Referenced by' of " + FixtureKb.id(n + 1)
                        + " does not list " + FixtureKb.id(n) + ": " + texts(backlinks)));
        assertThat(backlink.getText()).contains(FixtureKb.id(n));
        click(backlink);
        assertThat(h1()).contains(FixtureKb.id(n));

        // -> the search, narrowed by a facet.
        search(QUERY);
        int all = total();
        WebElement kind = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-facet='type'] a.kb-facet-value")));
        click(kind);
        wait.until(ExpectedConditions.urlContains("type="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-facet='type'] .kb-facet-active")));
        int narrowed = total();
        assertThat(narrowed).as("results of one kind").isPositive().isLessThan(all);

        // <- back: the search without the facet, then the article.
        driver.navigate().back();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("type=")));
        assertThat(driver.getCurrentUrl()).contains("/search/?q=");
        assertThat(total()).isEqualTo(all);
        driver.navigate().back();
        wait.until(ExpectedConditions.urlToBe(kbUrl(FixtureKb.path(n))));
        assertThat(h1()).contains(FixtureKb.id(n));
        assertThat(consoleErrors()).as("console errors after going back").isEmpty();
    }

    @Test
    void shortLinksOnAPlainStaticHostReachTheArticle() {
        List<String> forms = List.of("/kb/%d", "/kb/Q%d", "/Q%d", "/KB%d", "/q%d");
        for (int i = 0; i < forms.size(); i++) {
            int n = 40 + i * 37;
            String link = host.url(forms.get(i).formatted(FixtureKb.FIRST + n));
            expectedNotFound.add(link);
            driver.get(link);
            wait.until(ExpectedConditions.urlToBe(host.url(FixtureKb.path(n))));
            // The address changes as the script navigates, before the article is loaded.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(h1()).as(link).contains(FixtureKb.id(n));
        }
    }

    /** One page of each kind the issue names, by its file-name stem. */
    private List<Page> pages() {
        return List.of(new Page("home", kbUrl("/")), new Page("hub", kbUrl("/browse/")), new Page("listing", ""),
                new Page("article", kbUrl(FixtureKb.path(101))),
                new Page("search", kbUrl("/search/?q=error+1053&type=kbbug")),
                new Page("404", kbUrl("/no/such/page/")));
    }

    private record Page(String name, String url) {
    }

    /**
     * Opens a page and waits for what its scripts fill in (the search page's hits). The listing is
     * the one the hub links (its URL is the build's choice of slug).
     */
    private void show(Page page) {
        String url = page.url();
        if (page.name().equals("listing")) {
            open(kbUrl("/browse/"));
            url = productListingLink().getAttribute("href");
        }
        if (page.name().equals("404")) {
            expectedNotFound.add(url);
        }
        open(url);
        if (page.name().equals("search")) {
            hits();
        }
    }

    @Test
    void screenshotsOfEveryKindOfPageAtDesktopAndPhoneWidths() {
        List<String> problems = new ArrayList<>();
        for (Page page : pages()) {
            for (Chromium.Screen screen : Chromium.Screen.values()) {
                String shot = page.name() + "-" + screen.label;
                try {
                    chromium.emulate(screen);
                    show(page);
                    chromium.screenshot(SCREENSHOTS.resolve(shot + ".png"));
                    Number width = (Number) ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth");
                    assertThat(width.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(screen.width);
                } catch (AssertionError e) {
                    // Every page that can be shown is shot; the missing ones are reported together.
                    problems.add(shot + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).as("pages that could not be shown as they should").isEmpty();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() {
        AxeCore axe = AxeCore.load();
        List<String> failures = new ArrayList<>();
        for (Page page : pages()) {
            for (Chromium.Screen screen : Chromium.Screen.values()) {
                chromium.emulate(screen);
                try {
                    show(page);
                } catch (AssertionError e) {
                    failures.add(page.name() + " (" + screen.label + "): not scanned: " + e.getMessage());
                    continue;
                }
                for (AxeCore.Violation v : axe.scan(driver)) {
                    String line = page.name() + " (" + screen.label + ", " + driver.getCurrentUrl() + "): " + v.describe();
                    System.out.println("axe " + (v.fails() ? "FAIL " : "note ") + line);
                    if (v.fails()) {
                        failures.add(line);
                    }
                }
            }
        }
        assertThat(failures).as("axe-core %s: serious or critical violations", AxeCore.VERSION).isEmpty();
    }
}
