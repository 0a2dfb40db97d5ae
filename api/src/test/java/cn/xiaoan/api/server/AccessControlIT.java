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
                "/api/v1/warnings?district=140921",
                "/api/v1/warnings/overdue_hazards?district=140921")) {
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
        warnings.at("/overdueHazards/rows")
                .forEach(hazard ->
                        assertThat(hazard.get("districtCode").asText()).isEqualTo("140902"));
        JsonNode nextPage = JSON.readTree(send(as("xinfu", "/api/v1/warnings/overdue_hazards?offset=1&limit=5"))
                .body());
        assertThat(nextPage.at("/total").asInt())
                .isEqualTo(warnings.at("/overdueHazards/total").asInt());
        nextPage.at("/rows")
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

    @Test
    void refusesTheSixthWrongPasswordWithinAMinute() throws Exception {
        server.users()
                .add(
                        "guessed",
                        cn.xiaoan.api.auth.Role.LEADER,
                        cn.xiaoan.api.auth.Scope.city(),
                        java.util.Optional.of(FixtureServer.PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThat(login("guessed", "guess number " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> sixth = login("guessed", "guess number 5");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(sixth.body()).get("code").asText()).isEqualTo("too_many_attempts");
        assertThat(JSON.readTree(sixth.body()).get("message").asText())
                .contains("retry in 10 s")
                .contains("登录失败次数过多");
        assertThat(sixth.headers().firstValue("Retry-After")).contains("10");
        assertThat(sixth.headers().firstValue("Set-Cookie")).isEmpty();
        // while locked even the right password is refused (before any Argon2id hash is spent on it)
        assertThat(login("guessed", FixtureServer.PASSWORD).statusCode()).isEqualTo(429);
        // another user signs in as usual
        assertThat(login("leader", FixtureServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void throttlesAnUnknownUserExactlyLikeAKnownOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("no-such-user", "guess " + i).statusCode()).isEqualTo(401);
        }
        assertThat(login("no-such-user", "guess 5").statusCode()).isEqualTo(429);
    }

    @Test
    void anAdministratorResetsAPasswordAndTheUsersSessionsEnd() throws Exception {
        server.users()
                .add(
                        "forgetful",
                        cn.xiaoan.api.auth.Role.LEADER,
                        cn.xiaoan.api.auth.Scope.city(),
                        java.util.Optional.of(FixtureServer.PASSWORD));
        String cookie = signIn("forgetful");
        assertThat(send(request("/api/v1/me").header("Cookie", cookie)).statusCode())
                .isEqualTo(200);
        String body = "{\"password\":\"a brand new passphrase\"}";

        HttpResponse<String> byLeader = send(as("leader", "/api/v1/users/forgetful/password")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(byLeader.statusCode()).isEqualTo(403);
        HttpResponse<String> weak = send(as("admin", "/api/v1/users/forgetful/password")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"short\"}")));
        assertThat(weak.statusCode()).isEqualTo(400);
        HttpResponse<String> reset = send(as("admin", "/api/v1/users/forgetful/password")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

        assertThat(send(request("/api/v1/me").header("Cookie", cookie)).statusCode())
                .as("the session started before the reset")
                .isEqualTo(401);
        assertThat(login("forgetful", FixtureServer.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(login("forgetful", "a brand new passphrase").statusCode()).isEqualTo(200);
        assertThat(send(as("admin", "/api/v1/users/nobody/password")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRevokedTokenIsRefusedWithAMessageThatSaysSo() throws Exception {
        String token = server.users().issueToken("analyst", "leaked");
        assertThat(send(bearer(token, "/api/v1/me")).statusCode()).isEqualTo(200);
        String id = server.users().tokens("analyst").stream()
                .filter(stored -> stored.label().equals("leaked"))
                .findFirst()
                .orElseThrow()
                .id();
        server.users().revokeToken(id);

        HttpResponse<String> refused = send(bearer(token, "/api/v1/me"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("token_revoked");
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .contains(id)
                .contains("revoked");
        assertThat(send(as("analyst", "/api/v1/me")).statusCode())
                .as("the user's other tokens still work")
                .isEqualTo(200);
        assertThat(send(bearer(token, "/api/v1/health")).statusCode())
                .as("a public route ignores a dead token")
                .isEqualTo(200);
    }

    private static HttpResponse<String> login(String user, String password) throws Exception {
        return send(request("/api/v1/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
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
