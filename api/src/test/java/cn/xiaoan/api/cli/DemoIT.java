package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.HeadlessChromium;
import cn.xiaoan.api.XiaoanCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton end to end: the real demo command, from generated files to the heatmap in Chromium. */
class DemoIT {
    private static final Pattern SERVING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path home;

    @Test
    void demoGeneratesIngestsBuildsAndServesAHeatmapCellForEveryDistrictAndCategory() throws Exception {
        var components = Components.fromEnvironment(Map.of("XIAOAN_HOME", home.toString()));
        try (components;
                HeadlessChromium chromium = HeadlessChromium.start()) {
            String firstRun = runDemo(components);
            assertThat(firstRun)
                    .contains("schools.csv → 批次 batch 1")
                    .contains("ledger-2026-10-31.csv")
                    .contains("published model version 1");
            String url = servingUrl(firstRun);
            String password = demoPassword(firstRun);

            assertThat(getStatus(url + "api/v1/heatmap", null))
                    .as("nothing without signing in")
                    .isEqualTo(401);
            String cookie = signIn(url, password);
            JsonNode heatmap = getJson(url + "api/v1/heatmap", cookie);
            assertThat(heatmap.path("metric").path("code").asText()).isEqualTo("risk_index");
            assertThat(heatmap.path("cells")).hasSize(15 * 15);

            chromium.signIn(url, DemoCommand.DEMO_ADMIN, password);
            var chart = chromium.waitForChart("heatmap", "finished");
            assertThat(chart.getDomAttribute("data-cell-count")).isEqualTo("225");
            assertThat(drawnValues(chromium)).isEqualTo(apiValues(heatmap));
            chromium.screenshot("demo-heatmap.png");
            assertThat(chromium.severeConsoleEntries()).isEmpty();
        }
    }

    @Test
    void aSecondDemoRunIngestsNothingAndServesThePublishedModel() throws Exception {
        try (var first = Components.fromEnvironment(Map.of("XIAOAN_HOME", home.toString()))) {
            runDemo(first);
        }
        try (var second = Components.fromEnvironment(Map.of("XIAOAN_HOME", home.toString()))) {
            String secondRun = runDemo(second);
            assertThat(secondRun)
                    .contains("already ingested as batch 1")
                    .contains("nothing new: serving the published model")
                    .doesNotContain("published model version 2");
            // the demo administrator is created once: the second run prints no password
            assertThat(secondRun).doesNotContain("demo administrator");
            JsonNode health = getJson(servingUrl(secondRun) + "api/v1/health", null);
            assertThat(health.path("model").path("version").asLong()).isEqualTo(1);
        }
    }

    private static String runDemo(Components components) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("demo", "--port", "0", "--schools", "240", "--hazards", "12000");
        assertThat(exit).as("demo failed: " + err).isZero();
        return out.toString();
    }

    private static String servingUrl(String output) {
        var matcher = SERVING.matcher(output);
        assertThat(matcher.find())
                .as("the demo prints where it serves: " + output)
                .isTrue();
        return matcher.group();
    }

    private static final Pattern PASSWORD = Pattern.compile("demo administrator: admin / (\\S+)");

    private static String demoPassword(String output) {
        var matcher = PASSWORD.matcher(output);
        assertThat(matcher.find())
                .as("the demo prints its administrator's password once: " + output)
                .isTrue();
        return matcher.group(1);
    }

    /** Signs in as the demo administrator; returns the session cookie. */
    private static String signIn(String url, String password) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "api/v1/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static int getStatus(String url, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static JsonNode getJson(String url, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** Cell values keyed by the unordered pair of Chinese names, as the API serves them. */
    private static Map<String, Double> apiValues(JsonNode heatmap) {
        Map<String, String> names = new HashMap<>();
        for (String axis : List.of("rows", "columns")) {
            heatmap.path(axis)
                    .path("members")
                    .forEach(m -> names.put(
                            axis + m.path("code").asText(), m.path("nameZh").asText()));
        }
        Map<String, Double> values = new HashMap<>();
        heatmap.path("cells")
                .forEach(cell -> values.put(
                        pair(
                                names.get("rows" + cell.path("row").asText()),
                                names.get("columns" + cell.path("column").asText())),
                        cell.path("value").isNull() ? null : cell.path("value").asDouble()));
        return values;
    }

    /** Cell values as ECharts drew them, keyed the same way. */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> drawnValues(HeadlessChromium chromium) {
        var cells = (List<List<Object>>) chromium.driver().executeScript("""
                        const option = echarts.getInstanceByDom(document.getElementById('heatmap')).getOption();
                        const x = option.xAxis[0].data, y = option.yAxis[0].data;
                        return option.series[0].data.map(d => [x[d.value[0]], y[d.value[1]], d.value[2]]);
                        """);
        Map<String, Double> values = new HashMap<>();
        for (List<Object> cell : cells) {
            Object value = cell.get(2);
            values.put(
                    pair((String) cell.get(0), (String) cell.get(1)),
                    value instanceof Number number ? number.doubleValue() : null);
        }
        return values;
    }

    private static String pair(String first, String second) {
        return String.join(" × ", new TreeSet<>(List.of(first, second)));
    }
}
