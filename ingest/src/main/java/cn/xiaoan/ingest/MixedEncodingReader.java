package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a text file that may be UTF-8, GBK/GB18030 or both pasted together: every line that is valid UTF-8 is
 * read as UTF-8, any other as GB18030 (the superset of GBK). A file saved as GBK decodes entirely as GB18030; a file
 * pasted together from a UTF-8 and a GBK export keeps both halves readable. Line breaks are the same bytes in both
 * encodings, so a quoted field spanning lines is unaffected.
 *
 * <p>Why blocks: the file is taken a block of whole lines at a time and decoded strictly as UTF-8, which is the
 * check and the decoding in one pass; only a block that fails is decoded again line by line. So a UTF-8 file costs
 * one decoding and no separate validation pass.
 */
final class MixedEncodingReader extends Reader {
    private static final int BLOCK = 1 << 16;
    /** A line longer than this is decoded in pieces, cut after an ASCII byte. */
    private static final int MAX_PIECE = 1 << 20;

    private final InputStream in;
    private byte[] input = new byte[BLOCK];
    private int inputLimit;
    private boolean ended;
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharsetDecoder gb18030 = Charset.forName("GB18030")
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private CharBuffer decoded = CharBuffer.allocate(BLOCK);

    MixedEncodingReader(InputStream in) {
        this.in = in;
        decoded.limit(0);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!decoded.hasRemaining()) {
            if (!nextBlock()) {
                return -1;
            }
        }
        int n = Math.min(length, decoded.remaining());
        decoded.get(target, offset, n);
        return n;
    }

    /** Decodes the next run of whole lines (or the rest of the file); false at the end. */
    private boolean nextBlock() throws IOException {
        int end = fillToLineEnd();
        if (end == 0) {
            return false;
        }
        decoded.clear();
        if (decoded.capacity() < end) {
            decoded = CharBuffer.allocate(end);
        }
        strictUtf8.reset();
        ByteBuffer bytes = ByteBuffer.wrap(input, 0, end);
        if (!strictUtf8.decode(bytes, decoded, true).isUnderflow()
                || !strictUtf8.flush(decoded).isUnderflow()) {
            decoded.clear();
            decodeLineByLine(end);
        }
        decoded.flip();
        System.arraycopy(input, end, input, 0, inputLimit - end);
        inputLimit -= end;
        return true;
    }

    /**
     * Reads until the buffer holds at least one line break (or a {@link #MAX_PIECE} piece, or the end of the file)
     * and returns the length of the whole lines in it.
     */
    private int fillToLineEnd() throws IOException {
        int searched = 0;
        while (true) {
            for (int i = inputLimit - 1; i >= searched; i--) {
                if (input[i] == '\n') {
                    return i + 1;
                }
            }
            searched = inputLimit;
            if (ended) {
                return inputLimit;
            }
            if (inputLimit >= MAX_PIECE) {
                return pieceEnd();
            }
            if (inputLimit == input.length) {
                input = Arrays.copyOf(input, Math.min(input.length * 2, MAX_PIECE));
            }
            int n = in.read(input, inputLimit, input.length - inputLimit);
            if (n < 0) {
                ended = true;
            } else {
                inputLimit += n;
            }
        }
    }

    /** A cut after the last ASCII byte of an over-long line, so no character is split. */
    private int pieceEnd() {
        for (int i = inputLimit - 1; i > 0; i--) {
            if (input[i] >= 0 && input[i] != '\r') {
                return i + 1;
            }
        }
        return inputLimit;
    }

    private void decodeLineByLine(int end) throws CharacterCodingException {
        int start = 0;
        while (start < end) {
            int lineEnd = start;
            while (lineEnd < end && input[lineEnd] != '\n') {
                lineEnd++;
            }
            lineEnd = Math.min(lineEnd + 1, end);
            CharBuffer line = decodeLine(start, lineEnd);
            if (decoded.remaining() < line.remaining()) {
                CharBuffer larger = CharBuffer.allocate(decoded.capacity() + line.remaining() + BLOCK);
                decoded.flip();
                larger.put(decoded);
                decoded = larger;
            }
            decoded.put(line);
            start = lineEnd;
        }
    }

    /** The line as UTF-8 when it is valid UTF-8, else as GB18030. */
    private CharBuffer decodeLine(int start, int end) throws CharacterCodingException {
        try {
            return strictUtf8.decode(ByteBuffer.wrap(input, start, end - start));
        } catch (CharacterCodingException notUtf8) {
            return gb18030.decode(ByteBuffer.wrap(input, start, end - start));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
