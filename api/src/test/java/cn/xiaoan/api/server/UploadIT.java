package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data submission over HTTP: validation as on the command line, scope, idempotence, caps and hostile file names. */
class UploadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long UPLOAD_CAP = 64 * 1024;
    private static final String HEADER =
            "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施," + "整改责任人,整改期限,整改状态,整改完成日期,销号日期\n";

    @TempDir
    static Path root;

    private static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.withReferenceGrid(root, new ServerLimits(16 * 1024, UPLOAD_CAP, 2, 60, 100));
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
    void acceptsALedgerReportsItsRejectedRowsAndNeverCountsItTwice() throws Exception {
        String csv = HEADER
                + row("UP-1", "1409020001", "2026-12-01")
                + row("UP-2", "1409020002", "2026-09-01")
                + row("UP-3", "1409020001", "2026-12-05");

        HttpResponse<String> first = upload("clerk", "ledger", "十月台账.csv", csv);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode summary = JSON.readTree(first.body());
        assertThat(summary.get("read").asLong()).isEqualTo(3);
        assertThat(summary.get("accepted").asLong()).isEqualTo(2);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("fileName").asText()).isEqualTo("十月台账.csv");
        assertThat(summary.get("alreadyIngested").asBoolean()).isFalse();
        long batch = summary.get("batchId").asLong();
        assertThat(summary.get("rejectsUrl").asText()).isEqualTo("/api/v1/batches/" + batch + "/rejects");

        HttpResponse<String> rejects = get("clerk", summary.get("rejectsUrl").asText());
        assertThat(rejects.statusCode()).isEqualTo(200);
        assertThat(rejects.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''");
        assertThat(rejects.body()).contains("十月台账.csv").contains(",3,").contains("2026-09-01");

        JsonNode detail =
                JSON.readTree(get("leader", "/api/v1/batches/" + batch).body());
        assertThat(detail.at("/batch/submittedBy").asText()).isEqualTo("clerk");
        assertThat(detail.at("/rejectedRows/0/row").asLong()).isEqualTo(3);
        assertThat(detail.at("/rejectedRows/0/reasonEn").asText()).contains("deadline");

        HttpResponse<String> again = upload("clerk", "ledger", "copy.csv", csv);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("alreadyIngested").asBoolean())
                .isTrue();
        assertThat(JSON.readTree(again.body()).get("batchId").asLong()).isEqualTo(batch);
    }

    @Test
    void rebuildsTheModelSoTheDashboardsShowTheUpload() throws Exception {
        long before = servedVersion();
        HttpResponse<String> response =
                upload("clerk", "ledger", "rebuild.csv", HEADER + row("RB-1", "1409020001", "2026-12-01"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (servedVersion() == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(servedVersion()).isGreaterThan(before);
    }

    @Test
    void anUploadQueuesBehindAnotherWriterInsteadOfFailing() throws Exception {
        String csv = HEADER + row("UP-Q1", "1409020001", "2026-12-01");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> queued;
        try (var held = cn.xiaoan.domain.WarehouseLocks.defaults()
                .acquire(server.warehouse(), "build", cn.xiaoan.domain.LockWait.silent())) {
            assertThat(held.warehouse()).isEqualTo(server.warehouse());
            queued = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return upload("clerk", "ledger", "排队台账.csv", csv);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_000);
            assertThat(queued).as("waits while the lock is held").isNotDone();
        }
        HttpResponse<String> response = queued.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void keepsADistrictClerkToTheirDistrict() throws Exception {
        String csv = HEADER + row("XF-1", "1409020001", "2026-12-01") + row("XF-2", "1409210001", "2026-12-01");

        HttpResponse<String> response = upload("xinfu-clerk", "ledger", "忻府区.csv", csv);

        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        long batch = summary.get("batchId").asLong();
        assertThat(get("xinfu-clerk", "/api/v1/batches/" + batch + "/rejects").body())
                .contains("不属于本辖区");
        assertThat(get("xinfu", "/api/v1/batches/" + batch).statusCode()).isEqualTo(200);

        JsonNode seenByDistrict =
                JSON.readTree(get("xinfu", "/api/v1/batches").body()).get("batches");
        assertThat(seenByDistrict).isNotEmpty();
        seenByDistrict.forEach(
                b -> assertThat(b.get("submitterDistrict").asText()).isEqualTo("140902"));
        long cityBatch =
                JSON.readTree(get("leader", "/api/v1/batches").body()).get("batches").findValues("batchId").stream()
                        .mapToLong(JsonNode::asLong)
                        .min()
                        .orElseThrow();
        assertThat(get("xinfu", "/api/v1/batches/" + cityBatch).statusCode()).isEqualTo(403);
    }

    @Test
    void recordsOnlyTheLastSegmentOfAHostileFileName() throws Exception {
        HttpResponse<String> response = upload(
                "clerk", "ledger", "../../../../tmp/evil\u0000.csv", HEADER + row("PT-1", "1409020001", "2026-12-01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("fileName").asText()).isEqualTo("evil.csv");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(path -> path.getFileName().toString().contains("evil")))
                    .isEmpty();
        }
        assertThat(upload("clerk", "ledger", "..", "x").statusCode()).isEqualTo(400);
        assertThat(upload("clerk", "ledger", "a/", "x").statusCode()).isEqualTo(400);
    }

    @Test
    void refusesWhatIsNotAnUploadOrNotTheirs() throws Exception {
        assertThat(upload("leader", "ledger", "x.csv", HEADER).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/ingest/ledger?name=x.csv")))
                        .POST(HttpRequest.BodyPublishers.ofString(HEADER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(upload("clerk", "budgets", "x.csv", HEADER).statusCode()).isEqualTo(400);
        HttpResponse<String> binary = upload("clerk", "ledger", "ledger.xlsx", "PK\u0003\u0004 this is not a workbook");
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(422);
        assertThat(JSON.readTree(binary.body()).get("code").asText()).isEqualTo("unreadable_file");
    }

    @Test
    void refusesATwoGigabyteUploadFromItsHeaderWithoutReadingIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.url("/")).getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/ingest/ledger?name=big.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + server.token("clerk")
                            + "\r\nContent-Type: text/csv\r\nContent-Length: 2147483648\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8192]);
            out.flush();
            String status = statusLine(socket.getInputStream());
            assertThat(status).startsWith("HTTP/1.1 413");
        }
        assertThat(get("leader", "/api/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void stopsAStreamedUploadAtTheCapAndKeepsNothingOfIt() throws Exception {
        byte[] big = new byte[(int) UPLOAD_CAP * 4];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/ingest/ledger?name=big.csv")))
                        .header("Authorization", "Bearer " + server.token("clerk"))
                        // no length: the body arrives chunked, so only counting can stop it
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("upload_too_large");
        try (Stream<Path> files = Files.list(root.resolve("uploads").resolve(".incoming"))) {
            assertThat(files.filter(path -> path.getFileName().toString().startsWith("upload-")))
                    .isEmpty();
        }
    }

    @Test
    void acceptsAMultipartFormUpload() throws Exception {
        String boundary = "----xiaoan" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"表单.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write((HEADER + row("MP-1", "1409020001", "2026-12-01")).getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/ingest/ledger")))
                        .header("Authorization", "Bearer " + server.token("clerk"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("fileName").asText()).isEqualTo("表单.csv");
        assertThat(JSON.readTree(response.body()).get("accepted").asLong()).isEqualTo(1);
    }

    private static long servedVersion() throws Exception {
        return JSON.readTree(get("leader", "/api/v1/health").body())
                .at("/model/version")
                .asLong();
    }

    private static String statusLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static HttpResponse<String> upload(String user, String dataset, String name, String content)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/ingest/" + dataset + "?name="
                                + URLEncoder.encode(name, StandardCharsets.UTF_8))))
                        .header("Authorization", "Bearer " + server.token(user))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
