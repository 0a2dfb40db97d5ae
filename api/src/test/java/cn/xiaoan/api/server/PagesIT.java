package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page besides the overview in Chromium, each against the API's own answer for the same question: hazard list,
 * school, goals, warnings, SQL console, data submission and reports; a screenshot of each; no console errors.
 */
class PagesIT extends ChromiumOverGrid {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCHOOL = "1409020001";

    private static void signInAs(String user) {
        browser.manage().deleteAllCookies();
        chromium.signIn(server.url("/"), user, FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    @Test
    void sortsAndPagesTheHazardListAndKeepsADistrictUserInTheirDistrict() throws Exception {
        signInAs("leader");
        chromium.open(server.url("/hazards.html?state=open"));
        long total = api("leader", "/api/v1/hazards?state=open").get("total").asLong();
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getDomAttribute("data-total")))
                .isEqualTo(total);
        assertThat(browser.findElements(By.cssSelector("#hazards tbody tr"))).hasSize((int) Math.min(50, total));

        browser.findElement(By.cssSelector("button.sort[data-sort='deadline']")).click();
        chromium.waitForReady();
        assertThat(browser.getCurrentUrl()).contains("sort=deadline");
        List<String> deadlines =
                browser.findElements(By.cssSelector("#hazards tbody td[data-column='deadline']")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(deadlines).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        browser.findElement(By.id("next")).click();
        chromium.waitForReady();
        assertThat(browser.getCurrentUrl()).contains("page=2");
        assertThat(browser.findElement(By.id("export-xlsx")).getDomAttribute("href"))
                .contains("format=xlsx")
                .contains("state=open")
                .contains("sort=deadline");
        chromium.screenshot("hazards.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();

        signInAs("xinfu");
        chromium.open(server.url("/hazards.html"));
        List<WebElement> schools = browser.findElements(By.cssSelector("#hazards tbody tr"));
        assertThat(schools).isNotEmpty().allSatisfy(row -> assertThat(row.getDomAttribute("data-key"))
                .startsWith("140902"));
        assertThat(browser.findElements(By.id("filter-district"))).isEmpty();
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void showsASchoolWithTheApisCounts() throws Exception {
        signInAs("leader");
        chromium.open(server.url("/school.html?code=" + SCHOOL + "&asOf=2026-10-31"));
        chromium.waitForChartsFinished();
        JsonNode school = api("leader", "/api/v1/schools/" + SCHOOL + "?asOf=2026-10-31");
        for (String count : List.of("found", "open", "overdue", "majorOpen")) {
            assertThat(browser.findElement(By.cssSelector(".kpi[data-count='" + count + "'] .value"))
                            .getText())
                    .as(count)
                    .isEqualTo(school.at("/counts/" + count).asText());
        }
        assertThat(browser.findElements(By.cssSelector("#open-items tbody tr")))
                .hasSize(school.at("/openItems/items").size());
        assertThat(browser.findElement(By.id("school-name")).getText()).contains(SCHOOL);
        chromium.screenshot("school.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
        // the open count links to the list it counts
        browser.findElement(By.cssSelector(".kpi[data-count='open']")).click();
        chromium.waitForReady();
        assertThat(browser.findElement(By.id("total")).getDomAttribute("data-total"))
                .isEqualTo(school.at("/counts/open").asText());
    }

    @Test
    void judgesTheGoalsAndListsTheWarningsAsTheApiDoes() throws Exception {
        signInAs("leader");
        chromium.open(server.url("/goals.html?asOf=2026-10-31"));
        chromium.waitForChartsFinished();
        JsonNode goals = api("leader", "/api/v1/goals?asOf=2026-10-31").get("goals");
        List<WebElement> rows = browser.findElements(By.cssSelector("#goals tbody tr"));
        assertThat(rows).hasSize(goals.size());
        assertThat(rows.get(0).findElement(By.className("badge")).getText())
                .isEqualTo(goals.get(0).get("statusZh").asText());
        chromium.screenshot("goals.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
        // the primary campaign's phases, the one running on the as-of day highlighted
        assertThat(browser.findElements(By.cssSelector("#phases li:not(.today)")))
                .hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#phases li.current")).getText())
                .startsWith("动态清零");
        assertThat(browser.findElements(By.cssSelector("#phases li.today"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#campaign option"))).hasSize(5);

        // another campaign chosen: its goals, its area, its phases
        chromium.open(server.url("/goals.html?asOf=2026-10-31&campaign=pinglu-2023-100-day"));
        chromium.waitForChartsFinished();
        JsonNode pinglu = api("leader", "/api/v1/campaigns/pinglu-2023-100-day/goals?asOf=2026-10-31")
                .get("goals");
        assertThat(pinglu).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#goals tbody tr"))).hasSize(pinglu.size());
        assertThat(browser.findElements(By.cssSelector("#phases li:not(.today)")))
                .hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#campaign")).getAttribute("value"))
                .isEqualTo("pinglu-2023-100-day");
        chromium.screenshot("goals-campaign.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();

        chromium.open(server.url("/warnings.html?asOf=2026-10-31"));
        JsonNode warnings = api("leader", "/api/v1/warnings?asOf=2026-10-31");
        Map<String, String> lists = Map.of(
                "overdue", "overdueHazards",
                "major", "majorWithoutMeasures",
                "silent", "silentSchools",
                "weak", "weakSelfInspection");
        // each caption counts the whole list; each table shows its first page
        lists.forEach((id, field) -> {
            assertThat(browser.findElement(By.id(id + "-caption")).getDomAttribute("data-count"))
                    .as(id)
                    .isEqualTo(warnings.get(field).get("total").asText());
            assertThat(browser.findElements(By.cssSelector("#" + id + " tbody tr")))
                    .hasSize(warnings.get(field).get("rows").size());
        });
        JsonNode overdue = warnings.get("overdueHazards");
        assertThat(overdue.get("total").asInt())
                .isGreaterThan(overdue.get("rows").size());
        assertThat(overdue.get("rows").size()).isEqualTo(50);
        chromium.screenshot("warnings.png");

        // the overdue list's next page is the API's rows 51–100, and the previous page brings back the first
        WebElement pager = browser.findElement(By.id("overdue-pager"));
        assertThat(pager.findElement(By.cssSelector("button[data-step='-1']")).isEnabled())
                .isFalse();
        pager.findElement(By.cssSelector("button[data-step='1']")).click();
        chromium.waitForReady();
        JsonNode second = api("leader", "/api/v1/warnings/overdue_hazards?asOf=2026-10-31&offset=50&limit=50");
        assertThat(overdueKeys()).containsExactlyElementsOf(hazardIds(second.get("rows")));
        assertThat(browser.findElement(By.id("overdue-caption")).getDomAttribute("data-count"))
                .isEqualTo(overdue.get("total").asText());
        assertThat(pager.findElement(By.className("page-info")).getText())
                .isEqualTo("第 51–" + (50 + second.get("rows").size()) + " 条，共 "
                        + overdue.get("total").asText() + " 条");
        pager.findElement(By.cssSelector("button[data-step='-1']")).click();
        chromium.waitForReady();
        assertThat(overdueKeys()).containsExactlyElementsOf(hazardIds(overdue.get("rows")));
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    private static List<String> overdueKeys() {
        return browser.findElements(By.cssSelector("#overdue tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-key"))
                .toList();
    }

    private static List<String> hazardIds(JsonNode rows) {
        var ids = new ArrayList<String>();
        rows.forEach(row -> ids.add(row.get("hazardId").asText()));
        return ids;
    }

    @Test
    void runsAnAnalystsQueryWithCtrlEnterAndShowsTheServersErrors() throws Exception {
        signInAs("analyst");
        chromium.open(server.url("/sql.html"));
        assertThat(browser.findElements(By.cssSelector("#schema details[data-table='current_hazards']")))
                .hasSize(1);
        WebElement editor = browser.findElement(By.id("editor"));
        editor.clear();
        editor.sendKeys(
                "SELECT category, count(*) AS hazards FROM current_hazards GROUP BY category ORDER BY category");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        chromium.waitForReady();
        JsonNode expected =
                sql("SELECT category, count(*) AS hazards FROM current_hazards GROUP BY category ORDER BY category");
        WebElement status = browser.findElement(By.id("result-status"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ignored -> status.getDomAttribute("data-rows") != null);
        assertThat(status.getDomAttribute("data-rows"))
                .isEqualTo(expected.get("rowCount").asText());
        assertThat(browser.findElements(By.cssSelector("#result tbody tr")))
                .hasSize(expected.get("rowCount").asInt());
        assertThat(browser.findElement(By.cssSelector("#result tbody tr td")).getText())
                .isEqualTo(expected.at("/rows/0/0").asText());
        browser.findElement(By.id("chart-toggle")).click();
        chromium.waitForChartsFinished();
        chromium.screenshot("sql-console.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();

        editor.clear();
        editor.sendKeys("SELECT * FROM read_csv('/etc/passwd')");
        browser.findElement(By.id("run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ignored -> !status.getDomAttribute("class").isEmpty()
                        && status.getDomAttribute("class").contains("error"));
        String message = sqlError("SELECT * FROM read_csv('/etc/passwd')");
        assertThat(status.getText()).startsWith(message);
        // the refused request is logged by Chromium; nothing else may be
        assertThat(chromium.severeConsoleEntries())
                .allSatisfy(entry -> assertThat(entry).contains("/api/v1/sql"));
        // the recent statements are kept
        assertThat(browser.findElements(By.cssSelector("#history button"))).isNotEmpty();
    }

    @Test
    void uploadsALedgerAndShowsTheRejectedRowsWithReasons() throws Exception {
        signInAs("clerk");
        chromium.open(server.url("/upload.html"));
        Path ledger = root.resolve("十一月台账.csv");
        Files.writeString(
                ledger,
                "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,"
                        + "整改责任人,整改期限,整改状态,整改完成日期,销号日期\n"
                        + "UI-1,1409020001,测试学校,2026-10-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换灭火器,,张三,2026-12-01,整改中,,\n"
                        + "UI-2,1409020002,测试学校,2026-10-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换灭火器,,张三,2026-09-01,整改中,,\n"
                        + "UI-3,9999999999,无此学校,2026-10-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换灭火器,,张三,2026-12-01,整改中,,\n",
                StandardCharsets.UTF_8);
        new Select(browser.findElement(By.id("dataset"))).selectByValue("ledger");
        browser.findElement(By.id("file")).sendKeys(ledger.toAbsolutePath().toString());
        browser.findElement(By.id("submit-upload")).click();
        WebElement status = browser.findElement(By.id("upload-status"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ignored -> status.getDomAttribute("data-rejected") != null);
        chromium.waitForReady();
        assertThat(status.getDomAttribute("data-rejected")).isEqualTo("2");
        assertThat(status.getText()).contains("读取 3 行").contains("接收 1 行").contains("拒收 2 行");
        List<WebElement> rejects = browser.findElements(By.cssSelector("#rejects tbody tr"));
        assertThat(rejects).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("rejects")).getText()).contains("9999999999");
        assertThat(browser.findElement(By.id("rejects-link")).getDomAttribute("href"))
                .contains("/rejects");
        assertThat(browser.findElement(
                        By.cssSelector("#batches tbody tr[data-key='" + status.getDomAttribute("data-batch") + "']")))
                .isNotNull();
        chromium.screenshot("upload.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void withdrawsTheClerksLatestBatchWithAReasonAndShowsItAsWithdrawn() throws Exception {
        signInAs("clerk");
        chromium.open(server.url("/upload.html"));
        chromium.waitForReady();
        // what the landing page refused a clerk (the overview is for leaders) may arrive late; only this page counts
        chromium.severeConsoleEntries();
        Path ledger = root.resolve("撤回台账.csv");
        Files.writeString(
                ledger,
                "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,"
                        + "整改责任人,整改期限,整改状态,整改完成日期,销号日期\n"
                        + "WD-UI-1,1409020001,测试学校,2026-10-06,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换灭火器,,张三,2026-12-01,整改中,,\n",
                StandardCharsets.UTF_8);
        new Select(browser.findElement(By.id("dataset"))).selectByValue("ledger");
        browser.findElement(By.id("file")).sendKeys(ledger.toAbsolutePath().toString());
        browser.findElement(By.id("submit-upload")).click();
        WebElement status = browser.findElement(By.id("upload-status"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ignored -> status.getDomAttribute("data-batch") != null);
        chromium.waitForReady();
        String row = "#batches tbody tr[data-key='" + status.getDomAttribute("data-batch") + "']";

        browser.findElement(By.cssSelector(row + " button.withdraw")).click();
        browser.findElement(By.cssSelector(row + " input[name=reason]")).sendKeys("传错了文件");
        browser.findElement(By.cssSelector(row + " .withdrawal-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ignored -> !browser.findElements(By.cssSelector(row + " .badge.WITHDRAWN"))
                        .isEmpty());
        chromium.waitForReady();

        assertThat(browser.findElement(By.cssSelector(row)).getText())
                .contains("已撤回")
                .contains("clerk")
                .contains("传错了文件");
        assertThat(status.getText()).contains("已撤回");
        assertThat(browser.findElements(By.cssSelector(row + " button.withdraw")))
                .isEmpty();
        chromium.screenshot("upload-withdrawn.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void offersEveryReportAndKeepsADistrictUsersScope() throws Exception {
        signInAs("leader");
        // the month of the latest report date. An upload in another test of this class rebuilds the model in the
        // background, so the page may load either model: the month read before and after the page loaded brackets it
        String month = null;
        WebElement link = null;
        for (int attempt = 0; attempt < 10 && month == null; attempt++) {
            String before = latestMonth();
            chromium.open(server.url("/reports.html"));
            link = browser.findElement(By.id("download"));
            assertThat(link.getDomAttribute("href")).isEqualTo("/api/v1/reports/annual?format=docx&year=2026");
            new Select(browser.findElement(By.id("kind"))).selectByValue("monthly");
            if (before.equals(latestMonth())) {
                month = before;
            } else {
                Thread.sleep(1000); // a rebuild landed while the page loaded: ask again
            }
        }
        assertThat(month).as("a model that stays put while the page loads").isNotNull();
        assertThat(link.getDomAttribute("href")).isEqualTo("/api/v1/reports/monthly?format=xlsx&month=" + month);
        new Select(browser.findElement(By.id("district"))).selectByValue("140921");
        assertThat(link.getDomAttribute("href")).contains("district=140921");
        HttpResponse<byte[]> report = server.getBytes("leader", link.getDomAttribute("href"));
        assertThat(report.statusCode()).isEqualTo(200);
        chromium.screenshot("reports.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();

        signInAs("xinfu");
        chromium.open(server.url("/reports.html"));
        assertThat(browser.findElement(By.id("download")).getDomAttribute("href"))
                .doesNotContain("district=");
        assertThat(new Select(browser.findElement(By.id("district"))).getOptions())
                .hasSize(1);
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    private static String latestMonth() throws Exception {
        return api("leader", "/api/v1/meta").get("latestReportDate").asText().substring(0, 7);
    }

    private static JsonNode api(String user, String path) throws Exception {
        return server.json(user, path);
    }

    private static HttpResponse<String> postSql(String statement) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/sql")))
                        .header("Authorization", "Bearer " + server.token("analyst"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sql", statement))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sql(String statement) throws Exception {
        return JSON.readTree(postSql(statement).body());
    }

    private static String sqlError(String statement) throws Exception {
        HttpResponse<String> response = postSql(statement);
        assertThat(response.statusCode()).isBetween(400, 499);
        return JSON.readTree(response.body()).get("message").asText();
    }
}
