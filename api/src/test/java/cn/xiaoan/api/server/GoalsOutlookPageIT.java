package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The goals page's stock-flow statement and goal outlook in Chromium, against the API's answers for the same as-of
 * date: every statement line, MAJOR first and named (not coded); every projected goal measure, labelled 预测.
 */
class GoalsOutlookPageIT extends ChromiumOverGrid {
    private static final String AS_OF = "2026-06-30";

    @Test
    void showsTheStockFlowStatementAndTheOutlookAsTheApiAnswersThem() throws Exception {
        browser.manage().deleteAllCookies();
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
        chromium.open(server.url("/goals.html?asOf=" + AS_OF));
        chromium.waitForChartsFinished();

        JsonNode stockFlow = server.json("leader", "/api/v1/campaigns/xinzhou-2024-2026/stock-flow?asOf=" + AS_OF);
        List<WebElement> lines = browser.findElements(By.cssSelector("#stock-flow tbody tr"));
        assertThat(lines)
                .hasSize(stockFlow.get("totals").size() + stockFlow.get("rows").size());
        assertThat(lines).isNotEmpty();
        // MAJOR first, by name; the total line first, its numbers as the API gives them
        assertThat(lines.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("重大事故隐患");
        assertThat(lines.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("合计");
        assertThat(lines.get(0).findElements(By.tagName("td")).get(6).getText())
                .isEqualTo(
                        String.format("%,d", stockFlow.at("/totals/0/closing").asLong()));

        JsonNode outlook = server.json("leader", "/api/v1/campaigns/xinzhou-2024-2026/outlook?asOf=" + AS_OF);
        assertThat(outlook.get("kind").asText()).isEqualTo("projection");
        int measures = 0;
        for (JsonNode goal : outlook.get("goals")) {
            measures +=
                    goal.get("judged").asBoolean() ? 1 : goal.get("measures").size();
        }
        assertThat(browser.findElements(By.cssSelector("#outlook tbody tr"))).hasSize(measures);
        assertThat(browser.findElement(By.id("outlook-caption")).getText()).contains("预测");
        assertThat(browser.findElements(By.cssSelector("#deadline-risks tbody tr")))
                .hasSize(outlook.get("deadlineRisks").size());
        chromium.screenshot("goals-outlook.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }
}
