package cn.xiaoan.api;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium and chromedriver, headless, with a fresh profile; for the browser tests. */
public final class HeadlessChromium implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts a browser with a 1366×768 window, Chinese UI language and the browser log captured. */
    public static HeadlessChromium start() throws IOException {
        return start("zh-CN", 1366, 768);
    }

    /**
     * Starts a browser whose own locale is {@code language} (e.g. en-US, to prove the pages do not follow it) with a
     * window of the given size.
     */
    public static HeadlessChromium start(String language, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("xiaoan-chromium-");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--lang=" + language,
                "--user-data-dir=" + profile);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        // the browser's locale also decides Accept-Language and navigator.language
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    /**
     * Sets the page's viewport to exactly width × height CSS pixels (the window size includes the browser's frame, so
     * a 1920×1080 window shows less than 1080 pixels of page).
     */
    public void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Signs in on the sign-in page of the server at {@code baseUrl} (ending in '/') and waits to land on '/'. */
    public void signIn(String baseUrl, String username, String password) {
        driver.get(baseUrl + "login.html?next=/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "still on " + driver.getCurrentUrl() + ": "
                        + driver.findElement(By.id("error")).getText())
                .until(ignored -> !driver.getCurrentUrl().contains("login.html"));
        // the URL changes when the next page's navigation commits, before its document is parsed
        new WebDriverWait(driver, PATIENCE)
                .until(ignored -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Waits (without sleeping) until the chart container reports the given {@code data-chart-state}. */
    public WebElement waitForChart(String containerId, String state) {
        WebElement chart = new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id(containerId)));
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "chart state " + chart.getDomAttribute("data-chart-state") + ", status \""
                        + statusOf(chart) + "\"; console: " + severeConsoleEntries())
                .until(ignored -> state.equals(chart.getDomAttribute("data-chart-state")));
        return chart;
    }

    /** The text of a chart's status overlay (loading, empty or error message). */
    public String statusOf(WebElement chart) {
        return chart.findElement(By.xpath("following-sibling::div[contains(@class,'status')]"))
                .getText();
    }

    /** Waits until every chart of the page is in a final state (body[data-charts-finished]). */
    public void waitForChartsFinished() {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "charts not finished: "
                        + driver.findElements(By.cssSelector("[data-chart-state]")).stream()
                                .map(e -> e.getDomAttribute("id") + "=" + e.getDomAttribute("data-chart-state"))
                                .toList()
                        + "; console: " + severeConsoleEntries())
                .until(ignored ->
                        "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-charts-finished")));
    }

    /** Waits until the page says its data are loaded (body[data-ready]); the previous state is cleared first. */
    public void waitForReady() {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "page not ready: " + driver.getCurrentUrl() + "; console: " + severeConsoleEntries())
                .until(ignored ->
                        "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Opens a page and waits until it has loaded its data. */
    public void open(String url) {
        driver.get(url);
        waitForReady();
    }

    /** Errors the page logged since the last call (reading the browser log drains it). */
    public List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves a screenshot as {@code target/screenshots/<name>}. */
    public void screenshot(String name) throws IOException {
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
