package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes take knownAt / reportedBy through the one parser and stamp their answers with it; /figures/changes
 * compares two knowledge times.
 */
class KnownAtApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** After every fixture batch was ingested: the same batches as the published model. */
    private static final String KNOWN = "2026-11-22T08:00:00Z";

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
    void figuresKnownAtATimeAreStampedWithItAndEqualTheModelOfTheSameBatches() throws Exception {
        JsonNode now = JSON.readTree(get("/api/v1/figures?by=district").body());
        HttpResponse<String> response = get("/api/v1/figures?by=district&knownAt=" + KNOWN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode known = JSON.readTree(response.body());
        assertThat(known.at("/modelVersion/knownAt").asText()).isEqualTo(KNOWN);
        assertThat(known.get("rows")).isEqualTo(now.get("rows"));
        assertThat(now.at("/modelVersion/knownAt").isMissingNode()).isTrue();
    }

    @Test
    void listsWarningsAndTrendsTakeTheKnowledgeTimeToo() throws Exception {
        HttpResponse<String> warnings = get("/api/v1/warnings?knownAt=" + KNOWN);
        HttpResponse<String> hazards = get("/api/v1/hazards?size=5&knownAt=" + KNOWN);
        HttpResponse<String> trends = get("/api/v1/trends?reportedBy=2026-10-31");

        assertThat(warnings.statusCode()).as(warnings.body()).isEqualTo(200);
        assertThat(JSON.readTree(warnings.body())
                        .at("/modelVersion/knowledge/knownAt")
                        .asText())
                .isEqualTo(KNOWN);
        assertThat(hazards.statusCode()).as(hazards.body()).isEqualTo(200);
        assertThat(JSON.readTree(hazards.body()).at("/modelVersion/knownAt").asText())
                .isEqualTo(KNOWN);
        assertThat(trends.statusCode()).as(trends.body()).isEqualTo(200);
        assertThat(JSON.readTree(trends.body()).at("/modelVersion/reportedBy").asText())
                .isEqualTo("2026-10-31");
    }

    @Test
    void changesSinceTheSameBatchesAreNoneAndAMissingSinceIsRefused() throws Exception {
        HttpResponse<String> same = get("/api/v1/figures/changes?since=" + KNOWN);
        HttpResponse<String> missing = get("/api/v1/figures/changes");
        HttpResponse<String> malformed = get("/api/v1/figures?knownAt=yesterday");

        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(same.body());
        assertThat(body.get("changes")).isEmpty();
        assertThat(body.get("batches")).isEmpty();
        assertThat(body.at("/earlier/knownAt").asText()).isEqualTo(KNOWN);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("code").asText()).isEqualTo("missing_since");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("code").asText()).isEqualTo("invalid_known_at");
    }

    @Test
    void aReportDownloadedAsKnownAtATimeCarriesItInItsStamp() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/v1/reports/annual?year=2026&knownAt=" + KNOWN)))
                        .header("Authorization", "Bearer " + server.token("leader"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            var custom = doc.getProperties().getCustomProperties();
            assertThat(custom.getProperty("xiaoan.knownAt").getLpwstr()).isEqualTo(KNOWN);
            assertThat(custom.getProperty("xiaoan.kind").getLpwstr()).isEqualTo("annual");
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Authorization", "Bearer " + server.token("leader"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
