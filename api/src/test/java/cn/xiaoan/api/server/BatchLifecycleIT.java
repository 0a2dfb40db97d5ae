package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack catalogue of a batch's life over HTTP: a report date in 2099 (parameter and file), the careless clerk's
 * file sent for two months, withdrawals by whom they are allowed, and a formula in a rejected cell. The server's clock
 * says 2026-11-22.
 */
class BatchLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER =
            "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施," + "整改责任人,整改期限,整改状态,整改完成日期,销号日期\n";

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

    private static String row(String id, String school, String deadline) {
        return id + "," + school + ",测试学校" + school + ",2026-10-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换灭火器,,张三," + deadline
                + ",整改中,,\n";
    }

    @Test
    void refusesAReportDateIn2099GivenAsParameterOrInTheFileAndWritesNothing() throws Exception {
        int batches = batchCount();
        String csv = HEADER + row("FUT-1", "1409020001", "2026-12-01");

        HttpResponse<String> byParameter = upload("clerk", "future.csv", csv, "2099-12-31");
        HttpResponse<String> tooOld = upload("clerk", "old.csv", csv, "1999-12-31");
        HttpResponse<String> inTheFile = upload("clerk", "future-in-file.csv", "隐患台账,,,填报日期：2099-12-31\n" + csv, null);

        for (HttpResponse<String> response : java.util.List.of(byParameter, tooOld, inTheFile)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("report_date_out_of_range");
        }
        assertThat(JSON.readTree(byParameter.body()).get("message").asText())
                .contains("2099-12-31")
                .contains("晚于今天 2026-11-22")
                .contains("latest accepted: 2026-11-23");
        assertThat(JSON.readTree(inTheFile.body()).get("message").asText()).contains("the file's 填报日期");
        assertThat(batchCount()).isEqualTo(batches);
        try (var left = Files.list(server.warehouse().root().resolve("uploads").resolve(".incoming"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void recordsTheSameFileSentForTwoMonthsAsTwoSubmissionsWithItsRowsOnce() throws Exception {
        String csv = HEADER + row("TWICE-1", "1409020002", "2026-12-01") + row("TWICE-2", "1409020002", "2026-12-02");

        JsonNode september =
                JSON.readTree(upload("clerk", "九月.csv", csv, "2026-09-30").body());
        HttpResponse<String> october = upload("clerk", "十月.csv", csv, "2026-10-31");
        HttpResponse<String> octoberAgain = upload("clerk", "十月.csv", csv, "2026-10-31");

        assertThat(october.statusCode()).as(october.body()).isEqualTo(201);
        JsonNode summary = JSON.readTree(october.body());
        assertThat(summary.get("sameRowsAs").asLong())
                .isEqualTo(september.get("batchId").asLong());
        assertThat(summary.get("batchId").asLong())
                .isGreaterThan(september.get("batchId").asLong());
        assertThat(summary.get("reportDate").asText()).isEqualTo("2026-10-31");
        assertThat(summary.get("message").asText()).contains("数据不重复存储").contains("no rows stored again");
        assertThat(summary.get("model").asText()).isEqualTo("SCHEDULED");
        assertThat(octoberAgain.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(octoberAgain.body()).get("alreadyIngested").asBoolean())
                .isTrue();
        JsonNode listed = find(summary.get("batchId").asLong());
        assertThat(listed.get("sameRowsAs").asLong())
                .isEqualTo(september.get("batchId").asLong());
        assertThat(listed.get("withdrawn").asBoolean()).isFalse();
        assertThat(server.warehouse()
                        .rawBatch(
                                cn.xiaoan.domain.Dataset.LEDGER,
                                summary.get("batchId").asLong()))
                .doesNotExist();
    }

    @Test
    void letsTheSenderWithdrawTheirLatestBatchAndNobodyElseButAnAdministrator() throws Exception {
        long older = JSON.readTree(
                        upload("xinfu-clerk", "a.csv", HEADER + row("WD-1", "1409020001", "2026-12-01"), "2026-10-30")
                                .body())
                .get("batchId")
                .asLong();
        long latest = JSON.readTree(
                        upload("xinfu-clerk", "b.csv", HEADER + row("WD-2", "1409020001", "2026-12-01"), "2026-10-31")
                                .body())
                .get("batchId")
                .asLong();

        // the uploads' rebuild serves both batches first
        assertThat(awaitServed(served -> served.contains(latest))).contains(older, latest);

        assertThat(code(delete("xinfu-clerk", "/api/v1/batches/" + latest, null)))
                .isEqualTo("400 reason_required");
        assertThat(code(delete("leader", "/api/v1/batches/" + latest + "?reason=x", null)))
                .startsWith("403");
        assertThat(code(delete("clerk", "/api/v1/batches/" + latest + "?reason=x", null)))
                .isEqualTo("403 not_batch_sender");
        assertThat(code(delete("xinfu-clerk", "/api/v1/batches/" + older + "?reason=x", null)))
                .isEqualTo("403 not_latest_batch");
        assertThat(code(delete("xinfu-clerk", "/api/v1/batches/999999?reason=x", null)))
                .isEqualTo("404 no_batch");

        HttpResponse<String> withdrawn = delete("xinfu-clerk", "/api/v1/batches/" + latest, "{\"reason\":\"传错了文件\"}");

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(withdrawn.body());
        assertThat(answer.at("/batch/withdrawn").asBoolean()).isTrue();
        assertThat(answer.at("/batch/withdrawnBy").asText()).isEqualTo("xinfu-clerk");
        assertThat(answer.at("/batch/withdrawalReason").asText()).isEqualTo("传错了文件");
        assertThat(answer.at("/batch/withdrawnAt").asText()).startsWith("2026-11-22T08:00");
        assertThat(answer.get("model").asText()).isEqualTo("SCHEDULED");
        JsonNode listed = find(latest);
        assertThat(listed.get("withdrawn").asBoolean()).isTrue();
        assertThat(listed.get("withdrawalReason").asText()).isEqualTo("传错了文件");
        assertThat(code(delete("xinfu-clerk", "/api/v1/batches/" + latest + "?reason=again", null)))
                .isEqualTo("409 already_withdrawn");
        assertThat(Files.readAllLines(server.warehouse().withdrawalLog())).anyMatch(line -> line.contains("传错了文件"));

        // the clerk's earlier batch is their latest standing one again; an administrator may withdraw any
        HttpResponse<String> byAdmin = delete(
                "admin",
                "/api/v1/batches/" + older + "?reason=" + URLEncoder.encode("重复报送", StandardCharsets.UTF_8),
                null);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(find(older).get("withdrawnBy").asText()).isEqualTo("admin");

        // the rebuild the withdrawals asked for serves a model without either batch (the upload's rebuild had them)
        assertThat(awaitServed(served -> !served.contains(older) && !served.contains(latest)))
                .doesNotContain(older, latest);
    }

    /** Waits (up to 90 s) for the served model's batch ids to pass the test, and returns them. */
    private static java.util.List<Long> awaitServed(java.util.function.Predicate<java.util.List<Long>> test)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        java.util.List<Long> served = servedBatches();
        while (!test.test(served) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            served = servedBatches();
        }
        return served;
    }

    /** The batch ids of the model the server answers from. */
    private static java.util.List<Long> servedBatches() throws Exception {
        var ids = new java.util.ArrayList<Long>();
        JSON.readTree(server.get("leader", "/api/v1/health").body())
                .at("/model/batchIds")
                .forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    @Test
    void neutralisesAFormulaInARejectedCellButShowsTheClerkWhatTheyTyped() throws Exception {
        String formula = "=HYPERLINK(\"\"http://evil.example/\"\",\"\"点此\"\")";
        String csv = HEADER + row("F-1", "1409020001", "\"" + formula + "\"");

        JsonNode summary =
                JSON.readTree(upload("clerk", "formula.csv", csv, null).body());

        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        String report = server.get("clerk", summary.get("rejectsUrl").asText()).body();
        assertThat(report).contains("\"'=HYPERLINK(").doesNotContain(",\"=HYPERLINK(");
        JsonNode detail = JSON.readTree(
                server.get("clerk", "/api/v1/batches/" + summary.get("batchId").asLong())
                        .body());
        assertThat(detail.at("/rejectedRows/0/value").asText())
                .isEqualTo("=HYPERLINK(\"http://evil.example/\",\"点此\")");
    }

    private static int batchCount() throws Exception {
        return JSON.readTree(server.get("admin", "/api/v1/batches").body())
                .get("batches")
                .size();
    }

    private static JsonNode find(long batchId) throws Exception {
        for (JsonNode batch :
                JSON.readTree(server.get("admin", "/api/v1/batches").body()).get("batches")) {
            if (batch.get("batchId").asLong() == batchId) {
                return batch;
            }
        }
        throw new AssertionError("batch " + batchId + " not listed");
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return response.statusCode() + " "
                + JSON.readTree(response.body()).path("code").asText();
    }

    private static HttpResponse<String> upload(String user, String name, String content, String reportDate)
            throws Exception {
        String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (reportDate == null ? "" : "&reportDate=" + reportDate);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/ingest/ledger" + query)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(String user, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .header("Content-Type", "application/json")
                        .method(
                                "DELETE",
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
