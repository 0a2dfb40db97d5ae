package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 大屏 in Chromium at 1920×1080 and 3840×2160: the API's numbers, the whole screen without scrollbars, the overdue MAJOR
 * list scrolling by itself, and a new model shown without anyone touching the page after a batch is published.
 */
class WallScreenIT extends ChromiumOverGrid {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> KPIS = List.of(
            "found",
            "rectification_rate",
            "on_time_rate",
            "risk_index",
            "open",
            "overdue",
            "major_open",
            "legacy_major_open");

    @BeforeEach
    void signIn() {
        showAt(new Dimension(1920, 1080));
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    @Test
    void fillsTheScreenWithTheApisNumbersAtFullHdAndUltraHd() throws Exception {
        JsonNode comparison = server.json("leader", "/api/v1/figures/compare");
        JsonNode overdue = server.json(
                "leader", "/api/v1/hazards?state=overdue&filter=severity=MAJOR&sort=days_overdue&order=desc&size=200");
        assertThat(overdue.get("total").asLong())
                .as("the fixture has overdue MAJOR hazards")
                .isGreaterThan(20);
        for (Dimension size : List.of(new Dimension(1920, 1080), new Dimension(3840, 2160))) {
            showAt(size);
            chromium.open(server.url("/screen.html"));
            chromium.waitForChartsFinished();

            assertThat(browser.executeScript("return [window.innerWidth, window.innerHeight]"))
                    .isEqualTo(List.of((long) size.getWidth(), (long) size.getHeight()));
            for (String code : KPIS) {
                WebElement value = browser.findElement(By.cssSelector(".wall-kpi[data-figure='" + code + "'] .value"));
                assertShows(value, figureOf(comparison, code), code);
                assertThat(browser.findElement(By.cssSelector(".wall-kpi[data-figure='" + code + "'] .change"))
                                .getText())
                        .startsWith("同比 ");
            }
            // one row per district of the primary campaign's area, as the goals route answers it
            long districts = java.util.stream.StreamSupport.stream(
                            server.json("leader", "/api/v1/goals").get("goals").spliterator(), false)
                    .map(row -> row.get("district").asText())
                    .distinct()
                    .count();
            assertThat(districts).isGreaterThan(1);
            assertThat(browser.findElements(By.cssSelector("#wall-goals tbody tr")))
                    .hasSize((int) districts);
            assertThat(browser.findElement(By.cssSelector("#wall-goals tbody tr[data-district='140902'] td"))
                            .getText())
                    .isEqualTo("忻府区");
            List<WebElement> items = browser.findElements(By.cssSelector("#overdue-list li:not(.copy)"));
            assertThat(items).hasSize(overdue.get("items").size());
            assertThat(items.get(0).getDomAttribute("data-hazard"))
                    .isEqualTo(overdue.at("/items/0/hazardId").asText());
            assertThat(browser.findElement(By.id("wall-meta")).getText())
                    .contains("模型版本 v" + comparison.at("/modelVersion/version").asText());
            // designed for the screen: nothing spills over, every panel is whole on it
            assertThat((Boolean) browser.executeScript("const e = document.documentElement;"
                            + "return e.scrollWidth <= innerWidth && e.scrollHeight <= innerHeight"
                            + " && [...document.querySelectorAll('.panel')].every(p => {"
                            + " const b = p.getBoundingClientRect(); return b.left >= 0 && b.top >= 0"
                            + " && b.right <= innerWidth && b.bottom <= innerHeight; })"
                            // every district's goals are on the screen, none cut off
                            + " && document.getElementById('wall-goals').getBoundingClientRect().bottom"
                            + " <= document.querySelector('.goals-wrap').getBoundingClientRect().bottom + 1"))
                    .as("layout at %s", size)
                    .isTrue();
            assertThat(browser.executeScript("return getComputedStyle(document.documentElement).fontSize"))
                    .isEqualTo(size.getWidth() / 120 + "px");
            assertListScrollsByItself();
            chromium.screenshot("screen-" + size.getWidth() + "x" + size.getHeight() + ".png");
        }
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void showsTheNewModelWithoutInteractionAfterABatchIsPublished() throws Exception {
        long before =
                server.json("leader", "/api/v1/health").at("/model/version").asLong();
        chromium.open(server.url("/screen.html?poll=2"));
        chromium.waitForChartsFinished();
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-model-version"))
                .isEqualTo(String.valueOf(before));
        assertThat(browser.findElements(By.cssSelector("#overdue-list li[data-hazard='WALL-1']")))
                .isEmpty();

        // a clerk sends one more ledger: a MAJOR hazard of 忻府区 past its deadline; the server rebuilds and publishes
        HttpResponse<String> upload = upload(
                "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,"
                        + "整改责任人,整改期限,整改状态,整改完成日期,销号日期\n"
                        + "WALL-1,1409020001,测试学校1409020001,2026-09-01,自查,王明,消防安全,教学楼,消防通道堵塞,重大隐患,"
                        + "清理通道,设置警示,张三,2026-10-01,整改中,,\n",
                "2026-11-15");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        long published = awaitPublishedVersionAfter(before);

        // nobody touches the page: it notices the new version by itself
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .withMessage(() -> "screen still shows v"
                        + browser.findElement(By.tagName("body")).getDomAttribute("data-model-version")
                        + "; console: " + chromium.severeConsoleEntries())
                .until(ignored -> String.valueOf(published)
                        .equals(browser.findElement(By.tagName("body")).getDomAttribute("data-model-version")));
        chromium.waitForChartsFinished();

        assertThat(browser.findElement(By.id("wall-meta")).getText())
                .contains("模型版本 v" + published)
                .contains("截至 2026-11-15");
        assertThat(browser.findElements(By.cssSelector("#overdue-list li[data-hazard='WALL-1']")))
                .isNotEmpty();
        JsonNode comparison = server.json("leader", "/api/v1/figures/compare");
        assertShows(
                browser.findElement(By.cssSelector(".wall-kpi[data-figure='major_open'] .value")),
                figureOf(comparison, "major_open"),
                "major_open");
        assertThat(browser.findElement(By.id("wall-map")).getDomAttribute("data-model-version"))
                .isEqualTo(String.valueOf(published));
        chromium.screenshot("screen-after-publish.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void speaksEnglishWithLangEn() throws Exception {
        try {
            chromium.open(server.url("/screen.html?lang=en"));
            chromium.waitForChartsFinished();

            assertThat(browser.findElement(By.id("wall-title")).getText())
                    .isEqualTo("School safety hazards · situation");
            assertThat(browser.findElement(By.id("map-caption")).getText()).isEqualTo("Risk index by district");
            assertThat(browser.findElement(By.cssSelector("#wall-goals tbody tr[data-district='140902'] td"))
                            .getText())
                    .isEqualTo("Xinfu District");
            assertThat(browser.findElement(By.cssSelector(".wall-kpi[data-figure='open'] .change"))
                            .getText())
                    .startsWith("YoY ");
            assertThat(browser.findElement(By.cssSelector("#overdue-list li .days"))
                            .getText())
                    .endsWith("days overdue");
            chromium.screenshot("screen-en-1920x1080.png");
            assertThat(chromium.severeConsoleEntries()).isEmpty();
        } finally {
            chromium.open(server.url("/screen.html?lang=zh")); // the choice is remembered: give the next test Chinese
        }
    }

    /** The page's viewport exactly this size, as on a wall screen (a window's size would include its frame). */
    private static void showAt(Dimension size) {
        browser.manage().window().setSize(new Dimension(size.getWidth(), size.getHeight() + 200));
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", false));
    }

    private static void assertShows(WebElement value, JsonNode expected, String code) {
        String shown = value.getDomAttribute("data-value");
        if (expected.get("current").isNull()) {
            assertThat(shown).as(code).isEmpty();
        } else {
            assertThat(Double.parseDouble(shown))
                    .as(code)
                    .isEqualTo(expected.get("current").asDouble());
        }
    }

    private static void assertListScrollsByItself() {
        WebElement viewport = browser.findElement(By.id("overdue-viewport"));
        assertThat(viewport.getDomAttribute("data-scrolling")).isEqualTo("true");
        long start = ((Number) browser.executeScript("return arguments[0].scrollTop", viewport)).longValue();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .withMessage("the overdue list does not scroll")
                .until(ignored ->
                        ((Number) browser.executeScript("return arguments[0].scrollTop", viewport)).longValue()
                                > start + 5);
    }

    private static long awaitPublishedVersionAfter(long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = server.json("leader", "/api/v1/health");
            long now = health.path("model").path("version").asLong();
            if (now > version) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no model after v" + version + " was published");
    }

    private static HttpResponse<String> upload(String csv, String reportDate) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(server.url("/api/v1/ingest/ledger?name=wall.csv&reportDate=" + reportDate)))
                        .header("Authorization", "Bearer " + server.token("clerk"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode figureOf(JsonNode comparison, String code) {
        for (JsonNode figure : comparison.get("figures")) {
            if (figure.get("code").asText().equals(code)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + code);
    }
}
