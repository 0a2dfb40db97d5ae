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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack catalogue: a district clerk's register that claims another district's school is refused over HTTP with the
 * owner named, and the school and its hazards stay where they were; only an administrator moves a school, and the
 * hazards found before the move stay with the old district.
 */
class SchoolOwnershipIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REGISTER_HEADER = "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n";
    /** Schools of 定襄县 140921 in the reference grid, with hazards found before the fixture clock's today. */
    private static final String CLAIMED = "1409210001";

    private static final String MOVED = "1409210002";

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
    void refusesAClerksRegisterThatClaimsAnotherDistrictsSchoolAndKeepsItsHazardsWhereTheyWere() throws Exception {
        List<String> before = hazardsOf(CLAIMED, "140921");

        HttpResponse<String> response =
                upload("xinfu-clerk", "schools", "忻府区学校名册.csv", REGISTER_HEADER + CLAIMED + ",城关小学,140902,小学,否,500\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("accepted").asLong()).isZero();
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        String rejects = get("xinfu-clerk", summary.get("rejectsUrl").asText()).body();
        assertThat(rejects)
                .contains("忻府区学校名册.csv")
                .contains("学校标识码")
                .contains(CLAIMED)
                .contains("定襄县（140921）")
                .contains("city administrator")
                .contains("bin/xiaoan schools move " + CLAIMED);
        assertThat(JSON.readTree(get("leader", "/api/v1/schools/" + CLAIMED).body())
                        .at("/school/districtCode")
                        .asText())
                .isEqualTo("140921");
        assertThat(get("xinfu", "/api/v1/schools/" + CLAIMED).statusCode()).isEqualTo(404);
        assertThat(before).isNotEmpty();
        assertThat(hazardsOf(CLAIMED, "140921")).isEqualTo(before);
        assertThat(hazardsOf(CLAIMED, "140902")).isEmpty();
    }

    @Test
    void letsOnlyAnAdministratorMoveASchoolAndKeepsEarlierHazardsWithTheOldDistrict() throws Exception {
        String body = "{\"to\": \"140902\", \"reason\": \"行政区划调整\"}";
        for (String user : List.of("clerk", "xinfu-clerk", "leader", "analyst")) {
            assertThat(post(user, "/api/v1/schools/" + MOVED + "/move", body).statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(Files.exists(server.warehouse().schoolMoves())).isFalse();
        List<String> hazards = hazardsOf(MOVED, "140921");
        long version = servedVersion();

        HttpResponse<String> moved = post("admin", "/api/v1/schools/" + MOVED + "/move", body);

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        JsonNode move = JSON.readTree(moved.body());
        assertThat(move.get("fromDistrict").asText()).isEqualTo("140921");
        assertThat(move.get("toDistrict").asText()).isEqualTo("140902");
        assertThat(move.get("movedBy").asText()).isEqualTo("admin");
        assertThat(move.get("effectiveFrom").asText()).isEqualTo("2026-11-22");
        assertThat(Files.readString(server.warehouse().schoolMoves()))
                .contains("\"moved_by\":\"admin\"")
                .contains("行政区划调整");
        assertThat(post("admin", "/api/v1/schools/" + MOVED + "/move", body).statusCode())
                .isEqualTo(409);
        assertThat(post("admin", "/api/v1/schools/9999999999/move", body).statusCode())
                .isEqualTo(404);

        awaitVersionAfter(version);
        assertThat(JSON.readTree(get("xinfu", "/api/v1/schools/" + MOVED).body())
                        .at("/school/districtCode")
                        .asText())
                .isEqualTo("140902");
        assertThat(hazardsOf(MOVED, "140921")).isNotEmpty().isEqualTo(hazards);
        assertThat(hazardsOf(MOVED, "140902")).isEmpty();
        HttpResponse<String> update = upload(
                "xinfu-clerk", "schools", "忻府区学校名册-迁入.csv", REGISTER_HEADER + MOVED + ",忻府区迁入学校,140902,初中,否,640\n");
        assertThat(JSON.readTree(update.body()).get("accepted").asLong()).isEqualTo(1);
    }

    /** The ids of a school's hazards (any state) that count for {@code district}. */
    private static List<String> hazardsOf(String school, String district) throws Exception {
        JsonNode page = JSON.readTree(
                get("leader", "/api/v1/hazards?state=all&asOf=2026-11-22&filter=district=" + district + "&size=500")
                        .body());
        var ids = new ArrayList<String>();
        for (JsonNode item : page.get("items")) {
            if (item.get("schoolCode").asText().equals(school)) {
                ids.add(item.get("hazardId").asText());
            }
        }
        ids.sort(null);
        return ids;
    }

    private static long servedVersion() throws Exception {
        return JSON.readTree(get("leader", "/api/v1/health").body())
                .at("/model/version")
                .asLong();
    }

    private static void awaitVersionAfter(long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (servedVersion() == version && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(servedVersion()).isGreaterThan(version);
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

    private static HttpResponse<String> post(String user, String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
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
