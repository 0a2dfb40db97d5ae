package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The overview (总览) in Chromium: numbers equal the API's, a heatmap click lands on the cell's hazards. */
class OverviewPageIT extends ChromiumOverGrid {

    @BeforeEach
    void signIn() {
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    @Test
    void drawsEveryChartWithTheApisNumbers() throws Exception {
        chromium.open(server.url("/"));
        chromium.waitForChartsFinished();

        WebElement heatmap = browser.findElement(By.id("heatmap"));
        assertThat(heatmap.getDomAttribute("data-cell-count")).isEqualTo("225");
        assertThat(browser.findElement(By.id("chart-caption")).getText()).isEqualTo("风险指数（县区 × 隐患类别）");
        assertThat(browser.findElement(By.id("meta")).getText())
                .contains("模型版本 v1")
                .contains("截至 2026-10-31");
        JsonNode comparison = api("leader", "/api/v1/figures/compare");
        for (String figure : List.of(
                "found",
                "rectification_rate",
                "on_time_rate",
                "open",
                "overdue",
                "major_open",
                "legacy_major_open",
                "closure_rate",
                "rectified_not_closed")) {
            WebElement card = browser.findElement(By.cssSelector(".kpi[data-figure='" + figure + "']"));
            JsonNode expected = figureOf(comparison, figure);
            String shown = card.findElement(By.className("value")).getDomAttribute("data-value");
            if (expected.get("current").isNull()) {
                assertThat(shown).as(figure).isEmpty();
            } else {
                assertThat(Double.parseDouble(shown))
                        .as(figure)
                        .isEqualTo(expected.get("current").asDouble());
            }
        }
        JsonNode top = api("leader", "/api/v1/schools?limit=10");
        List<WebElement> rows = browser.findElements(By.cssSelector("#top-schools tbody tr"));
        assertThat(rows).hasSize(top.size());
        assertThat(rows.get(0).getDomAttribute("data-key"))
                .isEqualTo(top.get(0).get("schoolCode").asText());
        for (String chart : List.of("trend-chart", "by-district-chart", "by-school-type-chart")) {
            assertThat(browser.findElement(By.id(chart)).getDomAttribute("data-chart-state"))
                    .as(chart)
                    .isEqualTo("finished");
        }
        chromium.screenshot("overview.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void opensTheHazardsBehindAHeatmapCell() throws Exception {
        chromium.open(server.url("/?metric=overdue"));
        chromium.waitForChartsFinished();
        // the cell at the first row and column, where ECharts drew it, in the window's coordinates
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) browser.executeScript("const element = document.getElementById('heatmap');"
                + "const [x, y] = echarts.getInstanceByDom(element).convertToPixel({seriesIndex: 0}, [0, 0]);"
                + "const box = element.getBoundingClientRect();"
                + "return [Math.round(box.left + x), Math.round(box.top + y)];");
        new Actions(browser)
                .moveToLocation(point.get(0).intValue(), point.get(1).intValue())
                .click()
                .perform();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage(() -> "clicked " + point + ", still on " + browser.getCurrentUrl())
                .until(ignored -> browser.getCurrentUrl().contains("hazards.html"));
        chromium.waitForReady();

        String url = browser.getCurrentUrl();
        assertThat(url).contains("state=overdue").contains("district=140902").contains("category=");
        String category = url.replaceAll(".*category=([A-Z_]+).*", "$1");
        JsonNode heatmap = api("leader", "/api/v1/heatmap?metric=overdue");
        double expected = 0;
        for (JsonNode cell : heatmap.get("cells")) {
            if (cell.get("row").asText().equals("140902")
                    && cell.get("column").asText().equals(category)) {
                expected = cell.get("value").asDouble();
            }
        }
        assertThat(Double.parseDouble(browser.findElement(By.id("total")).getDomAttribute("data-total")))
                .isEqualTo(expected)
                .isPositive();
        assertThat(browser.findElements(By.cssSelector("#hazards tbody tr"))).hasSize((int) expected);
        chromium.screenshot("hazards-of-a-cell.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void redrawsEveryChartWhenAFilterChangesAndKeepsItInTheUrl() throws Exception {
        chromium.open(server.url("/"));
        chromium.waitForChartsFinished();
        String before = browser.findElement(By.cssSelector(".kpi[data-figure='open'] .value"))
                .getDomAttribute("data-value");

        new Select(browser.findElement(By.id("filter-severity"))).selectByValue("MAJOR");
        chromium.waitForReady();
        chromium.waitForChartsFinished();

        assertThat(browser.getCurrentUrl()).contains("severity=MAJOR");
        JsonNode major = api("leader", "/api/v1/figures/compare?filter=severity=MAJOR");
        String after = browser.findElement(By.cssSelector(".kpi[data-figure='open'] .value"))
                .getDomAttribute("data-value");
        assertThat(Double.parseDouble(after))
                .isEqualTo(figureOf(major, "open").get("current").asDouble());
        assertThat(after).isNotEqualTo(before);
        JsonNode heatmap = api("leader", "/api/v1/heatmap?filter=severity=MAJOR");
        long cells = 0;
        for (JsonNode cell : heatmap.get("cells")) {
            cells += cell.get("value").isNull() ? 0 : 1;
        }
        assertThat(browser.findElement(By.id("heatmap")).getDomAttribute("data-cell-count"))
                .isEqualTo(Long.toString(cells));
        // the bookmarked view opens as it was left
        chromium.open(browser.getCurrentUrl());
        chromium.waitForChartsFinished();
        assertThat(new Select(browser.findElement(By.id("filter-severity")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("MAJOR");
        chromium.screenshot("overview-major.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void keepsADistrictLeaderInTheirDistrictAndSpeaksEnglish() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/?metric=overdue"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ignored -> browser.getCurrentUrl().contains("login.html"));
        browser.findElement(By.id("username")).sendKeys("xinfu");
        browser.findElement(By.id("password")).sendKeys(FixtureServer.PASSWORD);
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ignored -> !browser.getCurrentUrl().contains("login.html"));
        chromium.waitForChartsFinished();
        assertThat(browser.getCurrentUrl()).contains("metric=overdue");
        // one row of 15 categories: their district
        assertThat(browser.findElement(By.id("heatmap")).getDomAttribute("data-cell-count"))
                .isEqualTo("15");
        // the scope by its name, not its code
        assertThat(browser.findElement(By.id("user")).getText())
                .contains("xinfu")
                .contains("忻府区")
                .doesNotContain("140902");
        assertThat(browser.findElements(By.id("filter-district"))).isEmpty();
        List<WebElement> schools = browser.findElements(By.cssSelector("#top-schools tbody tr"));
        assertThat(schools).isNotEmpty().allSatisfy(row -> assertThat(row.getDomAttribute("data-key"))
                .startsWith("140902"));

        browser.findElement(By.id("language")).click();
        chromium.waitForChartsFinished();
        assertThat(browser.getTitle()).isEqualTo("xiaoan · Overview");
        assertThat(browser.findElement(By.id("chart-caption")).getText())
                .isEqualTo("Overdue (District × Hazard category)");
        assertThat(browser.getCurrentUrl()).contains("lang=en");
        chromium.screenshot("overview-district-en.png");
        // the first, unauthenticated request is logged by Chromium as a 401; nothing else may be
        assertThat(chromium.severeConsoleEntries())
                .allSatisfy(entry -> assertThat(entry).contains("401"));
        browser.findElement(By.id("language")).click();
    }

    @Test
    void fitsALaptopAndAWallScreenWithoutSidewaysScrolling() throws Exception {
        try {
            for (var size : List.of(
                    new org.openqa.selenium.Dimension(1366, 768), new org.openqa.selenium.Dimension(1920, 1080))) {
                browser.manage().window().setSize(size);
                chromium.open(server.url("/"));
                chromium.waitForChartsFinished();
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue())
                        .as("sideways overflow at %s", size)
                        .isLessThanOrEqualTo(0);
                chromium.screenshot("overview-" + size.getWidth() + "x" + size.getHeight() + ".png");
            }
            assertThat(chromium.severeConsoleEntries()).isEmpty();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        }
    }

    @Test
    void showsWhatToDoWhenNoModelHasBeenBuilt() throws IOException {
        try (FixtureServer unbuilt = FixtureServer.withoutModel(root.resolve("empty"))) {
            chromium.signIn(unbuilt.url("/"), "leader", FixtureServer.PASSWORD);
            chromium.waitForChartsFinished();
            WebElement heatmap = chromium.waitForChart("heatmap", "error");
            assertThat(chromium.statusOf(heatmap)).isEqualTo("尚未构建模型：请先运行 bin/xiaoan build，然后刷新本页。");
            chromium.screenshot("overview-no-model.png");
            assertThat(chromium.severeConsoleEntries())
                    .allSatisfy(entry -> assertThat(entry).contains("503"));
        }
    }

    private static JsonNode figureOf(JsonNode comparison, String code) {
        for (JsonNode figure : comparison.get("figures")) {
            if (figure.get("code").asText().equals(code)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + code);
    }

    private static JsonNode api(String user, String path) throws Exception {
        return server.json(user, path);
    }
}
