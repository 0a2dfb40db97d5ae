package cn.xiaoan.api.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the load generator wrk (Debian package {@code wrk}) against the server on loopback: a generated Lua script
 * rotates through the requests with the bench user's token and prints the latency percentiles as JSON.
 */
final class Wrk {
    /** One request of the rotation: method, path (with query) and JSON body (or null). */
    record Call(String method, String path, String body) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }
    }

    /** What one wrk run measured; latencies in milliseconds. */
    record Result(
            long requests,
            double seconds,
            double p50,
            double p95,
            double p99,
            double max,
            long statusErrors,
            long socketErrors) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        long errors() {
            return statusErrors + socketErrors;
        }
    }

    private static final String DONE = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('XIAOAN{"requests":%d,"duration":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,'
                .. '"status":%d,"socket":%d}\\n', summary.requests, summary.duration, latency:percentile(50),
                latency:percentile(95), latency:percentile(99), latency.max, e.status,
                e.connect + e.read + e.write + e.timeout))
            end
            """;

    private final Path scripts;
    private final ObjectMapper json = new ObjectMapper();

    Wrk(Path scripts) {
        this.scripts = scripts;
    }

    static void requireInstalled() {
        try {
            Process process = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "bench api needs the load generator wrk: install it with apt-get install wrk / 请先安装 wrk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking for wrk", e);
        }
    }

    Result run(String baseUrl, String token, List<Call> calls, int connections, Duration duration)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile(scripts, "wrk-", ".lua");
        try {
            Files.writeString(script, script(token, calls), StandardCharsets.UTF_8);
            var command = new ArrayList<>(List.of(
                    "wrk",
                    "-t"
                            + Math.min(
                                    connections,
                                    Math.max(1, Runtime.getRuntime().availableProcessors())),
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--timeout",
                    "10s",
                    "-s",
                    script.toString(),
                    baseUrl));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            int start = output.indexOf("XIAOAN{");
            if (start < 0) {
                throw new IllegalStateException("wrk printed no summary: " + output);
            }
            JsonNode summary = json.readTree(output.substring(start + "XIAOAN".length())
                    .lines()
                    .findFirst()
                    .orElseThrow());
            return new Result(
                    summary.get("requests").asLong(),
                    summary.get("duration").asLong() / 1e6,
                    summary.get("p50").asLong() / 1e3,
                    summary.get("p95").asLong() / 1e3,
                    summary.get("p99").asLong() / 1e3,
                    summary.get("max").asLong() / 1e3,
                    summary.get("status").asLong(),
                    summary.get("socket").asLong());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String script(String token, List<Call> calls) throws IOException {
        var lua = new StringBuilder("local calls = {\n");
        for (Call call : calls) {
            lua.append("  {")
                    .append(quoted(call.method()))
                    .append(", ")
                    .append(quoted(call.path()))
                    .append(", ")
                    .append(call.body() == null ? "nil" : quoted(call.body()))
                    .append("},\n");
        }
        lua.append("}\n")
                .append("local headers = {[\"Authorization\"] = ")
                .append(quoted("Bearer " + token))
                .append(", [\"Content-Type\"] = \"application/json\"}\n")
                .append("local i = math.random(#calls)\n")
                .append("request = function()\n")
                .append("  i = i % #calls + 1\n")
                .append("  local c = calls[i]\n")
                .append("  return wrk.format(c[1], c[2], headers, c[3])\n")
                .append("end\n")
                .append(DONE);
        return lua.toString();
    }

    private String quoted(String text) throws IOException {
        // a JSON string is a valid Lua string literal for the ASCII text used here
        return json.writeValueAsString(text);
    }
}
