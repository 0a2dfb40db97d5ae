package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
    /** Spaces Text.clean strips, CJK, ASCII, a supplementary character and separators. */
    private static final String[] PIECES = {
        " ", "\t", "\u3000", "\u00A0", "\uFEFF", "消防", "a", "𠀀", ",", "\"", "\n", "é"
    };

    @Test
    void trimsBytesExactlyAsTextCleanTrimsTheirText() {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            var text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
            int from = 1;
            int to = bytes.length - 1;

            int start = Utf8.trimStart(bytes, from, to);
            int end = Utf8.trimEnd(bytes, start, to);

            String cleaned = Text.clean(text.toString());
            String trimmed = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            assertThat(start == end ? null : trimmed).as("\"%s\"", text).isEqualTo(cleaned);
        }
    }

    @Test
    void acceptsExactlyWhatTheJdksStrictDecoderAccepts() {
        var random = new Random(11);
        byte[] interesting = {
            0x41,
            (byte) 0x80,
            (byte) 0xBF,
            (byte) 0xC0,
            (byte) 0xC2,
            (byte) 0xDF,
            (byte) 0xE0,
            (byte) 0xE4,
            (byte) 0xED,
            (byte) 0xEF,
            (byte) 0xF0,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0xA0,
            (byte) 0x9F,
            (byte) 0x90
        };
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(7)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = interesting[random.nextInt(interesting.length)];
            }

            assertThat(Utf8.isValid(bytes, 0, bytes.length))
                    .as("%s", java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(strictlyDecodes(bytes));
        }
    }

    @Test
    void decodesValidBytesAsTheJdkDoes() {
        String text = "隐患 a é 𠀀 \u3000 end";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[bytes.length];

        int length = Utf8.decodeValid(bytes, 0, bytes.length, chars);

        assertThat(new String(chars, 0, length)).isEqualTo(text);
    }

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
