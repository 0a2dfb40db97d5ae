package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clerk's template over HTTP: downloaded with their own schools in its lists, filled, uploaded and accepted whole;
 * a row filled wrongly comes back with what to change.
 */
class TemplateIT {
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
    void aDistrictClerksFilledTemplateIsAcceptedAndAWrongRowSaysWhatToChange() throws Exception {
        HttpResponse<byte[]> download = server.getBytes("xinfu-clerk", "/api/v1/templates/ledger.xlsx");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxml");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''" + URLEncoder.encode("隐患台账-导入模板.xlsx", StandardCharsets.UTF_8));

        byte[] filled;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(ClerkTemplate.list(workbook, "list_own_school_code"))
                    .isNotEmpty()
                    .allSatisfy(code -> assertThat(code).startsWith("140902"));
            // the second row says 已整改 without a 整改完成日期: refused, with what to change
            filled = ClerkTemplate.fillLedger(workbook);
        }

        HttpResponse<String> upload = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/ingest/ledger?name="
                                + URLEncoder.encode("忻府区台账.xlsx", StandardCharsets.UTF_8))))
                        .header("Authorization", "Bearer " + server.token("xinfu-clerk"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(filled))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode summary = JSON.readTree(upload.body());
        assertThat(summary.get("read").asLong()).isEqualTo(2);
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);

        JsonNode reject = server.json(
                        "xinfu-clerk",
                        "/api/v1/batches/" + summary.get("batchId").asLong())
                .at("/rejectedRows/0");
        assertThat(reject.get("row").asLong()).isEqualTo(5);
        assertThat(reject.get("reason").asText()).isEqualTo("STATUS_DATES");
        assertThat(reject.get("fixZh").asText()).contains("已整改须有完成日期");
        assertThat(reject.get("fixEn").asText()).contains("rectified needs a rectified date");
    }

    @Test
    void everyDatasetHasATemplateAndAnUnknownOneIsRefused() throws Exception {
        for (String dataset : List.of("schools", "ledger", "inspections", "surveys", "drills")) {
            HttpResponse<byte[]> download = server.getBytes("clerk", "/api/v1/templates/" + dataset + ".xlsx");
            assertThat(download.statusCode()).as(dataset).isEqualTo(200);
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
                assertThat(workbook.getSheetName(1)).isEqualTo("填表说明");
            }
        }
        HttpResponse<String> unknown = server.get("clerk", "/api/v1/templates/weather.xlsx");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("weather");
        HttpResponse<String> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/templates/ledger.xlsx")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
