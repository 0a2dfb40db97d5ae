package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/campaigns, /campaigns/{id} and /campaigns/{id}/goals, district scope included. */
class CampaignsApiIT {
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
    void listsTheCampaignsAndShowsOneDefinition() throws Exception {
        JsonNode list = JSON.readTree(get("leader", "/api/v1/campaigns").body());
        assertThat(list.get("primary").asText()).isEqualTo("xinzhou-2024-2026");
        assertThat(list.at("/campaigns")).hasSize(5);

        JsonNode nantong = JSON.readTree(
                get("leader", "/api/v1/campaigns/nantong-kfq-2020").body());
        assertThat(nantong.at("/campaign/bureauZh").asText()).isEqualTo("南通开发区实验小学教育集团");
        assertThat(nantong.at("/returns/0/cadence").asText()).isEqualTo("weekly");
        assertThat(nantong.at("/returns/0/weekday").asText()).isEqualTo("thursday");
        assertThat(nantong.at("/returns/1/beforeDay").asInt()).isEqualTo(1);
        assertThat(nantong.at("/returns/2/due").asText()).isEqualTo("2020-12-01");

        HttpResponse<String> unknown = get("leader", "/api/v1/campaigns/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("no_such_campaign");
    }

    @Test
    void answersACampaignsGoalsAsTheGoalsRouteDoesForThePrimaryOne() throws Exception {
        JsonNode byId = JSON.readTree(get("leader", "/api/v1/campaigns/xinzhou-2024-2026/goals?asOf=2026-10-31")
                .body());
        JsonNode primary =
                JSON.readTree(get("leader", "/api/v1/goals?asOf=2026-10-31").body());

        assertThat(byId.at("/campaign/id").asText()).isEqualTo("xinzhou-2024-2026");
        assertThat(byId.at("/campaign/to").asText()).isEqualTo("2026-12-31");
        assertThat(byId.at("/goals")).hasSize(14 * 3);
        assertThat(byId.at("/goals")).isEqualTo(primary.at("/goals"));
    }

    @Test
    void keepsADistrictUserToTheirDistrictAndTheCampaignsArea() throws Exception {
        JsonNode xinzhou = JSON.readTree(
                get("xinfu", "/api/v1/campaigns/xinzhou-2024-2026/goals").body());
        assertThat(xinzhou.at("/goals")).hasSize(3);
        xinzhou.at("/goals")
                .forEach(goal -> assertThat(goal.get("district").asText()).isEqualTo("140902"));

        // 忻府区 is outside 平鲁区's campaign: nothing to show, not another district's numbers
        JsonNode pinglu = JSON.readTree(
                get("xinfu", "/api/v1/campaigns/pinglu-2023-100-day/goals").body());
        assertThat(pinglu.at("/goals")).isEmpty();

        HttpResponse<String> other = get("xinfu", "/api/v1/campaigns/xinzhou-2024-2026/goals?district=140921");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("out_of_scope");
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
