package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text that is not valid UTF-8 line by line: a line that is valid UTF-8 is read as UTF-8, any other as
 * GB18030 (the superset of GBK). A file saved as GBK decodes entirely as GB18030; a file pasted together from a
 * UTF-8 and a GBK export keeps both halves readable. Line breaks are the same bytes in both encodings, so a quoted
 * field spanning lines is unaffected.
 */
final class MixedEncodingReader extends Reader {
    /** Lines longer than this are decoded in pieces, cut before an ASCII byte so no character is split. */
    private static final int MAX_PIECE = 1 << 20;

    private final InputStream in;
    private final byte[] input = new byte[1 << 16];
    private int inputPosition;
    private int inputLimit;
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private final CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
    private final CharsetDecoder gb18030 = decoder(Charset.forName("GB18030"));
    private CharBuffer decoded = CharBuffer.allocate(0);
    private boolean ended;

    MixedEncodingReader(InputStream in) {
        this.in = in;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!decoded.hasRemaining()) {
            if (!nextPiece()) {
                return -1;
            }
        }
        int n = Math.min(length, decoded.remaining());
        decoded.get(target, offset, n);
        return n;
    }

    private boolean nextPiece() throws IOException {
        if (ended) {
            return false;
        }
        lineLength = 0;
        while (true) {
            if (inputPosition >= inputLimit) {
                inputLimit = in.read(input);
                inputPosition = 0;
                if (inputLimit <= 0) {
                    ended = true;
                    inputLimit = 0;
                    break;
                }
            }
            byte b = input[inputPosition++];
            append(b);
            if (b == '\n' || (lineLength >= MAX_PIECE && b >= 0 && b != '\r')) {
                break;
            }
        }
        if (lineLength == 0) {
            return false;
        }
        CharsetDecoder decoder = FileProbe.isUtf8(line, lineLength) ? utf8 : gb18030;
        decoded = decoder.decode(ByteBuffer.wrap(line, 0, lineLength));
        return true;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
