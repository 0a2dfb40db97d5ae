package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Server-Timing answer: present with every phase when asked for, absent otherwise. */
class ServerTimingsIT {
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
    void aRequestAskingForTimingsGetsEveryPhaseAndItsStatements() throws Exception {
        HttpResponse<String> response = send("/api/v1/figures?by=district&asOf=2026-03-31&filter=severity=MAJOR", true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String timing = response.headers().firstValue("Server-Timing").orElseThrow();
        assertThat(timing)
                .containsPattern("auth;dur=\\d+\\.\\d{3}")
                .containsPattern("parse;dur=\\d+\\.\\d{3}")
                .containsPattern("plan;dur=\\d+\\.\\d{3}")
                .containsPattern("execute;dur=\\d+\\.\\d{3}")
                .containsPattern("shape;dur=\\d+\\.\\d{3}")
                .containsPattern("serialise;dur=\\d+\\.\\d{3}")
                .containsPattern("total;dur=\\d+\\.\\d{3}")
                .contains("statements;desc=\"1\"");
    }

    @Test
    void aCachedAnswerRunsNoStatement() throws Exception {
        String path = "/api/v1/figures?by=school_type&asOf=2026-02-28";
        send(path, true);

        HttpResponse<String> again = send(path, true);

        assertThat(again.headers().firstValue("Server-Timing").orElseThrow())
                .contains("statements;desc=\"0\"")
                .contains("plan;dur=0.000")
                .contains("execute;dur=0.000");
    }

    @Test
    void aRequestNotAskingGetsNoTimings() throws Exception {
        send("/api/v1/figures?by=district&asOf=2026-01-31", true);

        HttpResponse<String> response = send("/api/v1/figures?by=district&asOf=2026-01-30", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Server-Timing")).isEmpty();
    }

    private static HttpResponse<String> send(String path, boolean timed) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", "Bearer " + server.token("leader"));
        if (timed) {
            request.header(ServerTimings.REQUEST_HEADER, "1");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
