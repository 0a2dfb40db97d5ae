package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A warehouse in a temporary directory with an ingestor on a fixed clock, and ways to look at what it wrote. */
final class IngestFixture {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    static final ReferenceData REFERENCE = ReferenceData.load();

    static final List<String> LEDGER_HEADER = List.of(
            "隐患编号", "学校标识码", "学校名称", "检查日期", "检查方式", "检查人/督查组", "隐患类别", "隐患部位", "隐患描述", "隐患等级", "整改措施", "临时防范措施",
            "整改责任人", "整改期限", "整改状态", "整改完成日期", "销号日期");

    final Path directory;
    final Warehouse warehouse;
    final Ingestor ingestor;

    IngestFixture(Path directory) {
        this(directory, FirstRows::hash);
    }

    /** With {@code keyHash} finding candidate duplicate hazard ids, e.g. one that makes every id collide. */
    IngestFixture(Path directory, FirstRows.KeyHash keyHash) {
        this.directory = directory;
        this.warehouse = new Warehouse(directory.resolve("warehouse"));
        Clock clock = Clock.fixed(Instant.parse("2024-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        this.ingestor = new Ingestor(warehouse, REFERENCE, clock, keyHash);
    }

    /** Copies a fixture from {@code src/test/resources/ingest/} into the temporary directory. */
    Path resource(String name) {
        try (InputStream in = IngestFixture.class.getResourceAsStream("/ingest/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            Path target = directory.resolve("in").resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] content) {
        try {
            Path target = directory.resolve("in").resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IngestResult ingest(Dataset dataset, Path file) {
        return ingestor.ingest(IngestRequest.of(dataset, file), IngestProgress.silent());
    }

    IngestResult ingestRegister() {
        IngestResult result = ingest(Dataset.SCHOOLS, resource("schools.csv"));
        assertThat(result.accepted()).isEqualTo(3);
        return result;
    }

    /** A ledger CSV with the standard Chinese header and one row per map, each a valid row changed by the map. */
    @SafeVarargs
    final Path ledgerCsv(String name, Map<String, String>... changes) {
        var list = new ArrayList<Map<String, String>>();
        for (Map<String, String> change : changes) {
            list.add(change);
        }
        return ledgerCsv(name, list);
    }

    Path ledgerCsv(String name, List<Map<String, String>> changes) {
        var text = new StringBuilder(String.join(",", LEDGER_HEADER)).append('\n');
        int n = 0;
        for (Map<String, String> change : changes) {
            n++;
            Map<String, String> row = validRow("YH-" + n);
            row.putAll(change);
            var cells = new ArrayList<String>();
            for (String header : LEDGER_HEADER) {
                cells.add(quote(row.getOrDefault(header, "")));
            }
            text.append(String.join(",", cells)).append('\n');
        }
        return write(name, text.toString());
    }

    static Map<String, String> validRow(String hazardId) {
        var row = new LinkedHashMap<String, String>();
        row.put("隐患编号", hazardId);
        row.put("学校标识码", "1409020001");
        row.put("学校名称", "忻府区第一中学");
        row.put("检查日期", "2024-03-05");
        row.put("检查方式", "自查");
        row.put("检查人/督查组", "王明");
        row.put("隐患类别", "消防安全");
        row.put("隐患部位", "宿舍");
        row.put("隐患描述", "灭火器过期");
        row.put("隐患等级", "一般隐患");
        row.put("整改措施", "更换灭火器");
        row.put("临时防范措施", "");
        row.put("整改责任人", "张三");
        row.put("整改期限", "2024-03-20");
        row.put("整改状态", "已整改");
        row.put("整改完成日期", "2024-03-15");
        row.put("销号日期", "");
        return row;
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** Rows of a query over the warehouse, e.g. {@code SELECT * FROM ledger}; each dataset is a view. */
    List<Map<String, Object>> query(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            for (Dataset dataset : Dataset.values()) {
                Path raw = warehouse.raw(dataset);
                if (Files.isDirectory(raw) && hasBatch(raw)) {
                    statement.execute("CREATE VIEW " + dataset.directory() + " AS SELECT * FROM read_parquet('" + raw
                            + "/batch=*/*.parquet', hive_partitioning = false)");
                }
            }
            var rows = new ArrayList<Map<String, Object>>();
            try (ResultSet result = statement.executeQuery(sql)) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        if (value instanceof java.sql.Date date) {
                            value = date.toLocalDate();
                        }
                        row.put(meta.getColumnLabel(i), value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasBatch(Path raw) {
        try (var entries = Files.list(raw)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("batch="));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reject report of a result as rows keyed by its header. */
    static List<Map<String, String>> rejects(IngestResult result) {
        Optional<Path> file = result.rejectsFile();
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            byte[] bytes = Files.readAllBytes(file.get());
            assertThat(new int[] {bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF})
                    .containsExactly(0xEF, 0xBB, 0xBF);
            var source = new CsvSource(file.get());
            String[] header = source.next();
            var rows = new ArrayList<Map<String, String>>();
            String[] cells;
            while ((cells = source.next()) != null) {
                var row = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            source.close();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
