package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSourceTest {
    private static final String READER_THREAD = "xiaoan-csv-reader";

    @Test
    void readsEveryRecordAcrossBlocksWithItsRowNumberWhateverItsSize() throws IOException {
        // Record 1,500 is bigger than a block: a quoted field with a comma and a line break, twelve wide fields, and
        // one past the cell limit, which is kept up to one character more than the limit.
        String quoted = "长".repeat(30_000) + ",\n\"" + "x".repeat(300);
        String wide = "宽".repeat(30_000);
        String tooLong = "超".repeat(40_000);
        var csv = new StringBuilder("编号,描述\n");
        for (int i = 1; i <= 3_000; i++) {
            csv.append("YH-").append(i).append(',');
            if (i == 1_500) {
                csv.append('"').append(quoted.replace("\"", "\"\"")).append('"');
                csv.append((',' + wide).repeat(12)).append(',').append(tooLong);
            } else {
                csv.append("第").append(i).append("条");
            }
            csv.append(i % 2 == 0 ? "\r\n" : "\n");
        }

        List<String> seen = new ArrayList<>();
        try (var source = new CsvSource(utf8(csv.toString()), CsvSource.GB18030)) {
            assertThat(source.next()).containsExactly("编号", "描述");
            Cells cells;
            while ((cells = source.nextCells()) != null) {
                int record = source.rowNumber() - 1;
                assertThat(cells.get(0)).isEqualTo("YH-" + record);
                if (record == 1_500) {
                    assertThat(cells.size()).isEqualTo(15);
                    assertThat(cells.get(1)).isEqualTo(quoted);
                    assertThat(cells.mayNeedQuotes(1))
                            .as("a quoted comma and line break")
                            .isTrue();
                    assertThat(cells.get(13)).isEqualTo(wide);
                    assertThat(cells.get(14)).hasSize(Text.MAX_CELL_LENGTH + 1);
                    assertThat(cells.longerThan(14, Text.MAX_CELL_LENGTH)).isTrue();
                } else {
                    assertThat(cells.size()).isEqualTo(2);
                    assertThat(cells.get(1)).isEqualTo("第" + record + "条");
                    assertThat(cells.mayNeedQuotes(1)).isFalse();
                }
                seen.add(cells.get(0));
            }
        }
        assertThat(seen).hasSize(3_000).startsWith("YH-1").endsWith("YH-3000");
    }

    @Test
    void readsARecordThatIsNotUtf8InTheFallbackCharsetAmongUtf8Ones() throws IOException {
        byte[] gbk = "2,消防\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        InputStream in = new SequenceInputStream(
                new SequenceInputStream(utf8("1,电气\n"), new ByteArrayInputStream(gbk)), utf8("3,校舍\n"));

        try (var source = new CsvSource(in, CsvSource.GB18030)) {
            assertThat(source.next()).containsExactly("1", "电气");
            Cells second = source.nextCells();
            assertThat(second.utf8()).as("read as text, not bytes").isNull();
            assertThat(second.toArray()).containsExactly("2", "消防");
            assertThat(source.rowNumber()).isEqualTo(2);
            assertThat(source.next()).containsExactly("3", "校舍");
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void handsOverTheRecordsBeforeAReadFailureThenTheFailure() throws IOException {
        var records = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            records.append(i).append(",隐患\n");
        }
        InputStream failing = new SequenceInputStream(utf8(records.toString()), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        });

        try (var source = new CsvSource(failing, CsvSource.GB18030)) {
            int read = 0;
            IOException failure = null;
            try {
                while (source.next() != null) {
                    read++;
                }
            } catch (IOException e) {
                failure = e;
            }
            assertThat(read).isEqualTo(5_000);
            assertThat(failure).hasMessageContaining("disk gone");
            assertThatThrownBy(source::next).as("and again on the next call").hasMessageContaining("disk gone");
        }
    }

    @Test
    void stopsItsReadingThreadWhenClosedBeforeTheEnd() throws Exception {
        long before = readerThreads();
        var records = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            records.append(i).append(",隐患描述\n");
        }

        try (var source = new CsvSource(utf8(records.toString()), CsvSource.GB18030)) {
            assertThat(source.next()).containsExactly("0", "隐患描述");
        }

        assertThat(readerThreads()).isEqualTo(before);
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(READER_THREAD) && thread.isAlive())
                .count();
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
