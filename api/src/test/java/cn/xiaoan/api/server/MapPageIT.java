package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.geo.AreaMap;
import cn.xiaoan.api.geo.LonLat;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** 一张图 in Chromium and over HTTP: the counties shaded by the API's figures, a click opens the district page. */
class MapPageIT extends ChromiumOverGrid {
    private static final AreaMap AREA = AreaMap.shipped(FixtureServer.REFERENCE.districts());

    @BeforeEach
    void signIn() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    @Test
    void shadesEveryCountyByThePickedFigureWithTheApisValuesAtBothScreenSizes() throws Exception {
        JsonNode expected = server.json("leader", "/api/v1/figures?by=district&filter=severity=MAJOR");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(size);
            chromium.open(server.url("/map.html?figure=risk_index&severity=MAJOR"));
            chromium.waitForChartsFinished();
            new Select(browser.findElement(By.id("figure"))).selectByValue("overdue");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ignored -> "overdue"
                    .equals(browser.findElement(By.id("area-map")).getDomAttribute("data-figure")));
            chromium.waitForChartsFinished();

            assertThat(browser.findElement(By.id("map-caption")).getText()).isEqualTo("各县区超期未整改");
            List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tbody tr"));
            assertThat(rows).hasSize(15);
            for (JsonNode row : expected.get("rows")) {
                String code = row.get("district").asText();
                WebElement shown = browser.findElement(By.cssSelector("#ranking tr[data-key='" + code + "']"));
                String name = FixtureServer.REFERENCE
                        .districts()
                        .byCode(code)
                        .orElseThrow()
                        .nameZh();
                assertThat(shown.findElement(By.cssSelector("td[data-column='district']"))
                                .getText())
                        .isEqualTo(name);
                assertThat(shown.findElement(By.cssSelector("td[data-column='overdue']"))
                                .getText())
                        .as(name)
                        .isEqualTo(String.valueOf(row.get("overdue").asLong()));
            }
            assertThat(browser.getCurrentUrl()).contains("figure=overdue").contains("severity=MAJOR");
            chromium.screenshot("map-" + size.getWidth() + "x" + size.getHeight() + ".png");
        }
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void namesTheFigureAndTheDistrictsInEnglishWithLangEn() throws Exception {
        try {
            chromium.open(server.url("/map.html?figure=overdue&lang=en"));
            chromium.waitForChartsFinished();

            assertThat(browser.findElement(By.id("map-caption")).getText()).isEqualTo("Overdue by district");
            assertThat(browser.findElement(By.cssSelector("#ranking tr[data-key='140603'] td[data-column='district']"))
                            .getText())
                    .isEqualTo("Pinglu District");
            assertThat(chromium.severeConsoleEntries()).isEmpty();
        } finally {
            chromium.open(server.url("/map.html?lang=zh")); // the choice is remembered: give the next test Chinese
        }
    }

    @Test
    void opensTheDistrictPageOfAClickedCountyWithTheSameFilters() throws Exception {
        chromium.open(server.url("/map.html?figure=open&severity=MAJOR"));
        chromium.waitForChartsFinished();
        LonLat xinfu = AREA.outline("140902").orElseThrow().labelPoint();
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) browser.executeScript(
                "const element = document.getElementById('area-map');"
                        + "const [x, y] = echarts.getInstanceByDom(element)"
                        + ".convertToPixel({seriesIndex: 0}, [arguments[0], arguments[1]]);"
                        + "const box = element.getBoundingClientRect();"
                        + "return [Math.round(box.left + x), Math.round(box.top + y)];",
                xinfu.lon(),
                xinfu.lat());
        new Actions(browser)
                .moveToLocation(point.get(0).intValue(), point.get(1).intValue())
                .click()
                .perform();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage(() -> "clicked " + point + ", still on " + browser.getCurrentUrl())
                .until(ignored -> browser.getCurrentUrl().contains("index.html"));
        chromium.waitForReady();

        assertThat(browser.getCurrentUrl()).contains("district=140902").contains("severity=MAJOR");
        assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("校安 · 县区页");
        chromium.screenshot("map-click-district.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void servesTheOutlinesKeyedByCodeAndADistrictUserOnlyTheirOwn() throws Exception {
        JsonNode city = server.json("leader", "/api/v1/geo/area.json");
        JsonNode xinfu = server.json("xinfu", "/api/v1/geo/area.json");

        assertThat(city.get("features")).hasSize(15);
        assertThat(xinfu.get("features")).hasSize(1);
        assertThat(xinfu.at("/features/0/properties/code").asText()).isEqualTo("140902");
        assertThat(server.get("clerk", "/api/v1/geo/area.json").statusCode()).isEqualTo(403);
    }

    @Test
    void drawsTheMapAsPngOnTheServerAndRefusesAnUnknownFigure() throws Exception {
        HttpResponse<byte[]> png =
                server.getBytes("leader", "/api/v1/geo/map.png?figure=rectification_rate&width=800&height=600");
        HttpResponse<String> unknown = server.get("leader", "/api/v1/geo/map.png?figure=nonsense");
        HttpResponse<String> tooSmall = server.get("leader", "/api/v1/geo/map.png?width=10&height=10");

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.headers().firstValue("X-Model-Version")).contains("1");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown_figure");
        assertThat(tooSmall.statusCode()).isEqualTo(400);
        assertThat(tooSmall.body()).contains("invalid_size");
    }

    @Test
    void drawsTheCountyMapIntoTheCitysCampaignReportAtTheEndOfTheDistrictSection() throws Exception {
        HttpResponse<byte[]> city = server.getBytes("leader", "/api/v1/reports/campaign?year=2026");
        HttpResponse<byte[]> district = server.getBytes("xinfu", "/api/v1/reports/campaign?year=2026");

        assertThat(city.statusCode()).isEqualTo(200);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(city.body()))) {
            assertThat(doc.getAllPictures()).hasSize(1);
            BufferedImage map = ImageIO.read(
                    new ByteArrayInputStream(doc.getAllPictures().get(0).getData()));
            assertThat(map.getWidth()).isEqualTo(1600);
            List<String> paragraphs =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            int caption = indexOfStart(paragraphs, "图　各县区重大隐患未整改分布");
            assertThat(caption).as("caption of the map").isPositive();
            assertThat(paragraphs.subList(0, caption)).contains("三、分县区情况");
            assertThat(paragraphs.subList(caption, paragraphs.size())).contains("四、分学校类型情况");
        }
        assertThat(district.statusCode()).isEqualTo(200);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(district.body()))) {
            assertThat(doc.getAllPictures())
                    .as("a district's report has no area map")
                    .isEmpty();
        }
    }

    private static int indexOfStart(List<String> paragraphs, String start) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
