package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstRowsTest {
    @Test
    void remembersTheFirstRowOfEveryKeyAcrossGrowth() {
        var rows = new FirstRows();
        for (int row = 0; row < 100_000; row++) {
            assertThat(rows.putIfAbsent(FirstRows.hash("1409020" + (row % 97 + 100), "YH-" + row), row))
                    .isEqualTo(-1);
        }

        assertThat(rows.size()).isEqualTo(100_000);
        assertThat(rows.putIfAbsent(FirstRows.hash("1409020112", "YH-12"), 200_000))
                .isEqualTo(12);
        assertThat(rows.putIfAbsent(FirstRows.hash("1409020112", "YH-12"), 200_001))
                .isEqualTo(12);
    }

    @Test
    void keepsTheSameIdAtDifferentSchoolsApart() {
        var rows = new FirstRows();

        assertThat(rows.putIfAbsent(FirstRows.hash("1409020001", "YH-1"), 2)).isEqualTo(-1);
        assertThat(rows.putIfAbsent(FirstRows.hash("1409020002", "YH-1"), 3)).isEqualTo(-1);
        assertThat(rows.putIfAbsent(FirstRows.hash("1409020001YH-", "1"), 4)).isEqualTo(-1);
        assertThat(rows.putIfAbsent(FirstRows.hash("1409020001", null), 5)).isEqualTo(-1);
    }
}
