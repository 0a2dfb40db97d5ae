package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL console over HTTP: analysts only, read-only, scoped, capped, cancelled at its limit. */
class SqlConsoleIT {
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
    void answersAnAnalystWithColumnsRowsAndTheTruncatedFlag() throws Exception {
        HttpResponse<String> response = sql(
                "analyst",
                "SELECT district_code, count(*) AS hazards FROM hazard_facts" + " GROUP BY ALL ORDER BY district_code",
                Map.of("maxRows", 3));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/columns/0/name").asText()).isEqualTo("district_code");
        assertThat(body.at("/rows")).hasSize(3);
        // ordered by code: 140603 (an out-of-area district of the reference data) first
        assertThat(body.at("/rows/0/0").asText()).isEqualTo("140603");
        assertThat(body.at("/truncated").asBoolean()).isTrue();
        assertThat(body.at("/truncatedBy").asText()).isEqualTo("max_rows");
        assertThat(body.at("/truncatedMessage").asText()).contains("raise the cap");
        assertThat(body.at("/modelVersion").asLong()).isEqualTo(1);

        JsonNode schema = JSON.readTree(get("analyst", "/api/v1/sql/schema").body());
        assertThat(schema.findValuesAsText("name")).contains("current_hazards", "hazard_cube");
    }

    @Test
    void isForAnalystsOnly() throws Exception {
        assertThat(sql("leader", "SELECT 42", Map.of()).statusCode()).isEqualTo(403);
        assertThat(sql("clerk", "SELECT 42", Map.of()).statusCode()).isEqualTo(403);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(server.url("/api/v1/sql")))
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 42\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesStatementsThatReadWriteOrReconfigure() throws Exception {
        Path stolen = root.resolve("stolen.csv");
        Map<String, String> attacks = Map.of(
                "SELECT * FROM read_csv('/etc/passwd')",
                "sql_forbidden_function",
                "SELECT * FROM read_text('/etc/hostname')",
                "sql_forbidden_function",
                "SELECT * FROM glob('/*')",
                "sql_forbidden_function",
                "COPY (SELECT 1) TO '" + stolen + "'",
                "sql_not_read_only",
                "ATTACH '/tmp/x.duckdb' AS x",
                "sql_not_read_only",
                "INSTALL httpfs",
                "sql_not_read_only",
                "SET enable_external_access = true",
                "sql_not_read_only",
                "SELECT 1; SELECT 2",
                "sql_not_one_statement",
                "SELECT * FROM read_parquet('../../model/v=1/current_hazards.parquet')",
                "sql_forbidden_function");
        for (var attack : attacks.entrySet()) {
            HttpResponse<String> response = sql("analyst", attack.getKey(), Map.of());
            assertThat(response.statusCode()).as(attack.getKey()).isBetween(400, 403);
            assertThat(JSON.readTree(response.body()).get("code").asText())
                    .as(attack.getKey())
                    .isEqualTo(attack.getValue());
        }
        assertThat(Files.exists(stolen)).isFalse();
    }

    @Test
    void cancelsAQueryAtItsTimeLimitAndStaysHealthy() throws Exception {
        HttpResponse<String> endless = sql(
                "analyst", "SELECT count(*) FROM range(100000000) a, range(100000000) b", Map.of("timeoutSeconds", 1));
        assertThat(endless.statusCode()).as(endless.body()).isEqualTo(408);
        assertThat(JSON.readTree(endless.body()).get("code").asText()).isEqualTo("sql_timeout");
        assertThat(JSON.readTree(sql("analyst", "SELECT 42 AS answer", Map.of()).body())
                        .at("/rows/0/0")
                        .asInt())
                .isEqualTo(42);
    }

    @Test
    void showsADistrictAnalystOnlyTheirDistrict() throws Exception {
        server.users()
                .add(
                        "xinfu-analyst",
                        cn.xiaoan.api.auth.Role.ANALYST,
                        cn.xiaoan.api.auth.Scope.district("140902"),
                        java.util.Optional.of(FixtureServer.PASSWORD));
        String token = server.users().issueToken("xinfu-analyst", "test");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/sql")))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "sql",
                                "SELECT DISTINCT s.district_code FROM current_hazards h"
                                        + " JOIN dim_school s USING (school_code)"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/rows")).hasSize(1);
        assertThat(body.at("/rows/0/0").asText()).isEqualTo("140902");
        assertThat(body.at("/scope").asText()).isEqualTo("district=140902");
    }

    private static HttpResponse<String> sql(String user, String statement, Map<String, Object> options)
            throws Exception {
        var body = new java.util.HashMap<String, Object>(options);
        body.put("sql", statement);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/sql")))
                        .header("Authorization", "Bearer " + server.token(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
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
