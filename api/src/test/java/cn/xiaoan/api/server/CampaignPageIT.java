package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The campaign page (督查与报送) in Chromium over 平鲁's generated campaign: the groups table says what the API says
 * (schools never visited by name), the returns calendar draws one chart per data return, and the goals page links to
 * it for the chosen campaign.
 */
class CampaignPageIT {
    private static final String PINGLU = "pinglu-2023-100-day";

    @TempDir
    static Path root;

    static FixtureServer server;
    static HeadlessChromium chromium;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.withCampaign(root, PINGLU);
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            server.close();
        } finally {
            chromium.close();
        }
    }

    @Test
    void showsEachGroupsRoundsAndTheReturnsCalendarAsTheApiAnswers() throws Exception {
        JsonNode groups = server.json("leader", "/api/v1/campaigns/" + PINGLU + "/groups");
        JsonNode returns = server.json("leader", "/api/v1/campaigns/" + PINGLU + "/returns");

        chromium.open(server.url("/campaign.html?campaign=" + PINGLU));
        chromium.waitForChartsFinished();

        List<WebElement> rows = browser.findElements(By.cssSelector("#groups tbody tr"));
        assertThat(rows).hasSize(groups.get("rounds").size()).hasSize(8);
        WebElement first = rows.get(0);
        assertThat(first.findElement(By.cssSelector("[data-column=group]")).getText())
                .isEqualTo("督查一组（郭强）");
        JsonNode round = groups.at("/rounds/0");
        assertThat(first.findElement(By.cssSelector("[data-column=visited]")).getText())
                .isEqualTo(round.get("visited").asLong() + " / "
                        + round.get("assigned").asLong());
        // a school never visited is named, not coded
        String notVisited = browser.findElements(By.cssSelector("#groups [data-column=neverVisited]")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
        assertThat(notVisited).isNotBlank().doesNotContainPattern("\\d{10}");

        List<WebElement> calendars = browser.findElements(By.cssSelector("#returns .returns-calendar"));
        assertThat(calendars).hasSize(returns.get("returns").size()).isNotEmpty();
        for (WebElement calendar : calendars) {
            assertThat(calendar.findElement(By.cssSelector("[data-chart-state]"))
                            .getDomAttribute("data-chart-state"))
                    .isEqualTo("finished");
        }
        assertThat(chromium.severeConsoleEntries()).isEmpty();
        chromium.screenshot("campaign-groups-returns.png");

        browser.get(server.url("/campaign.html?campaign=" + PINGLU + "&lang=en"));
        chromium.waitForReady();
        chromium.waitForChartsFinished();
        assertThat(browser.findElement(By.id("groups-caption")).getText())
                .isEqualTo("Supervision groups: planned and done");
        chromium.screenshot("campaign-groups-returns-en.png");
        browser.get(server.url("/campaign.html?lang=zh"));
    }

    @Test
    void theGoalsPageLinksToTheChosenCampaignsSupervisionAndReturns() {
        chromium.open(server.url("/goals.html?campaign=" + PINGLU + "&lang=zh"));
        new Select(browser.findElement(By.id("campaign"))).selectByValue(PINGLU);
        WebElement link = browser.findElement(By.id("campaign-data-link"));
        assertThat(link.getText()).isEqualTo("督查与报送");
        assertThat(link.getDomAttribute("href")).startsWith("campaign.html?campaign=" + PINGLU);
    }
}
