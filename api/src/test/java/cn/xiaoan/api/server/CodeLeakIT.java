package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Walks every page in both languages, as a city leader, a district leader and a clerk, and fails on any table cell,
 * list choice, scope, school line or chart label that shows a bare code (FIRE, NINE_YEAR, OPEN, 140902, 1409020001)
 * where people read a name. Codes belong in URLs, JSON and SQL only (the SQL console is therefore not walked).
 */
class CodeLeakIT extends ChromiumOverGrid {
    /** An enum-like code (FIRE, NINE_YEAR), a district code (6 digits) or a school code (10 digits). */
    private static final Pattern BARE_CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*|\\d{6}|\\d{10}");

    private static final String SCHOOL = "1409020001";

    private static String collector;

    record Visible(String where, String text) {}

    @BeforeAll
    static void loadTheTextCollector() throws IOException {
        try (InputStream in = CodeLeakIT.class.getResourceAsStream("visible-texts.js")) {
            collector = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void showsNamesNotCodesOnEveryLeaderPageInBothLanguages() throws Exception {
        signInAs("leader");
        List<String> pages = List.of(
                "/index.html",
                "/hazards.html?state=all",
                "/hazards.html?state=overdue",
                "/goals.html",
                "/campaign.html?campaign=pinglu-2023-100-day",
                "/warnings.html",
                "/school.html?code=" + SCHOOL,
                "/hazard.html?school=" + SCHOOL + "&id=" + firstHazardOf(SCHOOL),
                "/reports.html",
                "/reports.html?kind=monthly",
                "/map.html",
                "/screen.html",
                "/trust.html",
                "/trust.html?district=140902&school=" + SCHOOL);
        assertThat(leaksOn(pages)).isEmpty();
    }

    @Test
    void showsADistrictUsersScopeByItsName() throws IOException {
        signInAs("xinfu");
        assertThat(leaksOn(List.of("/index.html", "/hazards.html?state=open", "/reports.html")))
                .isEmpty();
        chromium.open(server.url("/reports.html?lang=zh"));
        assertThat(browser.findElement(By.id("user")).getText()).contains("忻府区");
        chromium.open(server.url("/reports.html?lang=en"));
        assertThat(browser.findElement(By.id("user")).getText()).contains("Xinfu");
    }

    @Test
    void showsNamesNotCodesOnTheClerksPage() throws IOException {
        signInAs("clerk");
        assertThat(leaksOn(List.of("/upload.html"))).isEmpty();
    }

    @Test
    void exportsHazardsWithNamesInTheirCells() throws Exception {
        java.net.http.HttpResponse<byte[]> export = server.getBytes("leader", "/api/v1/hazards?state=open&format=csv");
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> cells = new String(export.body(), StandardCharsets.UTF_8)
                .lines()
                .flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .map(cell -> cell.replace("\"", "").strip())
                .toList();
        List<String> codes = FixtureServer.REFERENCE.taxonomy().terms(cn.xiaoan.domain.TaxonomyKind.CATEGORY).stream()
                .map(cn.xiaoan.domain.Term::code)
                .toList();
        assertThat(cells).doesNotContainAnyElementsOf(codes).doesNotContain("OPEN", "GENERAL", "MAJOR", "SELF");
        assertThat(cells).contains("消防安全", "未整改", "一般隐患");
    }

    /** A hazard of the school in the fixture, as the hazard list answers it. */
    private static String firstHazardOf(String school) throws IOException, InterruptedException {
        java.net.http.HttpResponse<byte[]> list =
                server.getBytes("leader", "/api/v1/hazards?state=all&size=1&school=" + school);
        java.util.regex.Matcher id =
                Pattern.compile("\"hazardId\":\"([^\"]+)\"").matcher(new String(list.body(), StandardCharsets.UTF_8));
        assertThat(id.find()).as("a hazard of school %s", school).isTrue();
        return java.net.URLEncoder.encode(id.group(1), StandardCharsets.UTF_8);
    }

    private static void signInAs(String user) {
        browser.manage().deleteAllCookies();
        chromium.signIn(server.url("/"), user, FixtureServer.PASSWORD);
        chromium.severeConsoleEntries();
    }

    /** Opens each page in Chinese and in English and returns every visible text that is a bare code. */
    private static List<String> leaksOn(List<String> pages) throws IOException {
        var leaks = new ArrayList<String>();
        for (String page : pages) {
            for (String language : List.of("zh", "en")) {
                String url = server.url(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                // Chinese at a laptop's 1366×768, English at a meeting room's 1920×1080
                boolean chinese = language.equals("zh");
                chromium.viewport(chinese ? 1366 : 1920, chinese ? 768 : 1080);
                chromium.open(url);
                if (!browser.findElements(By.cssSelector("[data-chart-state]")).isEmpty()) {
                    chromium.waitForChartsFinished();
                }
                chromium.screenshot(
                        "names-" + page.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + language
                                + (chinese ? "-1366x768" : "-1920x1080") + ".png");
                List<Visible> texts = visibleTexts();
                assertThat(texts).as("texts read on %s", url).isNotEmpty();
                texts.stream()
                        .filter(visible -> BARE_CODE.matcher(visible.text()).matches())
                        .map(visible -> url + " " + visible.where() + ": " + visible.text())
                        .forEach(leaks::add);
            }
        }
        return leaks;
    }

    @SuppressWarnings("unchecked")
    private static List<Visible> visibleTexts() {
        List<List<String>> pairs = (List<List<String>>) browser.executeScript(collector);
        return pairs.stream().map(pair -> new Visible(pair.get(0), pair.get(1))).toList();
    }
}
