package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.domain.TaxonomyKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The 数据质量 page against the API's own answers: on top of the reference grid, school 1409020001 re-sends its ledger a
 * month later with one rectified hazard OPEN again (status going backwards) and every other open hazard left out
 * (vanished); the page shows 忻府区 weakest, the school first, and its evidence rows linking to the hazard pages.
 */
class TrustPageIT extends ChromiumOverGrid {
    private static final String SCHOOL = "1409020001";

    private static String regressed;

    @BeforeAll
    static void resendALedgerThatDoesNotAddUp() {
        String category = FixtureServer.REFERENCE
                .taxonomy()
                .terms(TaxonomyKind.CATEGORY)
                .get(0)
                .code();
        regressed = "R-140902-" + category;
        // the reference grid's rectified hazard of this school and category, reported OPEN again without a note
        new RawWarehouseFixture(server.warehouse())
                .ledger(
                        3,
                        "2026-11-30",
                        List.of(RawHazard.open(regressed, SCHOOL, category, "GENERAL", "2026-08-02", "2026-09-01")));
        new ModelBuilder(server.warehouse(), FixtureServer.REFERENCE, FixtureServer.CLOCK).build();
    }

    @Test
    void showsDistrictsThenSchoolsThenEvidenceAsTheApiAnswersThemInBothLanguages() throws Exception {
        browser.manage().deleteAllCookies();
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        JsonNode audit = server.json("leader", "/api/v1/trust");
        JsonNode evidence = server.json("leader", "/api/v1/trust/schools/" + SCHOOL);
        assertThat(evidence.get("findings").size()).isGreaterThan(1);
        assertThat(evidence.get("findings").findValuesAsText("rule")).contains("status_regressed", "vanished");

        chromium.viewport(1366, 900);
        chromium.open(server.url("/trust.html?lang=zh"));
        assertThat(rows("districts")).hasSize(audit.get("districts").size());
        assertThat(rows("districts").get(0).getText()).startsWith("忻府区");
        assertThat(rows("schools")).hasSize(audit.get("schools").size());
        assertThat(rows("schools").get(0).getText())
                .startsWith(audit.get("schools").get(0).get("schoolName").asText());
        assertThat(browser.findElement(By.id("total-note")).getText())
                .contains("得分 "
                        + String.format("%.1f", audit.get("total").get("score").asDouble()));
        chromium.screenshot("trust-zh-1366.png");

        rows("schools").get(0).findElement(By.tagName("a")).click();
        chromium.waitForReady();
        assertThat(browser.getCurrentUrl()).contains("school=" + SCHOOL);
        List<WebElement> findings = rows("evidence");
        assertThat(findings).hasSize(evidence.get("findings").size());
        WebElement backwards = findings.stream()
                .filter(row -> row.getText().contains("状态倒退"))
                .findFirst()
                .orElseThrow();
        assertThat(backwards.getText()).contains("已整改", "未整改", "2026-11-30");
        assertThat(backwards.findElement(By.cssSelector("a")).getDomAttribute("href"))
                .contains("hazard.html?school=" + SCHOOL + "&id=" + regressed);
        chromium.screenshot("trust-evidence-zh-1366.png");

        chromium.viewport(1920, 1080);
        chromium.open(server.url("/trust.html?lang=en&district=140902&school=" + SCHOOL));
        assertThat(browser.findElement(By.id("evidence-caption")).getText()).endsWith("· Evidence");
        assertThat(rows("evidence")).hasSize(evidence.get("findings").size());
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Data quality");
        chromium.screenshot("trust-evidence-en-1920.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void keepsADistrictLeaderToTheirDistrict() throws Exception {
        assertThat(server.get("xinfu", "/api/v1/trust?district=140921").statusCode())
                .isEqualTo(403);
        JsonNode own = server.json("xinfu", "/api/v1/trust");
        assertThat(own.get("districts").findValuesAsText("districtCode")).containsExactly("140902");
        assertThat(server.get("xinfu", "/api/v1/trust/schools/1409210001").statusCode())
                .isEqualTo(404);
        assertThat(server.get("leader", "/api/v1/trust?district=999999").statusCode())
                .isEqualTo(400);
    }

    private static List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }
}
