package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A question too large to answer is refused before it runs, and the server stays healthy (the attack catalogue). */
class BoundedQuestionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVERY_DIMENSION = "district,school_type,boarding,category,severity,inspection_type";

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
    void refusesATrendOfEveryDimensionOverTwentyYearsFastAndStaysHealthy() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> refused =
                server.get("leader", "/api/v1/trends?by=" + EVERY_DIMENSION + "&from=2007-01-01");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("code").asText()).isEqualTo("question_too_large");
        assertThat(error.get("message").asText())
                .contains("months")
                .contains("budget of 100,000")
                .contains("break down by fewer dimensions")
                .contains("请减少分组维度");
        assertThat(took).as("refused before running").isLessThan(Duration.ofSeconds(2));

        assertThat(server.json("leader", "/api/v1/health").toString()).contains("ok");
        JsonNode normal = server.json("leader", "/api/v1/trends?by=district&from=2026-01-01&to=2026-10-31");
        assertThat(normal.get("points").size()).isEqualTo(10);
    }

    @Test
    void refusesABreakdownByEveryDimensionAndAnswersItNarrowed() throws Exception {
        HttpResponse<String> refused = server.get("leader", "/api/v1/figures?by=" + EVERY_DIMENSION);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("question_too_large");

        JsonNode narrowed = server.json(
                "leader", "/api/v1/figures?by=" + EVERY_DIMENSION + "&filter=district=140902&filter=category=FIRE");
        assertThat(narrowed.get("rows").size()).isPositive();
        // a district user's scope narrows the question too
        HttpResponse<String> scoped =
                server.get("xinfu", "/api/v1/figures?by=" + EVERY_DIMENSION + "&filter=category=FIRE,TRAFFIC");
        assertThat(scoped.statusCode()).as(scoped.body()).isEqualTo(200);
    }
}
