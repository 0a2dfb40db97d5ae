package cn.xiaoan.ingest;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;

/**
 * Measures CSV ledger ingest against DuckDB's own CSV → Parquet conversion of the same file, in one run. The work
 * directory gets a fresh warehouse with a register made of the ledger's school codes, so rows are not rejected for
 * unknown schools.
 */
public final class IngestBenchmark {
    private final ReferenceData reference;

    public IngestBenchmark(ReferenceData reference) {
        this.reference = reference;
    }

    public IngestBenchmarkResult run(Path workDirectory, Path ledgerCsv) {
        try {
            Files.createDirectories(workDirectory);
            Path warehouseRoot = Files.createTempDirectory(workDirectory, "bench-warehouse-");
            var warehouse = new Warehouse(warehouseRoot);
            var ingestor = new Ingestor(warehouse, reference);
            Path register = workDirectory.resolve("bench-register.csv");
            writeRegister(ledgerCsv, register);
            ingestor.ingest(IngestRequest.of(Dataset.SCHOOLS, register), IngestProgress.silent());

            Path baseline = workDirectory.resolve("bench-baseline.parquet");
            Files.deleteIfExists(baseline);
            long start = System.nanoTime();
            duckDbCopy(ledgerCsv, baseline);
            Duration duckDb = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            IngestResult result = ingestor.ingest(IngestRequest.of(Dataset.LEDGER, ledgerCsv), IngestProgress.silent());
            Duration ingest = Duration.ofNanos(System.nanoTime() - start);

            Files.deleteIfExists(baseline);
            Batches.deleteRecursively(warehouseRoot);
            return new IngestBenchmarkResult(result.read(), result.accepted(), ingest, duckDb);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the ingest benchmark: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run the ingest benchmark: DuckDB failed: " + e.getMessage(), e);
        }
    }

    private static void duckDbCopy(Path csv, Path parquet) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + BatchWriter.sqlString(csv.toString()) + "')) TO '"
                    + BatchWriter.sqlString(parquet.toString()) + "' (FORMAT parquet)");
        }
    }

    /** A register listing every school code of the ledger (header 学校标识码 or school_code). */
    private static void writeRegister(Path ledgerCsv, Path register) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            String source = "read_csv('" + BatchWriter.sqlString(ledgerCsv.toString()) + "', all_varchar = true)";
            String target = BatchWriter.sqlString(register.toString());
            String select = "SELECT DISTINCT %s AS \"学校标识码\", '学校' || %s AS \"学校名称\", '140902' AS \"行政区划代码\","
                    + " '小学' AS \"学校类型\", '否' AS \"是否寄宿制\", 100 AS \"在校生数\" FROM " + source;
            try {
                statement.execute("COPY (" + select.replace("%s", "\"学校标识码\"") + ") TO '" + target + "' (HEADER)");
            } catch (SQLException e) {
                statement.execute("COPY (" + select.replace("%s", "school_code") + ") TO '" + target + "' (HEADER)");
            }
        }
    }

    /** Writes a plausible ledger CSV (Chinese headers, valid rows over 2,000 schools) for a quick measurement. */
    public static Path writeSampleLedger(Path file, int rows) {
        String[] categories = {"消防安全", "用电用气安全", "交通与校车安全", "食品与饮用水安全", "校舍与建筑安全", "治安防控", "设施设备"};
        String[] locations = {"宿舍", "食堂", "实验室", "教学楼", "操场", "校门口", "配电室"};
        String[] descriptions = {"灭火器过期未更换", "疏散通道堆放杂物", "电线私拉乱接", "食堂从业人员健康证过期", "围墙局部开裂", "一键报警装置故障", "楼梯扶手松动"};
        String[] types = {"自查", "督查", "交叉互查", "联合检查"};
        var random = new Random(42);
        LocalDate base = LocalDate.of(2024, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,整改责任人,整改期限,"
                    + "整改状态,整改完成日期,销号日期\n");
            var line = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                int school = random.nextInt(2000);
                LocalDate found = base.plusDays(random.nextInt(700));
                boolean major = random.nextInt(20) == 0;
                int state = random.nextInt(4);
                line.setLength(0);
                line.append("YH-").append(i).append(',');
                line.append(1409020000L + school).append(',');
                line.append("第").append(school).append("学校,");
                line.append(found).append(',');
                line.append(types[random.nextInt(types.length)]).append(",第一督查组,");
                line.append(categories[random.nextInt(categories.length)]).append(',');
                line.append(locations[random.nextInt(locations.length)]).append(',');
                line.append(descriptions[random.nextInt(descriptions.length)]).append(',');
                line.append(major ? "重大事故隐患" : "一般隐患").append(",立即整改,");
                line.append(major ? "设置警戒区域" : "").append(",张老师,");
                line.append(found.plusDays(30)).append(',');
                switch (state) {
                    case 0 -> line.append("未整改,,");
                    case 1 -> line.append("整改中,,");
                    case 2 -> line.append("已整改,").append(found.plusDays(10)).append(',');
                    default ->
                        line.append("已销号,")
                                .append(found.plusDays(10))
                                .append(',')
                                .append(found.plusDays(12));
                }
                line.append('\n');
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sample ledger " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
