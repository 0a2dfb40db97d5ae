package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call what, and a district user never seeing another district, whatever the request says. */
class AccessControlIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> DATA_ROUTES = List.of(
            "/api/v1/figures", "/api/v1/heatmap", "/api/v1/goals", "/api/v1/warnings", "/api/v1/meta", "/api/v1/me");

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
    void refusesEveryDataRouteWithoutCredentials() throws Exception {
        for (String route : DATA_ROUTES) {
            HttpResponse<String> response = send(request(route).GET());
            assertThat(response.statusCode()).as(route).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("unauthenticated");
        }
        // a made-up or revoked token is no better
        HttpResponse<String> forged = send(request("/api/v1/heatmap").header("Authorization", "Bearer xat_forged"));
        assertThat(forged.statusCode()).isEqualTo(401);
        // health and the pages stay public
        assertThat(send(request("/api/v1/health").GET()).statusCode()).isEqualTo(200);
        assertThat(send(request("/login.html").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARoleTheRouteDoesNotAdmit() throws Exception {
        HttpResponse<String> clerk = send(as("clerk", "/api/v1/heatmap"));
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(clerk.body()).get("code").asText()).isEqualTo("forbidden");
        // a clerk may still learn the catalog and who they are
        assertThat(send(as("clerk", "/api/v1/meta")).statusCode()).isEqualTo(200);
        // an analyst may do what a leader may
        assertThat(send(as("analyst", "/api/v1/heatmap")).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsADistrictUserInTheirDistrictByEveryParameter() throws Exception {
        // asked by filter, by goals or warnings district: refused, never answered with the other district
        for (String route : List.of(
                "/api/v1/figures?filter=district=140921",
                "/api/v1/figures?filter=district=140902,140921",
                "/api/v1/goals?district=140921",
                "/api/v1/warnings?district=140921")) {
            HttpResponse<String> response = send(as("xinfu", route));
            assertThat(response.statusCode()).as(route).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("out_of_scope");
        }
        // asked for nothing in particular: only 忻府区 comes back
        JsonNode byDistrict =
                JSON.readTree(send(as("xinfu", "/api/v1/figures?by=district")).body());
        assertThat(byDistrict.at("/rows")).hasSize(1);
        assertThat(byDistrict.at("/rows/0/district").asText()).isEqualTo("140902");
        assertThat(byDistrict.at("/filters/district/0").asText()).isEqualTo("140902");
        JsonNode heatmap = JSON.readTree(send(as("xinfu", "/api/v1/heatmap")).body());
        assertThat(heatmap.at("/rows/members")).hasSize(1);
        assertThat(heatmap.at("/cells")).hasSize(15);
        JsonNode goals = JSON.readTree(send(as("xinfu", "/api/v1/goals")).body());
        goals.at("/goals")
                .forEach(goal -> assertThat(goal.get("district").asText()).isEqualTo("140902"));
        JsonNode warnings = JSON.readTree(send(as("xinfu", "/api/v1/warnings")).body());
        warnings.at("/overdueHazards")
                .forEach(hazard ->
                        assertThat(hazard.get("districtCode").asText()).isEqualTo("140902"));
        // and its own total equals the city's row for 忻府区
        JsonNode city =
                JSON.readTree(send(as("leader", "/api/v1/figures?by=district")).body());
        assertThat(byDistrict.at("/rows/0")).isEqualTo(city.at("/rows/0"));
    }

    @Test
    void signsInWithAFreshSessionAndAReplayedCookieFailsAfterSignOut() throws Exception {
        HttpResponse<String> wrong = send(request("/api/v1/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"leader\",\"password\":\"guess\"}")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        String cookie = signIn("leader");
        String again = signIn("leader");
        assertThat(again).as("a new session id at every login").isNotEqualTo(cookie);
        assertThat(send(request("/api/v1/me").header("Cookie", cookie)).statusCode())
                .isEqualTo(200);

        send(request("/api/v1/logout").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(send(request("/api/v1/me").header("Cookie", cookie)).statusCode())
                .as("the cookie replayed after sign-out")
                .isEqualTo(401);
    }

    @Test
    void aDisabledUserLosesTheirTokens() throws Exception {
        String token = server.users().issueToken("analyst", "to revoke");
        server.users()
                .add(
                        "temp",
                        cn.xiaoan.api.auth.Role.LEADER,
                        cn.xiaoan.api.auth.Scope.city(),
                        java.util.Optional.of(FixtureServer.PASSWORD));
        String tempToken = server.users().issueToken("temp", "to revoke");
        assertThat(send(bearer(tempToken, "/api/v1/me")).statusCode()).isEqualTo(200);
        server.users().disable("temp");
        assertThat(send(bearer(tempToken, "/api/v1/me")).statusCode()).isEqualTo(401);
        assertThat(send(bearer(token, "/api/v1/me")).statusCode()).isEqualTo(200);
    }

    /** Signs in; returns the session cookie as a Cookie header value. */
    private static String signIn(String user) throws Exception {
        HttpResponse<String> response = send(request("/api/v1/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + FixtureServer.PASSWORD + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpRequest.Builder as(String user, String path) {
        return bearer(server.token(user), path);
    }

    private static HttpRequest.Builder bearer(String token, String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
