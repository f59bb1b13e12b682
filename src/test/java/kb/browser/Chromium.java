package kb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by its chromedriver, with a fresh profile, reading the
 * browser console. Tests using it are skipped when either program is missing.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium warns that it has no DevTools bindings for this chromium; the tests do not use them. */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Chromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Skips the calling test class unless chromium and chromedriver are installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "browser tests skipped: they need " + BROWSER + " and " + DRIVER
                        + " (apt-get install chromium chromium-driver)");
    }

    /** Starts the browser with a new profile in {@code profile}. */
    static Chromium start(Path profile) {
        DEVTOOLS.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1200,900",
                    "--user-data-dir=" + Files.createDirectories(profile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return new Chromium(service, new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * A screen the page is shown on, emulated through the DevTools protocol (no second browser):
     * its CSS size, its pixel ratio, and whether it is a phone (which makes the browser honour the
     * page's viewport meta tag and report touch input).
     */
    enum Screen {
        DESKTOP("desktop", 1280, 800, 1, false),
        PHONE("phone", 390, 844, 2, true);

        final String label;
        final int width;
        final int height;
        final int pixelRatio;
        final boolean mobile;

        Screen(String label, int width, int height, int pixelRatio, boolean mobile) {
            this.label = label;
            this.width = width;
            this.height = height;
            this.pixelRatio = pixelRatio;
            this.mobile = mobile;
        }
    }

    /** Shows the following pages on {@code screen} (until the next call). */
    void emulate(Screen screen) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width,
                "height", screen.height, "deviceScaleFactor", screen.pixelRatio, "mobile", screen.mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", screen.mobile));
    }

    /** Writes what the screen shows now (the first screenful of the page) as a PNG file. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** The console's errors since the last call (the log is emptied by reading it). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
    }

    /**
     * Answers a browser's {@code /favicon.ico} with "204 No Content" on the test's static host (as
     * kb serve does): the sample site has no icon, and the 404 would show in the console, though
     * no page asked for it.
     */
    static void noFavicon(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
