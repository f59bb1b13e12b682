package kb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
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

/** A site published below {@code /kbarchive}: search and its links stay below it, with and without the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseUrlBrowserTest {

    private static final String ARTICLE = "Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization";

    private KbServer kb;
    private HttpServer files;
    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        ServedSite site = ServedSite.build(tmp.resolve("build"), "/kbarchive");
        kb = site.serve();
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/kbarchive/", SimpleFileServer.createFileHandler(site.site().toAbsolutePath()));
        files.createContext("/favicon.ico", Chromium::noFavicon);
        files.start();
        chromium = Chromium.start(tmp.resolve("chromium-profile"));
        driver = chromium.driver();
        wait = chromium.waiting();
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
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(chromium.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    private List<WebElement> search(String origin, String query) {
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("kb-search-q");
        focused.sendKeys(query, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains(origin + "/kbarchive/search/?q="));
        wait.until(d -> d.findElement(By.id("kb-search")).getAttribute("aria-busy") == null);
        return wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#kb-hits .kb-hit-title")));
    }

    @Test
    void withTheApiEverythingStaysBelowTheBaseUrl() {
        String origin = "http://127.0.0.1:" + kb.port();
        driver.get(origin + "/");
        wait.until(ExpectedConditions.urlToBe(origin + "/kbarchive/"));
        List<WebElement> hits = search(origin, "inventory resynchronization");
        assertThat(hits.get(0).getText()).isEqualTo(ARTICLE);
        assertThat(hits.get(0).getAttribute("href")).isEqualTo(origin + "/kbarchive/kb/319/Q319864/");
        assertThat(driver.findElements(By.cssSelector("#kb-hits mark"))).isNotEmpty();
        WebElement facet = driver.findElement(By.cssSelector("[data-facet='year'] a.kb-facet-value"));
        assertThat(facet.getAttribute("href")).startsWith(origin + "/kbarchive/search/?");
        facet.click();
        wait.until(ExpectedConditions.urlContains("year="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-facet='year'] .kb-facet-active")));
        driver.findElement(By.linkText(ARTICLE)).click();
        wait.until(ExpectedConditions.urlToBe(origin + "/kbarchive/kb/319/Q319864/"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), ARTICLE));
    }

    @Test
    void withoutTheApiTheOfflineIndexLinksBelowTheBaseUrl() {
        String origin = "http://127.0.0.1:" + files.getAddress().getPort();
        driver.get(origin + "/kbarchive/");
        List<WebElement> hits = search(origin, "upgrade sp4 inventory resync");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).getText()).isEqualTo(ARTICLE);
        assertThat(driver.findElement(By.id("kb-search-status")).getText()).contains("(offline index");
        hits.get(0).click();
        wait.until(ExpectedConditions.urlToBe(origin + "/kbarchive/kb/319/Q319864/"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), ARTICLE));
        // A query that is only an ID goes straight to the article, below the base URL.
        driver.get(origin + "/kbarchive/search/?q=KB319864");
        wait.until(ExpectedConditions.urlToBe(origin + "/kbarchive/kb/319/Q319864/"));
    }
}
