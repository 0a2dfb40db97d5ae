package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in headless Chromium (Debian's chromium and chromium-driver) against the real server. */
class HeatmapPageIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path root;

    private static FixtureServer server;
    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.withReferenceGrid(root.resolve("warehouse"));
        profile = Files.createTempDirectory("xiaoan-chromium-");
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
                "--window-size=1366,768",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            server.close();
            deleteRecursively(profile);
        }
    }

    @Test
    void drawsOneCellPerDistrictAndCategoryWithoutConsoleErrors() throws IOException {
        browser.get(server.url("/"));
        WebElement chart = waitForChart("finished");

        assertThat(chart.getDomAttribute("data-cell-count")).isEqualTo("225");
        assertThat(browser.getTitle()).isEqualTo("校安 · 学校安全隐患风险热力图");
        assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("校安 · 学校安全隐患风险热力图");
        assertThat(browser.findElement(By.id("meta")).getText())
                .isEqualTo("模型版本 v1 · 截至 2026-10-31 · 统计期 2026-01-01 至 2026-10-31");
        assertThat(browser.findElement(By.id("chart-caption")).getText()).isEqualTo("风险指数（县区 × 隐患类别）");
        assertThat(browser.findElement(By.id("status")).isDisplayed()).isFalse();
        screenshot("heatmap.png");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void switchesToEnglishWithNamesFromTheApi() throws IOException {
        browser.get(server.url("/?lang=zh"));
        waitForChart("finished");

        browser.findElement(By.id("language")).click();
        waitForChart("finished");

        assertThat(browser.getTitle()).isEqualTo("xiaoan · School safety hazard risk heatmap");
        assertThat(browser.findElement(By.id("chart-caption")).getText())
                .isEqualTo("Risk index (District × Hazard category)");
        assertThat(browser.findElement(By.id("meta")).getText())
                .isEqualTo("Model v1 · as of 2026-10-31 · period 2026-01-01 to 2026-10-31");
        assertThat(browser.getCurrentUrl()).contains("lang=en");
        screenshot("heatmap-en.png");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void drawsTheFigureChosenInTheMetricSelector() throws IOException {
        browser.get(server.url("/"));
        waitForChart("finished");

        new Select(browser.findElement(By.id("metric"))).selectByValue("rectification_rate");
        WebElement chart = waitForChart("finished");

        assertThat(browser.findElement(By.id("chart-caption")).getText()).isEqualTo("整改率（县区 × 隐患类别）");
        assertThat(chart.getDomAttribute("data-cell-count")).isEqualTo("225");
        assertThat(browser.getCurrentUrl()).contains("metric=rectification_rate");
        screenshot("heatmap-rectification-rate.png");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void showsWhatToDoWhenNoModelHasBeenBuilt() throws IOException {
        try (FixtureServer unbuilt = FixtureServer.withoutModel(root.resolve("empty"))) {
            browser.get(unbuilt.url("/"));
            waitForChart("error");
            assertThat(browser.findElement(By.id("status-text")).getText())
                    .isEqualTo("尚未构建模型：请先运行 bin/xiaoan build，然后刷新本页。");
            screenshot("heatmap-no-model.png");
            // the failed request itself is logged by Chromium; nothing else may be
            assertThat(severeConsoleEntries())
                    .allSatisfy(entry ->
                            assertThat(entry).contains("/api/v1/heatmap").contains("503"));
        }
    }

    private static WebElement waitForChart(String state) {
        WebElement chart = browser.findElement(By.id("heatmap"));
        new WebDriverWait(browser, PATIENCE)
                .withMessage(() -> "chart state " + chart.getDomAttribute("data-chart-state") + ", status \""
                        + browser.findElement(By.id("status-text")).getText() + "\"; console: "
                        + severeConsoleEntries())
                .until(driver -> state.equals(chart.getDomAttribute("data-chart-state")));
        return chart;
    }

    /** Errors the page logged since the last call (reading the browser log drains it). */
    private static List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private static void screenshot(String name) throws IOException {
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
