package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** The dashboard in headless Chromium (Debian's chromium and chromium-driver) against the real server. */
class HeatmapPageIT {
    @TempDir
    static Path root;

    private static FixtureServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.withReferenceGrid(root.resolve("warehouse"));
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            server.close();
        } finally {
            chromium.close();
        }
    }

    @BeforeEach
    void signIn() {
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        // each test judges only what its own pages log
        severeConsoleEntries();
    }

    @Test
    void sendsAVisitorWithoutASessionToSignInAndBack() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/?metric=overdue"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(ignored -> browser.getCurrentUrl().contains("login.html"));
        browser.findElement(By.id("username")).sendKeys("xinfu");
        browser.findElement(By.id("password")).sendKeys(FixtureServer.PASSWORD);
        browser.findElement(By.id("submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(ignored -> !browser.getCurrentUrl().contains("login.html"));
        WebElement chart = waitForChart("finished");
        assertThat(browser.getCurrentUrl()).contains("metric=overdue");
        // a 忻府区 leader sees one row: their district
        assertThat(chart.getDomAttribute("data-cell-count")).isEqualTo("15");
        assertThat(browser.findElement(By.id("user")).getText())
                .contains("xinfu")
                .contains("140902");
        screenshot("heatmap-district-user.png");
        // the first, unauthenticated request is logged by Chromium as a 401; nothing else may be
        assertThat(severeConsoleEntries()).allSatisfy(entry -> assertThat(entry).contains("401"));
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
            chromium.signIn(unbuilt.url("/"), "leader", FixtureServer.PASSWORD);
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
        return chromium.waitForChart("heatmap", state);
    }

    private static List<String> severeConsoleEntries() {
        return chromium.severeConsoleEntries();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
