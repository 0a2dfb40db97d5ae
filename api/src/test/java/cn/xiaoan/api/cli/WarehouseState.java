package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Quarantine;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the multi-process tests compare: the committed batches and the published model's table contents. */
final class WarehouseState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WarehouseState() {}

    /** A committed batch as its manifest says, and the rows its Parquet parts really hold. */
    record Batch(long id, String dataset, String sha256, long accepted, long rowsInParts) {}

    static List<Batch> batches(Warehouse warehouse) throws Exception {
        var batches = new ArrayList<Batch>();
        Path manifests = warehouse.manifestDirectory();
        if (!Files.isDirectory(manifests)) {
            return batches;
        }
        try (Stream<Path> files = Files.list(manifests);
                Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            for (Path file : files.sorted().toList()) {
                JsonNode manifest = JSON.readTree(file.toFile());
                long id = manifest.get("batch_id").asLong();
                String dataset = manifest.get("dataset").asText();
                Path raw = warehouse.root().resolve("raw").resolve(dataset).resolve("batch=" + Warehouse.batchName(id));
                long rows;
                try (ResultSet result = statement.executeQuery(
                        "SELECT count(*) FROM read_parquet('" + raw + "/*.parquet', hive_partitioning = false)")) {
                    result.next();
                    rows = result.getLong(1);
                }
                batches.add(new Batch(
                        id,
                        dataset,
                        manifest.get("sha256").asText(),
                        manifest.get("rows_accepted").asLong(),
                        rows));
            }
        }
        return batches;
    }

    /** Every file committed once, ids unique, every accepted row in the parts exactly once. */
    static void assertEveryRowOnce(Warehouse warehouse, int expectedBatches) throws Exception {
        List<Batch> batches = batches(warehouse);
        assertThat(batches).hasSize(expectedBatches);
        assertThat(new HashSet<>(batches.stream().map(Batch::id).toList())).hasSize(expectedBatches);
        assertThat(new HashSet<>(
                        batches.stream().map(b -> b.dataset() + b.sha256()).toList()))
                .as("each file committed once")
                .hasSize(expectedBatches);
        for (Batch batch : batches) {
            assertThat(batch.rowsInParts()).as("rows of batch %d", batch.id()).isEqualTo(batch.accepted());
        }
    }

    /**
     * The published model's tables, each as a digest of its sorted rows; batch ids are left out because the order in
     * which concurrent writers commit numbers the batches differently, and ingest times (hazard_history) because no two
     * runs ingest at the same instant, while the contents must not differ.
     */
    static Map<String, String> model(Warehouse warehouse) throws Exception {
        long version =
                Long.parseLong(Files.readString(warehouse.currentModelPointer()).strip());
        Path directory = warehouse.model(version);
        var tables = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(directory);
                Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet"))
                    .sorted()
                    .toList()) {
                assertThat(Quarantine.parquetProblem(file))
                        .as("%s is whole", file)
                        .isNull();
                var columns = new ArrayList<String>();
                try (ResultSet described = statement.executeQuery(
                        "DESCRIBE SELECT * FROM read_parquet('" + file + "', hive_partitioning = false)")) {
                    while (described.next()) {
                        String column = described.getString(1);
                        if (!column.contains("batch_id") && !column.equals("ingested_at")) {
                            columns.add('"' + column + '"');
                        }
                    }
                }
                try (ResultSet digest =
                        statement.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::VARCHAR,"
                                + " chr(10) ORDER BY t::VARCHAR), '')) FROM (SELECT " + String.join(", ", columns)
                                + " FROM read_parquet('" + file + "', hive_partitioning = false)) t")) {
                    digest.next();
                    tables.put(file.getFileName().toString(), digest.getString(1));
                }
            }
        }
        return tables;
    }

    /** Names of files and directories an interrupted writer leaves, which the next writer must have removed. */
    static List<Path> leftovers(Warehouse warehouse) throws IOException {
        var found = new ArrayList<Path>();
        try (Stream<Path> paths = Files.walk(warehouse.root())) {
            paths.filter(path -> {
                        String name = path.getFileName().toString();
                        return !path.startsWith(warehouse.root().resolve("quarantine"))
                                && !path.startsWith(warehouse.root().resolve("logs"))
                                && name.startsWith(".")
                                && !name.equals(".lock")
                                && !name.equals(".lock.holder");
                    })
                    .forEach(found::add);
        }
        for (cn.xiaoan.domain.Dataset dataset : cn.xiaoan.domain.Dataset.values()) {
            Path raw = warehouse.raw(dataset);
            if (Files.isDirectory(raw)) {
                try (Stream<Path> batches = Files.list(raw)) {
                    batches.filter(batch -> !Files.exists(warehouse.manifest(Long.parseLong(
                                    batch.getFileName().toString().replaceAll("\\D", "")))))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }
}
