package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.RawDuty;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/exports/responsibility-list} (整改责任清单) on the reference grid plus a 忻府区 ledger batch with the
 * 责任单位 and 督办 columns: D-1 (MAJOR, no deadline, listed by 市教育局) and D-2 (GENERAL, not listed); the hazard list's
 * {@code supervised} filter and the hazard page on the same data.
 */
class ResponsibilityListIT {
    private static final String AS_OF = ReferenceGridFixture.REPORT_DATE;
    private static final String LIST = "/api/v1/exports/responsibility-list";

    @TempDir
    static Path root;

    private static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.withReferenceGrid(
                root,
                raw -> raw.ledger(
                        3,
                        AS_OF,
                        List.of(
                                RawHazard.open("D-1", "1409020001", "FIRE", "MAJOR", "2026-10-01", null),
                                RawHazard.open("D-2", "1409020002", "TRAFFIC", "GENERAL", "2026-10-02", "2026-11-30")),
                        List.of(RawDuty.listed("县教育局后勤科", "市教育局", "2026-10-05"), RawDuty.unit("学校总务处"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsAsJsonTheHazardsTheOpenFigureCounts() throws Exception {
        JsonNode list = server.json("leader", LIST + "?format=json&asOf=" + AS_OF);
        JsonNode figures = server.json("leader", "/api/v1/figures?asOf=" + AS_OF);

        assertThat(list.get("total").asLong())
                .isEqualTo(figures.at("/rows/0/open").asLong())
                .isEqualTo(list.get("items").size());
        assertThat(list.get("asOf").asText()).isEqualTo(AS_OF);
        // MAJOR first within the district, those without a deadline first: D-1 opens 忻府区's rows
        JsonNode first = list.at("/items/0");
        assertThat(first.get("hazardId").asText()).isEqualTo("D-1");
        assertThat(first.get("responsibleUnit").asText()).isEqualTo("县教育局后勤科");
        assertThat(first.get("supervised").asBoolean()).isTrue();
        assertThat(first.get("supervisedBy").asText()).isEqualTo("市教育局");
    }

    @Test
    void writesAWorkbookWithChineseHeadingsAndTheListingAndItsProvenance() throws Exception {
        HttpResponse<byte[]> response = server.getBytes("leader", LIST + "?district=140902&asOf=" + AS_OF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(URLEncoder.encode("整改责任清单", StandardCharsets.UTF_8).replace("+", "%20"))
                .contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet data = workbook.getSheetAt(0);
            List<String> headings = texts(data.getRow(0));
            assertThat(headings)
                    .startsWith("序号", "县区", "学校名称")
                    .contains("整改措施", "整改责任单位", "整改责任人", "整改期限", "整改状态", "是否督办", "督办单位", "督办日期");
            Row d1 = data.getRow(1);
            assertThat(d1.getCell(headings.indexOf("隐患编号")).getStringCellValue())
                    .isEqualTo("D-1");
            assertThat(d1.getCell(headings.indexOf("县区")).getStringCellValue()).isEqualTo("忻府区");
            assertThat(d1.getCell(headings.indexOf("隐患等级")).getStringCellValue())
                    .isEqualTo("重大事故隐患");
            assertThat(d1.getCell(headings.indexOf("整改责任单位")).getStringCellValue())
                    .isEqualTo("县教育局后勤科");
            assertThat(d1.getCell(headings.indexOf("是否督办")).getStringCellValue())
                    .isEqualTo("是");
            assertThat(d1.getCell(headings.indexOf("整改期限"))).isNull();
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                assertThat(data.getRow(r).getCell(headings.indexOf("县区")).getStringCellValue())
                        .isEqualTo("忻府区");
            }
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("GET " + LIST + "?district=140902&asOf=" + AS_OF);
        }
    }

    @Test
    void writesACsvWithEnglishHeadingsOfTheListedHazardsOnly() throws Exception {
        String csv = new String(
                server.getBytes("leader", LIST + "?format=csv&lang=en&supervised=true")
                        .body(),
                StandardCharsets.UTF_8);

        List<String> lines = new ArrayList<>();
        for (String line : csv.substring(1).split("\r\n")) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        assertThat(csv.substring(1)).startsWith("# Responsibility list (as of " + AS_OF);
        assertThat(lines.get(0)).startsWith("No.,District,School,School code,Hazard id,Category,Severity,");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("1,Xinfu")
                .contains(",D-1,")
                .contains(",Major hazard,")
                .contains(",yes,市教育局,2026-10-05");
    }

    @Test
    void keepsADistrictUserToTheirDistrictAndRefusesBadParameters() throws Exception {
        JsonNode own = server.json("xinfu", LIST + "?format=json");
        assertThat(own.get("items"))
                .allSatisfy(
                        item -> assertThat(item.get("districtCode").asText()).isEqualTo("140902"));
        assertThat(server.get("xinfu", LIST + "?format=json&district=140921").statusCode())
                .isEqualTo(403);
        HttpResponse<String> badStatus = server.get("leader", LIST + "?status=DONE");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("DONE").contains("OPEN,IN_PROGRESS,RECTIFIED,CLOSED");
        assertThat(server.get("leader", LIST + "?lang=fr").statusCode()).isEqualTo(400);
        assertThat(server.get("leader", LIST + "?supervised=maybe").statusCode())
                .isEqualTo(400);
        assertThat(server.get("clerk", LIST).statusCode()).isEqualTo(403);
    }

    @Test
    void theHazardListFiltersByTheListingAndTheHazardPageShowsIt() throws Exception {
        JsonNode listed = server.json("leader", "/api/v1/hazards?supervised=true");
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.at("/items/0/hazardId").asText()).isEqualTo("D-1");
        assertThat(listed.at("/items/0/responsibleUnit").asText()).isEqualTo("县教育局后勤科");
        assertThat(server.json("leader", "/api/v1/hazards").get("total").asLong())
                .isGreaterThan(1);

        JsonNode page = server.json("leader", "/api/v1/hazards/1409020001/D-1");
        assertThat(page.at("/hazard/responsibleUnit").asText()).isEqualTo("县教育局后勤科");
        assertThat(page.at("/hazard/supervised").asBoolean()).isTrue();
        assertThat(page.at("/hazard/supervisedBy").asText()).isEqualTo("市教育局");
        assertThat(page.toString()).contains("\"supervised\"");
    }

    private static List<String> texts(Row row) {
        var values = new ArrayList<String>();
        row.forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }
}
