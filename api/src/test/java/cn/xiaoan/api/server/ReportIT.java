package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report downloads over HTTP: the caller's scope decides the district, whatever the request says. */
class ReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void downloadsTheCityAnnualSummaryAsAWordDocument() throws Exception {
        HttpResponse<byte[]> response = get("leader", "/api/v1/reports/annual?year=2026");
        assertThat(response.statusCode()).isEqualTo(200);
        String disposition = URLDecoder.decode(
                response.headers().firstValue("Content-Disposition").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(disposition).contains("忻州市2026年度学校安全隐患排查整治工作总结").contains(".docx");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text)
                    .contains("模型第 "
                            + response.headers().firstValue("X-Model-Version").orElseThrow() + " 版");
        }
    }

    @Test
    void givesADistrictLeaderTheirDistrictOnly() throws Exception {
        HttpResponse<byte[]> own = get("xinfu", "/api/v1/reports/annual?year=2026&format=xlsx");
        assertThat(own.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
            assertThat(workbook.getSheet("概况 Summary").getRow(0).getCell(0).getStringCellValue())
                    .startsWith("忻府区");
        }
        HttpResponse<byte[]> other = get("xinfu", "/api/v1/reports/annual?year=2026&district=140921");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("out_of_scope");
    }

    @Test
    void refusesWhatCannotBeWritten() throws Exception {
        assertThat(get("leader", "/api/v1/reports/monthly?month=2026-10&format=docx")
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("leader", "/api/v1/reports/weekly").statusCode()).isEqualTo(400);
        assertThat(get("leader", "/api/v1/reports/monthly?month=October").statusCode())
                .isEqualTo(400);
        assertThat(get("clerk", "/api/v1/reports/annual").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> monthly = get("leader", "/api/v1/reports/monthly?month=2026-10");
        assertThat(monthly.statusCode()).isEqualTo(200);
        assertThat(monthly.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    }

    private static HttpResponse<byte[]> get(String user, String path) throws Exception {
        return server.getBytes(user, path);
    }
}
