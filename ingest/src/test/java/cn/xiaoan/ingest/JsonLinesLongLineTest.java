package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON Lines line over 1 MiB is one rejected row read through a bounded buffer; the lines after it still load. */
class JsonLinesLongLineTest {
    private static final int FIVE_MIB = 5 << 20;

    @TempDir
    Path temp;

    private static String line(String id) {
        return "{\"隐患编号\":\"" + id + "\",\"学校标识码\":\"1409020001\",\"学校名称\":\"忻府区第一中学\",\"检查日期\":\"2024-03-05\","
                + "\"隐患类别\":\"消防安全\",\"隐患描述\":\"灭火器过期\",\"隐患等级\":\"一般隐患\",\"整改责任人\":\"张三\","
                + "\"整改状态\":\"整改中\"}\n";
    }

    @Test
    void aFiveMebibyteLineIsOneRejectedRowAndTheRowsAfterItLoad() throws IOException {
        var fixture = new IngestFixture(temp);
        fixture.ingestRegister();
        Path file = temp.resolve("in").resolve("ledger.jsonl");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(line("YH-1").getBytes(StandardCharsets.UTF_8));
            out.write("{\"隐患编号\":\"YH-2\",\"隐患描述\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = "隐患".repeat(1024).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < FIVE_MIB; written += block.length) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(line("YH-3").getBytes(StandardCharsets.UTF_8));
            out.write(line("YH-4").getBytes(StandardCharsets.UTF_8));
        }
        Runtime runtime = Runtime.getRuntime();

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.read()).isEqualTo(4);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(1);
        List<Map<String, String>> rejects = IngestFixture.rejects(result);
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.get("file")).isEqualTo("ledger.jsonl");
            assertThat(reject.get("row")).isEqualTo("2");
            assertThat(reject.get("reason_en")).contains("line 2 has").contains("more than the 1048576 (1 MiB)");
            assertThat(reject.get("reason_zh")).contains("超过每行上限");
        });
        assertThat(fixture.query("SELECT hazard_id FROM ledger ORDER BY hazard_id"))
                .extracting(row -> row.get("hazard_id"))
                .containsExactly("YH-1", "YH-3", "YH-4");
        assertThat(runtime.maxMemory()).isPositive();
    }

    @Test
    void linesEndAtNewlineCarriageReturnOrBothAndTheCapDropsOnlyTheLongLine() throws IOException {
        var reader = new BoundedLineReader(new StringReader("ab\r\ncd\ref\n" + "x".repeat(10) + "\nlast"), 5);

        assertThat(reader.readLine()).isEqualTo("ab");
        assertThat(reader.readLine()).isEqualTo("cd");
        assertThat(reader.readLine()).isEqualTo("ef");
        assertThat(reader.readLine()).isEmpty();
        assertThat(reader.tooLong()).isTrue();
        assertThat(reader.length()).isEqualTo(10);
        assertThat(reader.readLine()).isEqualTo("last");
        assertThat(reader.tooLong()).isFalse();
        assertThat(reader.readLine()).isNull();
    }
}
