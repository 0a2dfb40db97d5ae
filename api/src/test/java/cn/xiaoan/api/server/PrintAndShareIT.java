package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each page printed to PDF by Chromium on A4 landscape: no navigation or filters, the filters in words instead, the
 * figures on a sane number of pages; and "copy link" on every page with filters gives a URL that opens the same view.
 */
class PrintAndShareIT extends ChromiumOverGrid {
    /** A4 landscape in PDF points (1/72 inch), as Chromium writes it. */
    private static final double A4_LONG = 841.9;

    private static final double A4_SHORT = 595.3;
    private static final Pattern MEDIA_BOX =
            Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]");
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?!s)");

    @BeforeAll
    static void signInOnce() throws IOException {
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    record Printed(int pages, double width, double height) {}

    @Test
    void printsEveryPageOnA4LandscapeWithoutNavigationOrFilters() throws Exception {
        Map<String, Integer> mostPages = Map.of(
                "/index.html", 3,
                "/hazards.html?state=open", 6,
                // goals, trend, goal outlook with its deadline risks, stock-flow totals (its district lines stay on
                // screen)
                "/goals.html", 5,
                "/school.html?code=1409020001", 4,
                "/reports.html", 1);
        for (var entry : mostPages.entrySet()) {
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                chromium.viewport(size.width, size.height);
                openSettled(entry.getKey() + (entry.getKey().contains("?") ? "&" : "?") + "lang=zh");
                String name = entry.getKey().replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
                assertPrintLayout(entry.getKey());
                Printed printed = printToPdf("print-" + name + "-" + size.width + "x" + size.height + ".pdf");
                assertThat(printed.pages())
                        .as("pages printed for %s", entry.getKey())
                        .isBetween(1, entry.getValue());
                assertThat(printed.width()).isCloseTo(A4_LONG, org.assertj.core.data.Offset.offset(2.0));
                assertThat(printed.height()).isCloseTo(A4_SHORT, org.assertj.core.data.Offset.offset(2.0));
            }
        }
        chromium.viewport(1366, 768);
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void copiesALinkThatRestoresTheOverviewsFilters() throws Exception {
        openSettled("/index.html?lang=zh");
        new Select(browser.findElement(By.id("filter-district"))).selectByValue("140921");
        chromium.waitForReady();
        new Select(browser.findElement(By.id("filter-severity"))).selectByValue("MAJOR");
        chromium.waitForReady();
        WebElement asOf = browser.findElement(By.id("filter-asOf"));
        asOf.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-09-30", Keys.ENTER);
        chromium.waitForReady();
        String link = copyLink();
        assertThat(link)
                .contains("district=140921")
                .contains("severity=MAJOR")
                .contains("asOf=2026-09-30")
                .contains("lang=zh");
        chromium.screenshot("copy-link-1366x768.png");

        browser.get("about:blank");
        openSettled(link.substring(link.indexOf("/index.html")));
        assertThat(new Select(browser.findElement(By.id("filter-district")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("140921");
        assertThat(new Select(browser.findElement(By.id("filter-severity")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("MAJOR");
        assertThat(browser.findElement(By.id("filter-asOf")).getDomProperty("value"))
                .isEqualTo("2026-09-30");
        assertThat(browser.findElement(By.cssSelector(".print-summary")).getDomProperty("textContent"))
                .contains("截至 2026-09-30")
                .contains("重大事故隐患");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void copiesALinkThatRestoresTheReportChoiceAndTheWarningsDate() throws Exception {
        chromium.viewport(1920, 1080);
        openSettled("/reports.html?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("monthly");
        new Select(browser.findElement(By.id("district"))).selectByValue("140921");
        String link = copyLink();
        assertThat(link).contains("kind=monthly").contains("district=140921").contains("lang=en");
        chromium.screenshot("copy-link-reports-1920x1080.png");
        browser.get("about:blank");
        openSettled(link.substring(link.indexOf("/reports.html")));
        assertThat(new Select(browser.findElement(By.id("kind")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("monthly");
        assertThat(browser.findElement(By.id("download")).getDomAttribute("href"))
                .contains("/api/v1/reports/monthly")
                .contains("district=140921");

        openSettled("/warnings.html?lang=zh");
        WebElement asOf = browser.findElement(By.id("as-of"));
        asOf.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-08-31", Keys.ENTER);
        chromium.waitForReady();
        String warnings = copyLink();
        browser.get("about:blank");
        openSettled(warnings.substring(warnings.indexOf("/warnings.html")));
        assertThat(browser.findElement(By.id("warnings-status")).getText()).startsWith("截至 2026-08-31");
        chromium.viewport(1366, 768);
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    private static void openSettled(String path) {
        chromium.open(server.url(path));
        if (!browser.findElements(By.cssSelector("[data-chart-state]")).isEmpty()) {
            chromium.waitForChartsFinished();
        }
    }

    /** Clicks 复制链接 and returns the link it copied (or, without a clipboard, offered to copy). */
    private static String copyLink() {
        WebElement button = browser.findElement(By.id("copy-link"));
        button.click();
        WebElement status = browser.findElement(By.id("copy-status"));
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(ignored -> status.getDomAttribute("data-copied") != null);
        if ("true".equals(status.getDomAttribute("data-copied"))) {
            assertThat(status.getText()).isIn("已复制链接", "Link copied");
        } else {
            assertThat(status.findElement(By.tagName("input")).getDomProperty("value"))
                    .isEqualTo(button.getDomAttribute("data-link"));
        }
        return button.getDomAttribute("data-link");
    }

    /** Under print media: no navigation, filters or controls; the filters in words where the page has them. */
    private static void assertPrintLayout(String page) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("nav")).isDisplayed()).as(page).isFalse();
            assertThat(browser.findElement(By.id("page-title")).isDisplayed())
                    .as(page)
                    .isTrue();
            // the printout says where it came from
            assertThat(browser.findElement(By.cssSelector(".print-source")).getText())
                    .as(page)
                    .startsWith("打印自 http://")
                    .contains(page.substring(0, page.indexOf('.')));
            for (WebElement control : browser.findElements(By.cssSelector(".filters, .toolbar, #copy-link"))) {
                assertThat(control.isDisplayed())
                        .as("%s prints no controls", page)
                        .isFalse();
            }
            for (WebElement header : browser.findElements(By.cssSelector("table.data thead th"))) {
                assertThat(header.getText())
                        .as("%s prints every column's name", page)
                        .isNotBlank();
            }
            for (WebElement summary : browser.findElements(By.cssSelector(".print-summary"))) {
                assertThat(summary.isDisplayed()).as(page).isTrue();
                assertThat(summary.getText()).as(page).contains("截至");
            }
            // charts take the printed size (62 mm, the heatmap 110 mm), not the screen's
            for (WebElement host : browser.findElements(By.cssSelector(".chart-host"))) {
                if (host.isDisplayed()) {
                    double height =
                            Double.parseDouble(host.getCssValue("height").replace("px", ""));
                    assertThat(Math.min(Math.abs(height - 234.3), Math.abs(height - 415.7)))
                            .as("%s chart height %s px", page, height)
                            .isLessThan(1.0);
                }
            }
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static Printed printToPdf(String name) throws IOException {
        var options = new PrintOptions();
        options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        options.setPageSize(new PageSize(21.0, 29.7));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(browser.print(options).getContent());
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), pdf);
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int pages = 0;
        Matcher page = PAGE.matcher(text);
        while (page.find()) {
            pages++;
        }
        Matcher box = MEDIA_BOX.matcher(text);
        assertThat(box.find()).as("%s has a MediaBox", name).isTrue();
        return new Printed(pages, Double.parseDouble(box.group(1)), Double.parseDouble(box.group(2)));
    }
}
