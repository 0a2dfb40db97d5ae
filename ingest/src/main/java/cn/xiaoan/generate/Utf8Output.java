package cn.xiaoan.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** A buffered byte output with a hand-written UTF-8 encoder: the generator's hot path writes through it. */
final class Utf8Output implements Closeable {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    void write(int b) throws IOException {
        if (position == buffer.length) {
            flushBuffer();
        }
        buffer[position++] = (byte) b;
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position) {
            flushBuffer();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** Writes the characters of {@code text} from {@code start} to {@code end} as UTF-8. */
    void writeUtf8(String text, int start, int end) throws IOException {
        for (int i = start; i < end; i++) {
            if (buffer.length - position < 4) {
                flushBuffer();
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[position++] = (byte) c;
            } else if (c < 0x800) {
                buffer[position++] = (byte) (0xC0 | (c >> 6));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer[position++] = (byte) (0xF0 | (cp >> 18));
                buffer[position++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[position++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buffer[position++] = (byte) (0xE0 | (c >> 12));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    void writeUtf8(String text) throws IOException {
        writeUtf8(text, 0, text.length());
    }

    /** Writes a decimal number without allocating. */
    void writeNumber(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            writeUtf8(Long.toString(value));
            return;
        }
        if (buffer.length - position < 20) {
            flushBuffer();
        }
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = position + digits;
        for (int i = end - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position = end;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
        }
    }
}
