package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.Figure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a loopback port over a fixture warehouse, called with the JDK's HTTP client. */
class HeatmapApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path root;

    private static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.withReferenceGrid(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheRiskIndexByDistrictAndCategoryByDefault() throws Exception {
        HttpResponse<String> response = get(server, "/api/v1/heatmap");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/metric/code").asText()).isEqualTo("risk_index");
        assertThat(body.at("/metric/nameZh").asText()).isEqualTo("风险指数");
        assertThat(body.at("/metric/unit").asText()).isEqualTo("index");
        assertThat(body.at("/asOf").asText()).isEqualTo("2026-10-31");
        assertThat(body.at("/period/from").asText()).isEqualTo("2026-01-01");
        assertThat(body.at("/period/to").asText()).isEqualTo("2026-10-31");
        assertThat(body.at("/rows/dimension/code").asText()).isEqualTo("district");
        assertThat(body.at("/rows/members")).hasSize(15);
        assertThat(body.at("/rows/members/0").toString())
                .isEqualTo("{\"code\":\"140902\",\"nameZh\":\"忻府区\",\"nameEn\":\"Xinfu District\"}");
        assertThat(body.at("/columns/dimension/code").asText()).isEqualTo("category");
        assertThat(body.at("/columns/members")).hasSize(15);
        assertThat(body.at("/columns/members/0/nameZh").asText()).isEqualTo("消防安全");
        assertThat(body.at("/cells")).hasSize(225);
        // 忻府区 has 2 schools; its one open FIRE hazard is MAJOR and overdue: 100 × 5 × 2 / 2
        assertThat(body.at("/cells/0").toString())
                .isEqualTo("{\"row\":\"140902\",\"column\":\"FIRE\",\"value\":500.0}");
        assertThat(body.at("/modelVersion/version").asLong()).isEqualTo(1);
        assertThat(body.at("/modelVersion/batchIds").toString()).isEqualTo("[1,2]");
        assertThat(body.at("/modelVersion/builtAt").asText()).isEqualTo("2026-11-22T08:00:00Z");
    }

    @Test
    void takesTheMetricDimensionsAndDatesFromTheQuery() throws Exception {
        JsonNode rate = JSON.readTree(get(
                        server,
                        "/api/v1/heatmap?rows=category&columns=district&metric=rectification_rate"
                                + "&asOf=2026-10-31&from=2026-01-01&to=2026-10-31")
                .body());
        assertThat(rate.at("/rows/dimension/code").asText()).isEqualTo("category");
        assertThat(rate.at("/cells/0/row").asText()).isEqualTo("FIRE");
        assertThat(rate.at("/cells/0/column").asText()).isEqualTo("140902");
        // found in the period: the open hazard (10-11) and the rectified one (08-02, rectified 08-22) → 1 / 2
        assertThat(rate.at("/cells/0/value").asDouble()).isEqualTo(0.5);

        JsonNode before = JSON.readTree(get(server, "/api/v1/heatmap?metric=found&from=2025-01-01&to=2025-12-31")
                .body());
        assertThat(before.at("/asOf").asText()).isEqualTo("2025-12-31");
        var values = new ArrayList<Double>();
        before.at("/cells").forEach(cell -> values.add(cell.get("value").asDouble()));
        assertThat(values).hasSize(225).containsOnly(0.0);
    }

    @Test
    void explainsAnUnknownMetricWithTheValidOnes() throws Exception {
        HttpResponse<String> response = get(server, "/api/v1/heatmap?metric=danger");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("unknown_metric");
        assertThat(error.get("message").asText()).isEqualTo("Unknown metric \"danger\": use one of " + Figure.codes());
        assertThat(error.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void explainsMalformedParameters() throws Exception {
        assertError(
                "/api/v1/heatmap?rows=county",
                400,
                "unknown_dimension",
                "Unknown rows dimension \"county\": use one of district, school_type, boarding, category,"
                        + " severity, inspection_type, month, quarter, year");
        assertError(
                "/api/v1/heatmap?asOf=2026-13-01",
                400,
                "invalid_date",
                "Parameter asOf=\"2026-13-01\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");
        assertError(
                "/api/v1/heatmap?from=2026-01-01",
                400,
                "incomplete_period",
                "Give both from and to (YYYY-MM-DD), or neither: the period then runs from 1 January of the as-of"
                        + " date's year to the as-of date");
        assertError(
                "/api/v1/heatmap?from=2026-05-01&to=2026-04-01",
                400,
                "invalid_request",
                "Cannot create period: it ends (2026-04-01) before it starts (2026-05-01); give from on or before to");
        assertError(
                "/api/v1/heatmap?rows=category&columns=category",
                400,
                "invalid_request",
                "Cannot build heatmap: rows and columns are both category; choose two different dimensions from"
                        + " district, school_type, boarding, category, severity, inspection_type, month, quarter,"
                        + " year");
        assertError(
                "/api/v1/heatmaps",
                404,
                "not_found",
                "No endpoint GET /api/v1/heatmaps: see /openapi.json for the endpoints, e.g. /api/v1/meta,"
                        + " /api/v1/figures, /api/v1/heatmap, /api/v1/sql");
    }

    @Test
    void reportsHealthWithTheServedModelVersion() throws Exception {
        JsonNode health = JSON.readTree(get(server, "/api/v1/health").body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.at("/model/version").asLong()).isEqualTo(1);
    }

    @Test
    void computesTheOverviewsAnswersAheadOfTheFirstVisit() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (server.warmedVersion().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.warmedVersion()).contains(1L);
    }

    @Test
    void listsTheFiguresAndDimensions() throws Exception {
        JsonNode catalog = JSON.readTree(get(server, "/api/v1/meta").body());
        assertThat(catalog.at("/figures/0").toString())
                .isEqualTo("{\"code\":\"found\",\"nameZh\":\"发现隐患\",\"nameEn\":\"Found\",\"unit\":\"count\"}");
        assertThat(catalog.at("/figures")).hasSize(Figure.values().length);
        assertThat(catalog.at("/dimensions")).hasSize(9);
        // the filter bars' choices: each closed dimension's members, the years, the model version
        assertThat(catalog.at("/dimensions/0/code").asText()).isEqualTo("district");
        assertThat(catalog.at("/dimensions/0/members/0/code").asText()).isEqualTo("140902");
        assertThat(catalog.at("/dimensions/0/members/0/nameZh").asText()).isEqualTo("忻府区");
        assertThat(catalog.at("/dimensions/6/members")).isEmpty();
        assertThat(catalog.at("/years").toString()).contains("\"2026\"");
        assertThat(catalog.at("/latestReportDate").asText()).isEqualTo("2026-10-31");
        assertThat(catalog.at("/modelVersion/version").asLong()).isEqualTo(1);
    }

    @Test
    void servesEveryFigureByAnyBreakdownAndFilterAsJsonOrCsv() throws Exception {
        JsonNode table = JSON.readTree(get(
                        server,
                        "/api/v1/figures?by=district,severity&filter=district=140902,140921&filter=category=FIRE"
                                + "&asOf=2026-10-31")
                .body());
        assertThat(table.at("/by").toString()).isEqualTo("[\"district\",\"severity\"]");
        assertThat(table.at("/filters/district").toString()).isEqualTo("[\"140902\",\"140921\"]");
        assertThat(table.at("/rows")).hasSize(4);
        JsonNode first = table.at("/rows/0");
        assertThat(first.get("district").asText()).isEqualTo("140902");
        assertThat(first.get("severity").asText()).isEqualTo("GENERAL");
        // 忻府区's one open FIRE hazard is MAJOR: no GENERAL one is open; counts are integers
        assertThat(first.get("open").toString()).isEqualTo("0");
        // school-based figures are undefined for a category subset
        assertThat(first.get("supervision_coverage").isNull()).isTrue();
        assertThat(table.at("/rows/1/open").asLong()).isEqualTo(1);

        HttpResponse<String> csv = get(server, "/api/v1/figures?by=district&format=csv&asOf=2026-10-31");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));
        // a BOM, the provenance as # lines (title + 7), the header and 15 districts
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines).hasSize(8 + 16);
        assertThat(lines[1]).isEqualTo("# 查询 Request: GET /api/v1/figures?by=district&format=csv&asOf=2026-10-31");
        assertThat(lines[8]).startsWith("district,district_name,found,major_found,rectified,rectification_rate,");
        assertThat(lines[9]).startsWith("140902,忻府区,");

        assertError(
                "/api/v1/figures?by=month,year",
                400,
                "invalid_request",
                "Cannot break down by month,year: choose one of month, quarter and year (they nest)");
        assertError(
                "/api/v1/figures?filter=district",
                400,
                "invalid_request",
                "Cannot read filter \"district\": write dimension=code[,code…], e.g. district=140902 or"
                        + " severity=MAJOR");
        // one parser for every route: the same mistake gets the same code and message, naming the parameter as sent
        for (String route : List.of("figures", "figures/compare", "trends", "hazards", "warnings", "goals")) {
            assertError(
                    "/api/v1/" + route + "?asOf=2026-13-01",
                    400,
                    "invalid_date",
                    "Parameter asOf=\"2026-13-01\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");
        }
        for (String route : List.of("figures", "figures/compare", "trends", "hazards", "warnings")) {
            assertError(
                    "/api/v1/" + route + "?to=2026-06-30",
                    400,
                    "incomplete_period",
                    "Give both from and to (YYYY-MM-DD), or neither: the period then runs from 1 January of the"
                            + " as-of date's year to the as-of date");
        }
        assertError(
                "/api/v1/trends?from=2026-01-01&to=2026-1-31",
                400,
                "invalid_date",
                "Parameter to=\"2026-1-31\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");
    }

    @Test
    void computesAndReturnsOnlyTheFiguresAsked() throws Exception {
        JsonNode all = JSON.readTree(
                get(server, "/api/v1/figures?by=district&asOf=2026-06-30").body());
        JsonNode some = JSON.readTree(
                get(server, "/api/v1/figures?by=district&asOf=2026-06-30&figures=rectification_rate,found")
                        .body());
        assertThat(some.at("/figures").findValuesAsText("code")).containsExactly("found", "rectification_rate");
        assertThat(some.at("/rows")).hasSameSizeAs(all.at("/rows"));
        for (int i = 0; i < all.at("/rows").size(); i++) {
            JsonNode row = some.at("/rows/" + i);
            assertThat(row.fieldNames()).toIterable().containsExactly("district", "found", "rectification_rate");
            assertThat(row.get("found")).isEqualTo(all.at("/rows/" + i + "/found"));
            assertThat(row.get("rectification_rate")).isEqualTo(all.at("/rows/" + i + "/rectification_rate"));
        }

        JsonNode compareAll = JSON.readTree(
                get(server, "/api/v1/figures/compare?asOf=2026-06-30").body());
        JsonNode compareOpen = JSON.readTree(get(server, "/api/v1/figures/compare?asOf=2026-06-30&figures=open")
                .body());
        assertThat(compareOpen.at("/figures")).hasSize(1);
        JsonNode open = compareOpen.at("/figures/0");
        assertThat(open.get("code").asText()).isEqualTo("open");
        compareAll.at("/figures").forEach(figure -> {
            if (figure.get("code").asText().equals("open")) {
                assertThat(open).isEqualTo(figure);
            }
        });

        assertError(
                "/api/v1/figures?figures=open,opened",
                400,
                "unknown_figure",
                "未知指标 Unknown figure \"opened\": use one of " + Figure.codes());
    }

    @Test
    void servesCampaignGoalsAndWarningLists() throws Exception {
        JsonNode goals = JSON.readTree(
                get(server, "/api/v1/goals?district=140902&asOf=2026-10-31").body());
        assertThat(goals.at("/goals")).hasSize(3);
        assertThat(goals.at("/goals/0/goal").asText()).isEqualTo("legacy_cleared");
        assertThat(goals.at("/goals/0/status").asText()).isEqualTo("MET");
        assertThat(goals.at("/goals/2/goal").asText()).isEqualTo("dynamic_zero");
        // 忻府区 still has its MAJOR FIRE hazard open at 10-31, before the end of 2026
        assertThat(goals.at("/goals/2/status").asText()).isEqualTo("AT_RISK");
        assertThat(goals.at("/goals/2/statusZh").asText()).isEqualTo("存在风险");

        JsonNode warnings = JSON.readTree(
                get(server, "/api/v1/warnings?district=140902&asOf=2026-10-31").body());
        assertThat(warnings.at("/overdueHazards/rows")).isNotEmpty();
        warnings.at("/overdueHazards/rows")
                .forEach(hazard ->
                        assertThat(hazard.get("districtCode").asText()).isEqualTo("140902"));
        assertThat(warnings.at("/submissionMonth").asText()).isEqualTo("2026-10");
    }

    @Test
    void pagesOneWarningListOnItsOwnAndRefusesABadPageInBothLanguages() throws Exception {
        JsonNode all = JSON.readTree(get(server, "/api/v1/warnings?asOf=2026-10-31&limit=500")
                        .body())
                .at("/rectifiedNotClosed");
        int total = all.get("total").asInt();
        assertThat(all.get("rows")).hasSize(total);
        assertThat(total).isGreaterThan(2);
        JsonNode second =
                JSON.readTree(get(server, "/api/v1/warnings/rectified_not_closed?asOf=2026-10-31&offset=1&limit=2")
                        .body());
        assertThat(second.get("list").asText()).isEqualTo("rectified_not_closed");
        assertThat(second.get("nameZh").asText()).isEqualTo("整改后长期未销号的隐患");
        assertThat(second.get("total").asInt()).isEqualTo(total);
        assertThat(second.get("offset").asInt()).isEqualTo(1);
        assertThat(second.get("limit").asInt()).isEqualTo(2);
        assertThat(second.get("rows"))
                .containsExactly(all.get("rows").get(1), all.get("rows").get(2));

        assertError(
                "/api/v1/warnings?limit=501",
                400,
                "invalid_page",
                "Cannot show 501 rows of a warning list: choose a limit of 1 to 500 / 预警清单每页行数（limit）须在 1 到 500 之间");
        assertError(
                "/api/v1/warnings/overdue_hazards?offset=-1",
                400,
                "invalid_page",
                "Cannot start a warning list at row -1: the offset is 0 or more / 预警清单的起始行（offset）须为 0 或正整数");
        HttpResponse<String> unknown = get(server, "/api/v1/warnings/overdue");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("unknown_warning_list");
    }

    @Test
    void servesTheDashboardAndEChartsFromTheirJars() throws Exception {
        HttpResponse<String> page = get(server, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>校安 · 总览</title>");
        HttpResponse<String> echarts = get(server, "/webjars/echarts/5.5.0/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(get(server, "/js/overview.js").statusCode()).isEqualTo(200);
    }

    @Test
    void answersServiceUnavailableUntilAModelIsBuilt(@TempDir Path empty) throws Exception {
        try (FixtureServer unbuilt = FixtureServer.withoutModel(empty)) {
            HttpResponse<String> response = get(unbuilt, "/api/v1/heatmap");
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("code").asText()).isEqualTo("no_model");
            assertThat(error.get("message").asText()).isEqualTo("no model has been built yet: run bin/xiaoan build");

            JsonNode health = JSON.readTree(get(unbuilt, "/api/v1/health").body());
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("model").isNull()).isTrue();
            assertThat(health.get("message").asText()).isEqualTo("no model has been built yet: run bin/xiaoan build");
        }
    }

    private static void assertError(String path, int status, String code, String message) throws Exception {
        HttpResponse<String> response = get(server, path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).as(path).isEqualTo(code);
        assertThat(error.get("message").asText()).as(path).isEqualTo(message);
        assertThat(error.get("requestId").asText()).as(path).isNotBlank();
    }

    /** A GET as the city-wide leader (tokens are how scripts call the API). */
    private static HttpResponse<String> get(FixtureServer target, String path)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(target.url(path)))
                        .header("Authorization", "Bearer " + target.token("leader"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
