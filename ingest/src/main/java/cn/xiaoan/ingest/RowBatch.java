package cn.xiaoan.ingest;

import java.util.Arrays;

/**
 * Accepted rows already encoded as lines of a part's scratch CSV ({@link BatchWriter} describes the form), filled by
 * the thread that validates and written out whole by the writer's thread. A cell stored as typed is copied from the
 * source row's UTF-8 bytes when it has them ({@link #cell}); other texts are encoded here.
 */
final class RowBatch implements RowWriter {
    static final int ROWS = 2048;
    /** A batch of this many bytes is full whatever its rows, so a few very wide rows do not make a huge batch. */
    private static final int FULL_BYTES = 4 << 20;

    private static final int INITIAL_BYTES = 1 << 19;

    private final int capacity;
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int rows;
    private boolean firstField = true;

    RowBatch() {
        this(ROWS);
    }

    /** A batch that is full at {@code capacity} rows. */
    RowBatch(int capacity) {
        this.capacity = capacity;
    }

    boolean isFull() {
        return rows == capacity || length >= FULL_BYTES;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    int rows() {
        return rows;
    }

    /** The encoded lines are {@code bytes()[0, length())}. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    @Override
    public void text(String value) {
        separate();
        if (value == null) {
            return;
        }
        // Most values need no quotes; those are written bare, and a value that turns out to hold a separator, quote
        // or line break (or is empty, which bare would read as NULL) is written again quoted.
        ensure(3 * value.length() + 2);
        if (!value.isEmpty()) {
            int start = length;
            if (encode(value, false)) {
                return;
            }
            length = start;
        }
        bytes[length++] = '"';
        encode(value, true);
        bytes[length++] = '"';
    }

    @Override
    public void cell(Cells cells, int position) {
        byte[] source = position < 0 ? null : cells.utf8();
        if (source == null) {
            text(position < 0 ? null : Text.clean(cells.get(position)));
            return;
        }
        int start = cells.textStart(position);
        int end = cells.textEnd(position);
        separate();
        if (start == end) {
            return;
        }
        ensure(2 * (end - start) + 2);
        if (!cells.mayNeedQuotes(position) || !needsQuotes(source, start, end)) {
            System.arraycopy(source, start, bytes, length, end - start);
            length += end - start;
            return;
        }
        bytes[length++] = '"';
        for (int i = start; i < end; i++) {
            byte b = source[i];
            if (b == '"') {
                bytes[length++] = '"';
            }
            bytes[length++] = b;
        }
        bytes[length++] = '"';
    }

    private static boolean needsQuotes(byte[] source, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = source[i];
            if (b == '"' || b == ',' || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends the value as UTF-8; {@code quoted} doubles quotes. Unquoted, stops and returns false at a character
     * that needs quotes. An unpaired surrogate (not a character) is written as {@code ?}.
     */
    private boolean encode(String value, boolean quoted) {
        byte[] out = bytes;
        int at = length;
        int chars = value.length();
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == ',' || c == '\n' || c == '\r') {
                    if (!quoted) {
                        return false;
                    }
                    if (c == '"') {
                        out[at++] = '"';
                    }
                }
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | (codePoint >> 18));
                out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
        return true;
    }

    @Override
    public void date(int epochDay) {
        separate();
        if (epochDay != RowCheck.ABSENT && epochDay != RowCheck.INVALID) {
            number(epochDay);
        }
    }

    @Override
    public void bool(boolean value) {
        separate();
        ensure(1);
        bytes[length++] = (byte) (value ? 't' : 'f');
    }

    @Override
    public void count(int value) {
        separate();
        if (value >= 0) {
            number(value);
        }
    }

    /** Ends the row whose values were just written. */
    void endRow(int sourceRow, String extra) {
        count(sourceRow);
        text(extra);
        ensure(1);
        bytes[length++] = '\n';
        firstField = true;
        rows++;
    }

    private void separate() {
        ensure(1);
        if (!firstField) {
            bytes[length++] = ',';
        }
        firstField = false;
    }

    private void number(int value) {
        ensure(11);
        if (value < 0) {
            bytes[length++] = '-';
        }
        // Digits from the last, with the sign folded in so Integer.MIN_VALUE needs no special case.
        int digits = 1;
        for (int rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int rest = value;
        for (int at = length + digits - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + Math.abs(rest % 10));
            rest /= 10;
        }
        length += digits;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    void clear() {
        length = 0;
        rows = 0;
        firstField = true;
        if (bytes.length > 2 * FULL_BYTES) {
            bytes = new byte[INITIAL_BYTES]; // after a batch of very wide rows, not kept for the rest of the file
        }
    }
}
