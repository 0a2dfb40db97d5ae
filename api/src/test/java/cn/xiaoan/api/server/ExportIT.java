package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.Figure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports carry the numbers the JSON answer gives, and say what made them: request, model version, user, scope. */
class ExportIT {
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
    void writesTheFiguresAsAWorkbookWithTheSameNumbersAndItsProvenance() throws Exception {
        String query = "/api/v1/figures?by=district&asOf=2026-10-31";
        JsonNode json = JSON.readTree(get("leader", query).body());

        HttpResponse<byte[]> response = getBytes("leader", query + "&format=xlsx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''")
                .contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet data = workbook.getSheetAt(0);
            Map<String, Integer> column = header(data.getRow(0));
            assertThat(data.getLastRowNum()).isEqualTo(json.get("rows").size());
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                Row row = data.getRow(r);
                JsonNode expected = json.get("rows").get(r - 1);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(expected.get("district").asText());
                assertThat(row.getCell(column.get("open")).getNumericCellValue())
                        .isEqualTo(expected.get("open").asDouble());
                JsonNode rate = expected.get("rectification_rate");
                if (rate.isNull()) {
                    assertThat(row.getCell(column.get("rectification_rate"))).isNull();
                } else {
                    assertThat(row.getCell(column.get("rectification_rate")).getNumericCellValue())
                            .isEqualTo(rate.asDouble());
                    assertThat(row.getCell(column.get("rectification_rate"))
                                    .getCellStyle()
                                    .getDataFormatString())
                            .isEqualTo("0.0%");
                }
            }
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            Map<String, String> provenance = provenance(workbook.getSheetAt(1));
            assertThat(provenance)
                    .containsEntry("查询 Request", "GET " + query + "&format=xlsx")
                    .containsEntry(
                            "模型版本 Model version",
                            json.at("/modelVersion/version").asText())
                    .containsEntry("导出人 User", "leader")
                    .containsEntry("数据范围 Scope", "city");
            assertThat(provenance.get("请求编号 Request id"))
                    .isEqualTo(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
        }
    }

    @Test
    void exportsOnlyTheDistrictOfADistrictUser() throws Exception {
        HttpResponse<byte[]> response = getBytes("xinfu", "/api/v1/figures?by=district&format=xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet data = workbook.getSheetAt(0);
            assertThat(data.getLastRowNum()).isEqualTo(1);
            assertThat(data.getRow(1).getCell(0).getStringCellValue()).isEqualTo("140902");
            assertThat(provenance(workbook.getSheetAt(1))).containsEntry("数据范围 Scope", "140902");
        }
    }

    @Test
    void exportsAHeatmapFilteredLikeTheScreen() throws Exception {
        String query = "/api/v1/heatmap?metric=open&filter=severity=MAJOR&asOf=2026-10-31";
        JsonNode json = JSON.readTree(get("leader", query).body());

        String csv = new String(getBytes("leader", query + "&format=csv").body(), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF# 热力图 Heatmap");
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines[8]).startsWith("district,district_name,");
        String firstDistrict = json.at("/rows/members/0/code").asText();
        assertThat(lines[9]).startsWith(firstDistrict + ",");
        double jsonTotal = 0;
        for (JsonNode cell : json.get("cells")) {
            jsonTotal += cell.get("value").asDouble();
        }
        double csvTotal = 0;
        for (int i = 9; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            for (int c = 2; c < cells.length; c++) {
                csvTotal += cells[c].isEmpty() ? 0 : Double.parseDouble(cells[c]);
            }
        }
        assertThat(csvTotal).isEqualTo(jsonTotal);
        JsonNode unfiltered = JSON.readTree(
                get("leader", "/api/v1/heatmap?metric=open&asOf=2026-10-31").body());
        assertThat(unfiltered.get("cells")).isNotEqualTo(json.get("cells"));
    }

    @Test
    void exportsAnAnalystsQueryWithTheStatementAndDefusesFormulas() throws Exception {
        String statement = "SELECT '=1+1' AS formula, 42 AS answer, DATE '2026-11-01' AS day";
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/sql")))
                        .header("Authorization", "Bearer " + server.token("analyst"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("sql", statement, "format", "csv"))))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(csv).isEqualTo(200);
        assertThat(csv).contains("# 查询 Request: SQL: " + statement);
        assertThat(csv).contains("formula,answer,day\r\n'=1+1,42,2026-11-01\r\n");
    }

    @Test
    void refusesAnUnknownFormat() throws Exception {
        HttpResponse<String> response = get("leader", "/api/v1/figures?format=pdf");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("invalid_format");
    }

    /** Columns: district code, district name, then every figure in catalogue order, headed "中文 English". */
    private static Map<String, Integer> header(Row row) {
        var columns = new HashMap<String, Integer>();
        for (Figure figure : Figure.values()) {
            int index = 2 + figure.ordinal();
            assertThat(row.getCell(index).getStringCellValue()).isEqualTo(figure.nameZh() + " " + figure.nameEn());
            columns.put(figure.code(), index);
        }
        return columns;
    }

    private static Map<String, String> provenance(Sheet sheet) {
        var entries = new HashMap<String, String>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            entries.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
        return entries;
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(String user, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
