package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawDuty;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 督办 and 责任单位 in Chromium: the hazard list's 仅挂牌督办 filter and its 整改责任清单 link, the hazard page, and the
 * warning lists of open major hazards without a deadline or a responsible unit, each against the API. The reference
 * grid gets one more 忻府区 batch with the new columns: D-1 (MAJOR, no deadline, listed by 市教育局 on 10-05) and D-2.
 */
class ResponsibilityPagesIT extends ChromiumOverGrid {
    @BeforeAll
    static void addALedgerWithTheResponsibilityColumns() {
        new RawWarehouseFixture(server.warehouse())
                .ledger(
                        3,
                        ReferenceGridFixture.REPORT_DATE,
                        List.of(
                                RawHazard.open("D-1", "1409020001", "FIRE", "MAJOR", "2026-10-01", null),
                                RawHazard.open("D-2", "1409020002", "TRAFFIC", "GENERAL", "2026-10-02", "2026-11-30")),
                        List.of(RawDuty.listed("县教育局后勤科", "市教育局", "2026-10-05"), RawDuty.unit("学校总务处")));
        // the server serves the new model from its next request on
        new ModelBuilder(server.warehouse(), FixtureServer.REFERENCE, FixtureServer.CLOCK).build();
    }

    private static void signInAsLeader() {
        browser.manage().deleteAllCookies();
        chromium.signIn(server.url("/"), "leader", FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    @Test
    void theHazardListKeepsOnlyHazardsListedForSupervisionWhenTicked() throws Exception {
        signInAsLeader();
        chromium.open(server.url("/hazards.html"));
        long all = server.json("leader", "/api/v1/hazards").get("total").asLong();
        assertThat(browser.findElement(By.id("total")).getDomAttribute("data-total"))
                .isEqualTo(String.valueOf(all));

        browser.findElement(By.id("supervised")).click();
        chromium.waitForReady();

        long listed = server.json("leader", "/api/v1/hazards?supervised=true")
                .get("total")
                .asLong();
        assertThat(listed).isEqualTo(1);
        assertThat(browser.getCurrentUrl()).contains("supervised=true");
        assertThat(browser.findElement(By.id("total")).getDomAttribute("data-total"))
                .isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#hazards tbody tr")))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.getDomAttribute("data-key")).isEqualTo("1409020001/D-1");
                    assertThat(row.findElement(By.cssSelector("td[data-column='supervised']"))
                                    .getText())
                            .isEqualTo("挂牌督办");
                });
        assertThat(browser.findElement(By.id("export-duty")).getDomAttribute("href"))
                .startsWith("/api/v1/exports/responsibility-list")
                .contains("supervised=true");
        chromium.screenshot("hazards-supervised.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void theHazardPageShowsTheResponsibleUnitAndTheListing() throws Exception {
        signInAsLeader();
        chromium.open(server.url("/hazard.html?school=1409020001&id=D-1"));

        String state = browser.findElement(By.id("hazard-state")).getText();
        assertThat(state).contains("整改责任单位").contains("县教育局后勤科").contains("挂牌督办（市教育局，2026-10-05）");
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("2026-10-05")
                .contains("挂牌督办");
        chromium.screenshot("hazard-supervised.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }

    @Test
    void theWarningsPageListsMajorHazardsWithoutADeadlineOrAUnitAsTheApiDoes() throws Exception {
        signInAsLeader();
        chromium.open(server.url("/warnings.html"));

        var report = server.json("leader", "/api/v1/warnings");
        for (String[] list : List.of(
                new String[] {"no-deadline", "majorWithoutDeadline"},
                new String[] {"no-unit", "majorWithoutResponsibleUnit"})) {
            assertThat(browser.findElement(By.id(list[0] + "-caption")).getDomAttribute("data-count"))
                    .as(list[0])
                    .isEqualTo(report.get(list[1]).get("total").asText());
            assertThat(browser.findElements(By.cssSelector("#" + list[0] + " tbody tr")))
                    .hasSize(report.get(list[1]).get("rows").size());
        }
        assertThat(report.get("majorWithoutDeadline").get("rows").toString()).contains("\"D-1\"");
        assertThat(browser.findElement(By.id("no-deadline-note")).getText()).contains("不计入按期整改率");
        browser.executeScript("document.getElementById('no-deadline-caption').scrollIntoView()");
        chromium.screenshot("warnings-duty.png");
        assertThat(chromium.severeConsoleEntries()).isEmpty();
    }
}
