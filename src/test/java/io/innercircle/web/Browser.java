package io.innercircle.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, never a driver or browser downloaded by Selenium
 * Manager (the build must work offline). Saves screenshots to target/screenshots and downloads to
 * target/browser-downloads.
 *
 * <p>Signs in when the app sends it to /login (Spring Security form login), so the tests hold with or without
 * the access feature.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.path", "/usr/bin/chromedriver");
    private static final String USERNAME = System.getProperty("innercircle.test.username", "admin");
    private static final String PASSWORD = System.getProperty("innercircle.test.password", "admin");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;
    private String username = USERNAME;
    private String password = PASSWORD;
    /**
     * How often a wait looks again. Every 50 ms: with Selenium's 500 ms the browser tests left a core idle 40-55 % of
     * the time on a 2-core machine, waiting for the next look rather than for the page.
     */
    private Duration polling = Duration.ofMillis(50);

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Waits look again every {@code interval}. */
    Browser polling(Duration interval) {
        this.polling = interval;
        return this;
    }

    /** Signs in as this user from now on (the demo users' password is their name); drops the current session. */
    Browser as(String user) {
        this.username = user;
        this.password = user;
        driver.manage().deleteAllCookies();
        // Leave the app's page: the next open() of an /app/#... address would otherwise only change the hash of
        // the signed-out page still shown, so the server never sends the browser to /login.
        driver.get("about:blank");
        return this;
    }

    /**
     * Starts Chromium. Where it is not installed the browser tests are skipped on a developer's machine, but fail
     * in CI (CI=true), whose .ci/run installs it: a missing browser must never pass silently there.
     */
    static Browser start(int port) {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed) {
            String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.createDirectories(DOWNLOADS);
            Path profile = Files.createTempDirectory("innercircle-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1600,1000",
                    "--user-data-dir=" + profile);
            // The page's console, for a failed wait to print (see waitUntil).
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", DOWNLOADS.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
            return new Browser(driver, "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Opens a page of the app, signing in first when the app asks for it. */
    void open(String path) {
        driver.get(baseUrl + path);
        if (signInIfAsked()) {
            // After signing in the app returns to the page, but the browser never sent the part after '#'.
            driver.get(baseUrl + path);
        }
    }

    /** True when it had to sign in. */
    boolean signInIfAsked() {
        if (!URI.create(driver.getCurrentUrl()).getPath().equals("/login")) {
            return false;
        }
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.name("password")).submit();
        waitUntil(d -> !URI.create(d.getCurrentUrl()).getPath().equals("/login"));
        return true;
    }

    /**
     * Makes the page see a screen of this size (a phone) through Chromium's device emulation: the viewport is that
     * size at once, unlike a resized headless window, which settles some time later.
     */
    void emulateScreen(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
    }

    void stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        // The page re-renders panels as answers arrive: an element read mid-render is stale, so look again.
        try {
            // 60 s: on a machine shared by several builds an answer can take that long; a wait ends as soon as its
            // condition holds, so only a failure costs the time.
            return new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(polling)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    // A field being re-rendered is for a moment not interactable: try again, as for a stale one.
                    .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (org.openqa.selenium.WebDriverException e) {
                            // A look that met the page being replaced (the app navigating): look again.
                            if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page showed and said when the wait gave up, for whoever reads the failure.
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            throw new org.openqa.selenium.TimeoutException(e.getMessage() + "\nscreenshot: " + shot
                    + "\nurl: " + driver.getCurrentUrl() + "\nbrowser console:\n" + consoleLog(), e);
        }
    }

    /** The page's console messages since the last call (errors, warnings, logs). */
    String consoleLog() {
        try {
            StringBuilder out = new StringBuilder();
            driver.manage().logs().get("browser").forEach(entry ->
                    out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
            return out.toString();
        } catch (RuntimeException e) {
            return "(not available: " + e.getMessage() + ")";
        }
    }

    /** Waits until the page marks itself drawn (main.js sets body[data-ready] after each page is shown). */
    void waitForPage() {
        waitUntil(d -> js("return document.body.dataset.ready || null") != null);
    }

    /**
     * Clicks a person's node on the map canvas. Cytoscape draws on a canvas, so the click goes to the node's
     * rendered position, in the viewport's coordinates: Selenium's offsets from an element count from the centre
     * of its visible part, which is not the canvas's centre when the canvas runs past the bottom of the window.
     * The node is scrolled into the upper part of the window first (on a phone the details sheet covers the rest).
     */
    void clickPerson(String nodeId) {
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) js("""
                const p = window.politicalMap.$id(arguments[0]).renderedPosition();
                const box = () => document.getElementById('cy').getBoundingClientRect();
                const y = box().top + p.y;
                if (y < 40 || y > window.innerHeight * 0.4) window.scrollBy(0, y - window.innerHeight * 0.3);
                return {x: box().left + p.x, y: box().top + p.y};""", nodeId);
        new Actions(driver).moveToLocation((int) Math.round(at.get("x").doubleValue()),
                (int) Math.round(at.get("y").doubleValue())).click().perform();
    }

    Path screenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as the browser prints it (the print stylesheet applies), as PDF bytes. */
    byte[] print(String name) {
        String pdf = ((PrintsPage) driver).print(new PrintOptions()).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".pdf"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(bytes).startsWith("%PDF".getBytes());
        return bytes;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in /tmp is harmless.
        }
    }
}
