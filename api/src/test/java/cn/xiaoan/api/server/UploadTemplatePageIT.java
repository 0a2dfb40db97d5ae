package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clerk's path on the 数据报送 page in Chromium: the template of every dataset is linked, a template filled from
 * its own lists is uploaded, and the rejected row says what to change, in Chinese and in English.
 */
class UploadTemplatePageIT extends ChromiumOverGrid {
    @Test
    void linksEveryTemplateAndShowsWhatToChangeInARejectedRow() throws Exception {
        chromium.signIn(server.url("/"), "xinfu-clerk", FixtureServer.PASSWORD);
        chromium.open(server.url("/upload.html"));
        List<WebElement> links = browser.findElements(By.cssSelector("#template-links a"));
        assertThat(links)
                .extracting(link -> link.getDomAttribute("href"))
                .containsExactly(
                        "/api/v1/templates/ledger.xlsx",
                        "/api/v1/templates/schools.xlsx",
                        "/api/v1/templates/inspections.xlsx",
                        "/api/v1/templates/surveys.xlsx",
                        "/api/v1/templates/drills.xlsx");
        assertThat(links.get(0).getText()).isEqualTo("隐患台账");

        // the bytes behind the page's link, as the signed-in clerk's browser would save them
        byte[] template = server.getBytes("xinfu-clerk", links.get(0).getDomAttribute("href"))
                .body();
        Path filled = root.resolve("忻府区十月台账.xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Files.write(filled, ClerkTemplate.fillLedger(workbook));
        }
        new Select(browser.findElement(By.id("dataset"))).selectByValue("ledger");
        browser.findElement(By.id("file")).sendKeys(filled.toAbsolutePath().toString());
        browser.findElement(By.id("submit-upload")).click();
        WebElement status = browser.findElement(By.id("upload-status"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ignored -> status.getDomAttribute("data-rejected") != null);
        chromium.waitForReady();
        assertThat(status.getText()).contains("读取 2 行").contains("接收 1 行").contains("拒收 1 行");
        String batch = status.getDomAttribute("data-batch");
        String rejects = browser.findElement(By.id("rejects")).getText();
        assertThat(rejects).contains("如何修改").contains("已整改须有完成日期");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(size);
            chromium.screenshot("upload-template-" + size.getWidth() + "x" + size.getHeight() + ".png");
        }
        browser.manage().window().setSize(new Dimension(1366, 768));

        chromium.open(server.url("/upload.html?lang=en"));
        assertThat(browser.findElement(By.id("template-links")).getText()).contains("Hazard ledger");
        browser.findElement(By.cssSelector("#batches tbody tr[data-key='" + batch + "'] button:not(.withdraw)"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ignored ->
                        browser.findElement(By.id("rejects")).getText().contains("What to change"));
        assertThat(browser.findElement(By.id("rejects")).getText()).contains("rectified needs a rectified date");
        chromium.screenshot("upload-template-en.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }
}
