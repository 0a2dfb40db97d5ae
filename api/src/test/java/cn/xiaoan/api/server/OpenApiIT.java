package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes exactly the endpoints the server has, and both it and its UI are served. */
class OpenApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path root;

    private static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.withoutModel(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void documentsEveryEndpointAndNoOther() throws Exception {
        JsonNode document = JSON.readTree(get("/openapi.json").body());
        var documented = new ArrayList<String>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue()
                .fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(server.routes().stream()
                        .filter(route -> !route.equals("GET /api/docs/init.js"))
                        .toList());
    }

    @Test
    void servesABrowsableViewOfTheDocumentWithoutSigningIn() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(get("/webjars/swagger-ui/5.18.2/swagger-ui-bundle.js").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/docs/init.js").body()).contains("/openapi.json");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
