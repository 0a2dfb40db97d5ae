package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchWriterTest {
    private static final int REPORT_DAY = (int) LocalDate.of(2024, 6, 1).toEpochDay();

    @TempDir
    Path staging;

    @Test
    void writesEveryRowOnceAcrossGrowingPartsConvertedWhileTheNextIsWritten() throws Exception {
        try (var writer = new BatchWriter(
                staging, "name VARCHAR, found DATE, note VARCHAR", 7, REPORT_DAY, 2, 4, () -> Double.NaN)) {
            var batch = new RowBatch(2);
            for (int row = 2; row < 12; row++) {
                batch.text("学校" + row);
                batch.date(REPORT_DAY - row);
                batch.text(row % 2 == 0 ? null : "含\u001F分隔符");
                batch.endRow(row, null);
                if (batch.isFull()) {
                    writer.write(batch);
                    batch.clear();
                }
            }
            writer.finish();
        }

        assertThat(partFiles())
                .as("parts of 2, 4 and 4 rows")
                .containsExactly("part-0.parquet", "part-1.parquet", "part-2.parquet");
        List<String> rows =
                query("SELECT source_row || '|' || name || '|' || found || '|' || coalesce(note, 'NULL') || '|'"
                        + " || batch_id || '|' || report_date FROM read_parquet('" + staging.resolve("part-*.parquet")
                        + "') ORDER BY source_row");
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).isEqualTo("2|学校2|2024-05-30|NULL|7|2024-06-01");
        assertThat(rows.get(9)).isEqualTo("11|学校11|2024-05-21|含\u001F分隔符|7|2024-06-01");
    }

    @Test
    void shrinksThePartsAsTheEndOfTheSourceNearsSoLittleIsLeftToConvertWhenReadingEnds() throws Exception {
        int total = 40;
        int[] written = {0};
        try (var writer =
                new BatchWriter(staging, "name VARCHAR", 1, REPORT_DAY, 4, 16, () -> (double) written[0] / total)) {
            var batch = new RowBatch(1);
            for (int row = 0; row < total; row++) {
                batch.text("学校" + row);
                batch.endRow(row, null);
                written[0]++;
                writer.write(batch);
                batch.clear();
            }
            writer.finish();
        }

        List<Integer> sizes = new ArrayList<>();
        for (String part : partFiles()) {
            sizes.add(Integer.parseInt(query("SELECT count(*) FROM '" + staging.resolve(part) + "'")
                    .get(0)));
        }
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        int largest = sizes.indexOf(sizes.stream().max(Integer::compare).orElseThrow());
        assertThat(sizes.get(0)).as("the first part, %s", sizes).isEqualTo(4);
        assertThat(sizes.get(largest))
                .as("doubling up to the maximum, %s", sizes)
                .isBetween(8, 16);
        assertThat(sizes.subList(largest, sizes.size()))
                .as("then shrinking to the end, %s", sizes)
                .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(sizes.get(sizes.size() - 1)).as("the last part, %s", sizes).isLessThanOrEqualTo(2);
    }

    @Test
    void keepsEveryTextExactlyWhetherWrittenBareOrQuoted() throws Exception {
        List<String> texts =
                List.of("", " 前后空格 ", "逗号,分隔", "引号\"内\"", "换行\n和\r回车", "\"", "NULL", "𠀀扩展字", "x".repeat(30_000));
        try (var writer = new BatchWriter(staging, "note VARCHAR", 1, REPORT_DAY, () -> Double.NaN)) {
            var batch = new RowBatch();
            for (int row = 0; row < texts.size(); row++) {
                batch.text(texts.get(row));
                batch.endRow(row, null);
            }
            batch.text(null);
            batch.endRow(texts.size(), null);
            writer.write(batch);
            writer.finish();
        }

        List<String> stored = query("SELECT coalesce(note, '<null>') FROM read_parquet('"
                + staging.resolve("part-*.parquet") + "') ORDER BY source_row");
        var expected = new java.util.ArrayList<>(texts);
        expected.add("<null>");
        assertThat(stored).containsExactlyElementsOf(expected);
    }

    @Test
    void writesOneEmptyPartWithTheSchemaWhenNoRowIsAccepted() throws Exception {
        try (var writer = new BatchWriter(staging, "name VARCHAR", 1, REPORT_DAY, 2, 4, () -> Double.NaN)) {
            writer.finish();
        }

        assertThat(partFiles()).containsExactly("part-0.parquet");
        assertThat(query(
                        "SELECT count(*) || ' ' || string_agg(column_name, ',' ORDER BY column_name) FROM (DESCRIBE SELECT * FROM '"
                                + staging.resolve("part-0.parquet") + "')"))
                .containsExactly("5 batch_id,extra,name,report_date,source_row");
    }

    private List<String> partFiles() throws Exception {
        try (Stream<Path> files = Files.list(staging)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".parquet"))
                    .sorted(java.util.Comparator.comparingInt(name -> Integer.parseInt(name.replaceAll("\\D", ""))))
                    .toList();
        }
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            var rows = new ArrayList<String>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
