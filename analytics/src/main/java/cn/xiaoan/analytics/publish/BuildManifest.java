package cn.xiaoan.analytics.publish;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.domain.DurableFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code build.json} beside a model version's tables: what it was built from and how many rows each table has. */
public record BuildManifest(ModelVersion version, String engine, Map<String, Long> rowCounts) {
    public static final String FILE_NAME = "build.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BuildManifest {
        requireNonNull(version, "version");
        requireNonNull(engine, "engine");
        rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version.version());
        var batches = root.putArray("batchIds");
        version.batchIds().forEach(batches::add);
        root.put("builtAt", version.builtAt().toString());
        root.put("engine", engine);
        version.knowledge().knownAt().ifPresent(at -> root.put("knownAt", at.toString()));
        version.knowledge().reportedBy().ifPresent(date -> root.put("reportedBy", date.toString()));
        var counts = root.putObject("rowCounts");
        rowCounts.forEach(counts::put);
        try {
            DurableFiles.replace(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static BuildManifest read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            var batchIds = new ArrayList<Long>();
            root.path("batchIds").forEach(id -> batchIds.add(id.asLong()));
            var rowCounts = new LinkedHashMap<String, Long>();
            root.path("rowCounts")
                    .fields()
                    .forEachRemaining(
                            e -> rowCounts.put(e.getKey(), e.getValue().asLong()));
            var version = new ModelVersion(
                    root.path("version").asLong(),
                    batchIds,
                    Instant.parse(root.path("builtAt").asText()),
                    new Knowledge(
                            Optional.ofNullable(root.get("knownAt")).map(at -> Instant.parse(at.asText())),
                            Optional.ofNullable(root.get("reportedBy")).map(date -> LocalDate.parse(date.asText()))));
            return new BuildManifest(version, root.path("engine").asText("duckdb"), rowCounts);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot read model manifest " + file + ": " + e.getMessage()
                            + "; rebuild the model with bin/xiaoan build",
                    e);
        }
    }
}
