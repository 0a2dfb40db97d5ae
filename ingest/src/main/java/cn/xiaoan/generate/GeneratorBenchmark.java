package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolRegister;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Times the generator writing CSV (ledger snapshots and every other return) and, as a baseline, DuckDB writing the
 * same number of rows of a similar ledger-like shape with {@code COPY (SELECT … FROM range(n)) TO '….csv'}. Removes
 * what it wrote when done.
 */
public final class GeneratorBenchmark {
    private static final long SEED = 20_241_231L;

    private final ReferenceData reference;

    public GeneratorBenchmark(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    public GeneratorBenchmarkResult run(Path workDirectory, long hazards) throws IOException {
        requireNonNull(workDirectory, "workDirectory");
        if (hazards < 1) {
            throw new IllegalArgumentException(
                    "Cannot benchmark the generator: hazards must be positive, got " + hazards);
        }
        Path generated = workDirectory.resolve("generator-benchmark");
        int schools = SchoolRegister.loadDemo(reference).size();
        var options = new GeneratorOptions(generated, schools, hazards, SEED, EnumSet.of(OutputFormat.CSV));
        GenerationSummary summary = new Generator(reference).generate(options, GeneratorProgress.silent());
        long rows = summary.totalRows();
        try {
            Path baseline = workDirectory.resolve("duckdb-baseline.csv");
            try {
                long started = System.nanoTime();
                int threads = copyWithDuckDb(baseline, rows);
                Duration duckdb = Duration.ofNanos(System.nanoTime() - started);
                return new GeneratorBenchmarkResult(hazards, rows, summary.elapsed(), rows, duckdb, threads);
            } finally {
                Files.deleteIfExists(baseline);
            }
        } finally {
            for (GeneratedFile file : summary.files()) {
                Files.deleteIfExists(file.path());
            }
            Files.deleteIfExists(generated.resolve(Generator.MANIFEST));
            try {
                Files.deleteIfExists(generated);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // Someone else's files are there too: leave the directory.
            }
        }
    }

    /** Writes {@code rows} ledger-like rows (18 columns: text, codes, dates, empty cells) and returns the threads. */
    private static int copyWithDuckDb(Path target, long rows) throws IOException {
        String sql = "COPY (SELECT"
                + " 'YH-' || CAST(1090200001 + i % 900 AS VARCHAR) || '-' || lpad(CAST(i // 900 AS VARCHAR), 5, '0')"
                + " AS hazard_id,"
                + " CAST(1090200001 + i % 900 AS VARCHAR) AS school_code,"
                + " '忻府区第' || CAST(i % 900 AS VARCHAR) || '小学' AS school_name,"
                + " DATE '2023-01-01' + CAST(i % 1400 AS INTEGER) AS found_date,"
                + " ['自查', '督查', '交叉互查', '联合检查'][1 + i % 4] AS inspection_type,"
                + " ['督查一组', '督查二组', '王建华', '李丽'][1 + (i // 3) % 4] AS inspector,"
                + " ['消防安全', '用电用气安全', '交通与校车安全', '食品与饮用水安全', '校舍与建筑安全'][1 + i % 5] AS category,"
                + " ['学生宿舍', '食堂', '教学楼', '实验室'][1 + (i // 5) % 4] AS location,"
                + " ['灭火器过期未更换', '疏散通道堆放杂物', '宿舍内使用大功率电器', '电线老化破损', '食堂从业人员健康证过期'][1 + (i * 7) % 5]"
                + " AS description,"
                + " CASE WHEN i % 20 = 0 THEN '重大事故隐患' ELSE '一般隐患' END AS severity,"
                + " ['更换过期灭火器并建立月度检查记录', '清理疏散通道杂物，保持通道畅通', '收缴违规电器，开展宿舍用电专项检查'][1 + i % 3]"
                + " AS measures,"
                + " CASE WHEN i % 4 = 0 THEN '设置警戒线并安排专人值守' END AS temporary_measures,"
                + " ['王建华', '李丽', '张伟', '刘芳'][1 + (i // 7) % 4] AS responsible_person,"
                + " DATE '2023-01-01' + CAST(i % 1400 + 30 AS INTEGER) AS deadline,"
                + " ['未整改', '整改中', '已整改', '已销号'][1 + i % 4] AS status,"
                + " CASE WHEN i % 4 >= 2 THEN DATE '2023-01-01' + CAST(i % 1400 + 20 AS INTEGER) END"
                + " AS rectified_date,"
                + " CASE WHEN i % 4 = 3 THEN DATE '2023-01-01' + CAST(i % 1400 + 25 AS INTEGER) END AS closed_date,"
                + " CASE WHEN i % 40 = 0 THEN '教育系统重大事故隐患判定指南（2024）' END AS basis"
                + " FROM range(" + rows + ") t(i)) TO '"
                + target.toAbsolutePath().toString().replace("'", "''")
                + "' (FORMAT csv, HEADER true)";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            try (ResultSet threads = statement.executeQuery("SELECT current_setting('threads')")) {
                threads.next();
                return threads.getInt(1);
            }
        } catch (SQLException e) {
            throw new IOException("Cannot run the DuckDB baseline into " + target + ": " + e.getMessage(), e);
        }
    }
}
