package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drill-down over HTTP: a heatmap cell's hazards, trends and school pages, within the caller's scope. */
class DrillDownIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF = "asOf=2026-10-31";

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
    void listsAsManyHazardsBehindEveryHeatmapCellAsTheCellSays() throws Exception {
        JsonNode heatmap = json("leader", "/api/v1/heatmap?metric=overdue&" + AS_OF);
        int compared = 0;
        for (JsonNode cell : heatmap.get("cells")) {
            String district = cell.get("row").asText();
            String category = cell.get("column").asText();
            JsonNode page = json(
                    "leader",
                    "/api/v1/hazards?state=overdue&" + AS_OF + "&filter=district=" + district + "&filter=category="
                            + category + "&size=500");
            assertThat(page.get("total").asLong())
                    .as("%s × %s", district, category)
                    .isEqualTo(cell.get("value").asLong());
            assertThat(page.get("items").size()).isEqualTo(page.get("total").asInt());
            for (JsonNode item : page.get("items")) {
                assertThat(item.get("districtCode").asText()).isEqualTo(district);
                assertThat(item.get("category").asText()).isEqualTo(category);
                assertThat(item.get("daysOverdue").asInt()).isPositive();
            }
            compared += cell.get("value").asInt();
        }
        assertThat(compared).isPositive();
    }

    @Test
    void pagesAndSortsWithATotal() throws Exception {
        JsonNode first = json("leader", "/api/v1/hazards?state=open&" + AS_OF + "&sort=deadline&order=asc&size=7");
        JsonNode second =
                json("leader", "/api/v1/hazards?state=open&" + AS_OF + "&sort=deadline&order=asc&size=7&page=2");
        JsonNode figures = json("leader", "/api/v1/figures?" + AS_OF);
        assertThat(first.get("total").asLong())
                .isEqualTo(figures.at("/rows/0/open").asLong())
                .isEqualTo(second.get("total").asLong());
        assertThat(first.get("items").size()).isEqualTo(7);
        assertThat(first.at("/items/6/deadline").asText())
                .isLessThanOrEqualTo(second.at("/items/0/deadline").asText());
        var ids = new HashSet<String>();
        first.get("items").forEach(item -> ids.add(item.get("hazardId").asText()));
        second.get("items")
                .forEach(item ->
                        assertThat(ids.add(item.get("hazardId").asText())).isTrue());
    }

    @Test
    void keepsADistrictLeaderInTheirDistrictByEveryParameter() throws Exception {
        JsonNode own = json("xinfu", "/api/v1/hazards?size=500&" + AS_OF);
        assertThat(own.get("total").asLong()).isPositive();
        own.get("items")
                .forEach(item -> assertThat(item.get("districtCode").asText()).isEqualTo("140902"));
        assertThat(get("xinfu", "/api/v1/hazards?filter=district=140921").statusCode())
                .isEqualTo(403);
        // another district's school, asked by school code: nothing
        assertThat(json("xinfu", "/api/v1/hazards?school=1409210001&" + AS_OF)
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(get("xinfu", "/api/v1/schools/1409210001").statusCode()).isEqualTo(404);
        assertThat(get("xinfu", "/api/v1/trends?filter=district=140921").statusCode())
                .isEqualTo(403);
        JsonNode trend = json("xinfu", "/api/v1/trends?by=district&figure=open&" + AS_OF);
        for (JsonNode point : trend.get("points")) {
            assertThat(point.get("rows").size()).isEqualTo(1);
            assertThat(point.at("/rows/0/district").asText()).isEqualTo("140902");
        }
    }

    @Test
    void showsASchoolPageWhoseCountsMatchItsLists() throws Exception {
        JsonNode school = json("leader", "/api/v1/schools/1409020001?" + AS_OF);
        assertThat(school.at("/school/districtCode").asText()).isEqualTo("140902");
        JsonNode open = json("leader", "/api/v1/hazards?state=open&school=1409020001&" + AS_OF);
        assertThat(school.at("/counts/open").asLong())
                .isEqualTo(open.get("total").asLong())
                .isEqualTo(school.at("/openItems/total").asLong())
                .isPositive();
        assertThat(school.get("history").size()).isEqualTo(24);
        JsonNode unknown =
                JSON.readTree(get("leader", "/api/v1/schools/9999999999").body());
        assertThat(unknown.get("code").asText()).isEqualTo("unknown_school");
        assertThat(unknown.get("requestId").asText()).isNotBlank();
    }

    @Test
    void drawsATrendWhoseLastPointIsTheFigureAtTheAsOfDate() throws Exception {
        JsonNode trend = json("leader", "/api/v1/trends?grain=month&figure=open,found&" + AS_OF);
        JsonNode points = trend.get("points");
        assertThat(points.size()).isEqualTo(10);
        JsonNode october = points.get(9);
        assertThat(october.get("code").asText()).isEqualTo("2026-10");
        JsonNode figure = json("leader", "/api/v1/figures?from=2026-10-01&to=2026-10-31&" + AS_OF);
        assertThat(october.at("/rows/0/open").asLong())
                .isEqualTo(figure.at("/rows/0/open").asLong());
        assertThat(october.at("/rows/0/found").asLong())
                .isEqualTo(figure.at("/rows/0/found").asLong());
        assertThat(october.at("/rows/0").has("risk_index")).isFalse();
        assertThat(get("leader", "/api/v1/trends?by=month").statusCode()).isEqualTo(400);
        assertThat(get("leader", "/api/v1/trends?grain=week").statusCode()).isEqualTo(400);
    }

    @Test
    void comparesEveryFigureWithTheSameSpanAYearEarlier() throws Exception {
        JsonNode comparison =
                json("leader", "/api/v1/figures/compare?from=2026-01-01&to=2026-10-31&filter=severity=MAJOR");
        JsonNode now = json("leader", "/api/v1/figures?from=2026-01-01&to=2026-10-31&filter=severity=MAJOR");
        JsonNode before = json("leader", "/api/v1/figures?from=2025-01-01&to=2025-10-31&filter=severity=MAJOR");
        assertThat(comparison.at("/previousPeriod/from").asText()).isEqualTo("2025-01-01");
        for (JsonNode figure : comparison.get("figures")) {
            String code = figure.get("code").asText();
            assertThat(figure.get("current").isNull())
                    .as(code)
                    .isEqualTo(now.at("/rows/0/" + code).isNull());
            if (!figure.get("current").isNull()) {
                assertThat(figure.get("current").asDouble())
                        .as(code)
                        .isEqualTo(now.at("/rows/0/" + code).asDouble());
            }
            if (!figure.get("change").isNull()) {
                assertThat(figure.get("previous").asDouble())
                        .as(code)
                        .isEqualTo(before.at("/rows/0/" + code).asDouble());
                assertThat(figure.get("change").asDouble())
                        .as(code)
                        .isCloseTo(
                                figure.get("current").asDouble()
                                        - figure.get("previous").asDouble(),
                                org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void ranksTheRiskiestSchoolsWithinTheScope() throws Exception {
        JsonNode city = json("leader", "/api/v1/schools?limit=5&" + AS_OF);
        assertThat(city.size()).isEqualTo(5);
        for (int i = 1; i < city.size(); i++) {
            assertThat(city.get(i).get("riskPoints").asLong())
                    .isLessThanOrEqualTo(city.get(i - 1).get("riskPoints").asLong());
        }
        JsonNode xinfu = json("xinfu", "/api/v1/schools?limit=50&" + AS_OF);
        assertThat(xinfu.size()).isPositive();
        xinfu.forEach(school -> assertThat(school.get("districtCode").asText()).isEqualTo("140902"));
        assertThat(get("leader", "/api/v1/schools?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void exportsEveryHazardOfTheCellNotJustThePage() throws Exception {
        String query = "/api/v1/hazards?state=open&filter=severity=MAJOR&" + AS_OF + "&size=2";
        long total = json("leader", query).get("total").asLong();
        HttpResponse<byte[]> response = server.getBytes("leader", query + "&format=xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet data = workbook.getSheetAt(0);
            assertThat((long) data.getLastRowNum()).isEqualTo(total).isGreaterThan(2);
            Set<String> severities = new HashSet<>();
            int severity = -1;
            for (int c = 0; c < data.getRow(0).getLastCellNum(); c++) {
                if (data.getRow(0).getCell(c).getStringCellValue().startsWith("隐患等级")) {
                    severity = c;
                }
            }
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                severities.add(data.getRow(r).getCell(severity).getStringCellValue());
            }
            // the export is read by people: the severity's name, not its code
            assertThat(severities).containsExactly("重大事故隐患");
        }
    }

    @Test
    void refusesBadParametersWithWhatToWrite() throws Exception {
        for (String query : new String[] {
            "state=closed", "sort=name", "order=up", "size=501", "page=0", "page=x", "filter=month=June"
        }) {
            HttpResponse<String> response = get("leader", "/api/v1/hazards?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("message").asText())
                    .as(query)
                    .isNotBlank();
        }
        // a search text is bound, never spliced: quotes and SQL are just text
        String hostile = URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8);
        assertThat(json("leader", "/api/v1/hazards?q=" + hostile).get("total").asLong())
                .isZero();
        assertThat(get("clerk", "/api/v1/hazards").statusCode()).isEqualTo(403);
    }

    private static JsonNode json(String user, String path) throws Exception {
        return server.json(user, path);
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return server.get(user, path);
    }
}
