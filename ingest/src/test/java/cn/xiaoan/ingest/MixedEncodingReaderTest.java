package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MixedEncodingReaderTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void readsUtf8AndGbkLinesEachInTheirOwnEncodingAcrossBlocks() throws IOException {
        var expected = new StringBuilder();
        var bytes = new ByteArrayOutputStream();
        for (int line = 0; line < 20_000; line++) {
            String text = "第" + line + "行,消防安全,灭火器过期\r\n";
            expected.append(text);
            bytes.write(text.getBytes(line % 7_000 == 6_999 ? GBK : StandardCharsets.UTF_8));
        }

        assertThat(readAll(bytes.toByteArray())).isEqualTo(expected.toString());
    }

    @Test
    void readsALineLongerThanABlockAndALastLineWithoutBreak() throws IOException {
        String longLine = "隐患".repeat(100_000) + "\n";
        String last = "末行没有换行";
        byte[] utf8 = (longLine + last).getBytes(StandardCharsets.UTF_8);

        assertThat(readAll(utf8)).isEqualTo(longLine + last);
        assertThat(readAll(last.getBytes(GBK))).isEqualTo(last);
    }

    @Test
    void replacesBytesThatAreNeitherEncodingWithoutLosingTheLine() throws IOException {
        byte[] bytes = {'a', ',', (byte) 0xFF, ',', 'b', '\n', 'c', '\n'};

        assertThat(readAll(bytes)).startsWith("a,").endsWith(",b\nc\n");
    }

    private static String readAll(byte[] bytes) throws IOException {
        try (Reader reader = new MixedEncodingReader(new ByteArrayInputStream(bytes))) {
            var text = new StringBuilder();
            char[] buffer = new char[777];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
