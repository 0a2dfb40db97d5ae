package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRowsTest {
    @TempDir
    Path temp;

    @Test
    void remembersTheFirstRowOfEveryKeyAcrossGrowthAndLogFlushes() {
        try (var rows = new FirstRows(temp.resolve("ids"))) {
            for (int row = 0; row < 100_000; row++) {
                assertThat(rows.putIfAbsent("1409020" + (row % 97 + 100), "YH-" + row, row))
                        .isEqualTo(-1);
            }

            assertThat(rows.size()).isEqualTo(100_000);
            assertThat(rows.putIfAbsent("1409020112", "YH-12", 200_000)).isEqualTo(12);
            assertThat(rows.putIfAbsent("1409020112", "YH-12", 200_001)).isEqualTo(12);
            assertThat(rows.putIfAbsent("1409020189", "YH-99999", 200_002)).isEqualTo(99_999);
        }
        assertThat(temp.resolve("ids")).doesNotExist();
    }

    @Test
    void keepsTheSameIdAtDifferentSchoolsApart() {
        try (var rows = new FirstRows(temp.resolve("ids"))) {
            assertThat(rows.putIfAbsent("1409020001", "YH-1", 2)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("1409020002", "YH-1", 3)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("1409020001YH-", "1", 4)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("1409020001", null, 5)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("1409020001", "", 6)).isEqualTo(-1);
        }
    }

    @Test
    void comparesTheKeysThemselvesWhenEveryHashIsTheSame() {
        try (var rows = new FirstRows(temp.resolve("ids"), (first, second) -> 0L, 256)) {
            for (int row = 0; row < 600; row++) {
                assertThat(rows.putIfAbsent("S", "YH-" + row, row)).isEqualTo(-1);
            }
            assertThat(rows.putIfAbsent("S", "YH-7", 30_000))
                    .as("logged to the file")
                    .isEqualTo(7);
            assertThat(rows.putIfAbsent("S", "YH-599", 30_001))
                    .as("still buffered")
                    .isEqualTo(599);
            assertThat(rows.putIfAbsent("S", "YH-600", 30_002)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("S", null, 30_003)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("S", null, 30_004)).isEqualTo(30_003);
        }
    }

    @Test
    void keepsKeysLongerThanTheLogBuffer() {
        String longId = "Y".repeat(600);
        try (var rows = new FirstRows(temp.resolve("ids"), (first, second) -> 1L, 256)) {
            assertThat(rows.putIfAbsent("S", longId, 2)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("S", longId + "Z", 3)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("S", "short", 4)).isEqualTo(-1);
            assertThat(rows.putIfAbsent("S", longId, 5)).isEqualTo(2);
            assertThat(rows.putIfAbsent("S", longId + "Z", 6)).isEqualTo(3);
        }
    }
}
