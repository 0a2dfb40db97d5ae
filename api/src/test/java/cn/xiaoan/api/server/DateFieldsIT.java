package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Date and month fields in a browser whose own locale is en-US: they still read 2026-10-31 and 2026年10月, accept what
 * people type, work from the keyboard, and start at the dates the data have (the model's as-of date, the latest data
 * year); the hazard list's total says what it counts. Screenshots at 1366×768 and 1920×1080.
 */
class DateFieldsIT {
    @TempDir
    static Path root;

    private static FixtureServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static JsonNode catalog;

    @BeforeAll
    static void start() throws Exception {
        server = FixtureServer.withReferenceGrid(root.resolve("warehouse"));
        chromium = HeadlessChromium.start("en-US", 1366, 768);
        browser = chromium.driver();
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
        catalog = server.json("leader", "/api/v1/meta");
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            server.close();
        } finally {
            chromium.close();
        }
    }

    private static String asOf() {
        return catalog.get("latestReportDate").asText();
    }

    @Test
    void showsTheModelsDatesTheChineseWayWhateverTheBrowserLocale() throws Exception {
        assertThat(browser.executeScript("return navigator.language")).isEqualTo("en-US");
        chromium.open(server.url("/hazards.html?state=open&lang=zh"));
        WebElement asOf = browser.findElement(By.id("filter-asOf"));
        assertThat(asOf.getDomAttribute("type")).isEqualTo("text");
        // nothing chosen: the field shows the as-of date the answer used, the model's
        assertThat(asOf.getDomProperty("value")).isEqualTo(asOf());
        assertThat(asOf.getDomAttribute("data-default")).isEqualTo("true");
        JsonNode page = server.json("leader", "/api/v1/hazards?state=open");
        assertThat(browser.findElement(By.id("filter-from")).getDomProperty("value"))
                .isEqualTo(page.at("/period/from").asText());
        assertThat(browser.findElement(By.id("filter-to")).getDomProperty("value"))
                .isEqualTo(page.at("/period/to").asText());
        assertThat(browser.getCurrentUrl()).doesNotContain("asOf=");
        for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(1920, 1080)}) {
            chromium.viewport(size.width, size.height);
            browser.findElement(By.cssSelector("#filter-asOf + .date-button")).click();
            assertThat(browser.findElement(By.cssSelector(".date-popup:not([hidden])"))
                            .getText())
                    .contains(LocalDate.parse(asOf()).getYear() + "年"
                            + LocalDate.parse(asOf()).getMonthValue() + "月")
                    .contains("一");
            chromium.screenshot("date-picker-" + size.width + "x" + size.height + ".png");
            new org.openqa.selenium.interactions.Actions(browser)
                    .sendKeys(Keys.ESCAPE)
                    .perform();
        }
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void acceptsTypedDatesAndTheCalendarFromTheKeyboard() {
        chromium.viewport(1366, 768);
        chromium.open(server.url("/hazards.html?state=found&lang=zh"));
        WebElement from = browser.findElement(By.id("filter-from"));
        from.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026/3/1", Keys.ENTER);
        assertThat(from.getDomProperty("value")).isEqualTo("2026-03-01");
        // the period's other end, shown as the default, is taken with it
        chromium.waitForReady();
        assertThat(browser.getCurrentUrl()).contains("from=2026-03-01").contains("to=" + asOf());
        WebElement to = browser.findElement(By.id("filter-to"));
        to.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026年6月30日", Keys.ENTER);
        chromium.waitForReady();
        assertThat(browser.getCurrentUrl()).contains("from=2026-03-01").contains("to=2026-06-30");
        assertThat(browser.findElement(By.id("total")).getText()).startsWith("2026-03-01 至 2026-06-30 发现的隐患共");

        // a wrong date is kept as typed, marked, and not sent
        WebElement asOf = browser.findElement(By.id("filter-asOf"));
        asOf.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-02-30", Keys.ENTER);
        assertThat(asOf.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(asOf.getDomProperty("value")).isEqualTo("2026-02-30");
        assertThat(browser.getCurrentUrl()).doesNotContain("asOf=");

        // Alt+↓ opens the calendar on the shown date; ← moves a day back, PageUp a month back, Enter picks
        asOf.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-10-31", Keys.ENTER);
        chromium.waitForReady();
        asOf.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getDomAttribute("data-date")).isEqualTo("2026-10-31");
        focused.sendKeys(Keys.ARROW_LEFT);
        browser.switchTo().activeElement().sendKeys(Keys.PAGE_UP);
        assertThat(browser.switchTo().activeElement().getDomAttribute("data-date"))
                .isEqualTo("2026-09-30");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        chromium.waitForReady();
        assertThat(asOf.getDomProperty("value")).isEqualTo("2026-09-30");
        assertThat(browser.getCurrentUrl()).contains("asOf=2026-09-30");
        assertThat(browser.findElements(By.cssSelector(".date-popup:not([hidden])")))
                .isEmpty();
    }

    @Test
    void saysWhatTheTotalOfAllHazardsCounts() {
        chromium.open(server.url("/hazards.html?state=all&lang=zh"));
        String total = browser.findElement(By.id("total")).getText();
        assertThat(total).startsWith("全部隐患共").contains("不限发现日期").doesNotContain("统计期 ");
        chromium.open(server.url("/hazards.html?state=overdue&lang=zh"));
        assertThat(browser.findElement(By.id("total")).getText()).startsWith("截至 " + asOf() + " 超期未整改的隐患共");
    }

    @Test
    void defaultsTheReportToTheLatestDataYearAndShowsTheMonthInChinese() throws Exception {
        for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(1920, 1080)}) {
            chromium.viewport(size.width, size.height);
            chromium.open(server.url("/reports.html?lang=zh"));
            String latestYear = asOf().substring(0, 4);
            assertThat(new Select(browser.findElement(By.id("year")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value"))
                    .isEqualTo(latestYear);
            new Select(browser.findElement(By.id("kind"))).selectByValue("monthly");
            WebElement month = browser.findElement(By.id("month"));
            LocalDate latest = LocalDate.parse(asOf());
            assertThat(month.getDomProperty("value")).isEqualTo(latest.getYear() + "年" + latest.getMonthValue() + "月");
            browser.findElement(By.cssSelector("#month + .date-button")).click();
            chromium.screenshot("report-month-" + size.width + "x" + size.height + ".png");
            new org.openqa.selenium.interactions.Actions(browser)
                    .sendKeys(Keys.ESCAPE)
                    .perform();
        }
        WebElement month = browser.findElement(By.id("month"));
        month.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026年9月", Keys.ENTER);
        assertThat(month.getDomProperty("value")).isEqualTo("2026年9月");
        assertThat(browser.findElement(By.id("download")).getDomAttribute("href"))
                .contains("month=2026-09");
        chromium.open(server.url("/reports.html?kind=monthly&month=2026-09&lang=en"));
        assertThat(browser.findElement(By.id("month")).getDomProperty("value")).isEqualTo("2026-09");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }
}
