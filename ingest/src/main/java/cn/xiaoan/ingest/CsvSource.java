package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An RFC 4180 reader (quotes, doubled quotes, embedded line breaks, CR/LF/CRLF) for comma- or tab-separated text.
 * The separator is the more frequent of the two in the first lines.
 *
 * <p>It works on bytes and decodes each field once, which is about twice as fast as decoding the file to characters
 * and then cutting those: the separators, quotes and line breaks are ASCII bytes that never occur inside a UTF-8,
 * GBK or GB18030 character. A record is read as UTF-8 when all its bytes are valid UTF-8, else in the fallback
 * charset: {@link #GB18030} (the superset of GBK) for submitted files, so a GBK export and a file pasted together
 * from UTF-8 and GBK both read correctly. A field keeps at most {@link Text#MAX_CELL_LENGTH} + 1 characters so a runaway quote cannot
 * exhaust memory, and the validator rejects it as too long.
 */
final class CsvSource implements RowSource {
    private static final int END_FIELD = 0;
    private static final int END_RECORD = 1;
    private static final int END_FILE = 2;
    private static final int NOTHING = 3;
    private static final int KEEP = Text.MAX_CELL_LENGTH + 1;
    /** Enough bytes for {@link #KEEP} characters of up to four bytes each. */
    private static final int KEEP_BYTES = KEEP * 4;

    static final Charset GB18030 = Charset.forName("GB18030");
    /** The smallest code point each UTF-8 sequence length may encode (shorter forms are overlong, invalid). */
    private static final int[] MIN_CODE_POINT = {0, 0, 0x80, 0x800, 0x10000};

    private final InputStream in;
    /** For a record that is not valid UTF-8. */
    private final Charset fallback;

    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;
    private final byte delimiter;
    /** The bytes of the current record's fields, one after another. */
    private byte[] record = new byte[1 << 12];

    private int recordLength;
    /** Whether the current field reached {@link #KEEP_BYTES}; the rest of it is skipped. */
    private boolean fieldCut;

    private char[] chars = new char[1 << 12];
    private int[] fieldEnds = new int[32];
    private int fieldCount;
    private int rowNumber;

    /** Reads a UTF-8 file the warehouse wrote itself (a reject report); invalid bytes become U+FFFD. */
    CsvSource(Path file) throws IOException {
        this(Files.newInputStream(file), StandardCharsets.UTF_8);
    }

    /** Reads {@code in} (closed with this source), each record as UTF-8 where valid, else in {@code fallback}. */
    CsvSource(InputStream in, Charset fallback) throws IOException {
        this.in = in;
        this.fallback = fallback;
        try {
            fill();
            if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                position = 3;
            }
            this.delimiter = detectDelimiter();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private byte detectDelimiter() {
        int commas = 0;
        int tabs = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = position; i < limit && lines < 20; i++) {
            byte b = buffer[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == ',') {
                    commas++;
                } else if (b == '\t') {
                    tabs++;
                } else if (b == '\n') {
                    lines++;
                }
            }
        }
        return tabs > commas ? (byte) '\t' : (byte) ',';
    }

    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        position = 0;
        if (n < 0) {
            exhausted = true;
            limit = 0;
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public String[] next() throws IOException {
        recordLength = 0;
        fieldCount = 0;
        while (true) {
            int end = readField();
            if (end == NOTHING) {
                if (fieldCount == 0) {
                    return null;
                }
                endField();
                end = END_FILE;
            }
            if (end != END_FIELD) {
                rowNumber++;
                return decode();
            }
        }
    }

    private void endField() {
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldEnds[fieldCount++] = recordLength;
    }

    private String[] decode() {
        String[] fields = decodeUtf8();
        if (fields != null) {
            return fields;
        }
        return decode(fallback);
    }

    /**
     * The record's fields when all its bytes are well-formed UTF-8, else null. Decoding into one reused char array
     * checks and decodes in a single pass and leaves one allocation per field.
     */
    private String[] decodeUtf8() {
        if (chars.length < recordLength) {
            chars = new char[Math.max(recordLength, chars.length * 2)];
        }
        byte[] bytes = record;
        char[] out = chars;
        String[] fields = new String[fieldCount];
        int b = 0;
        int c = 0;
        for (int i = 0; i < fieldCount; i++) {
            int end = fieldEnds[i];
            int ascii = b;
            while (ascii < end && bytes[ascii] >= 0) {
                ascii++;
            }
            if (ascii == end) {
                // Codes, ids and dates are plain ASCII: one copy, no decoding.
                fields[i] = new String(bytes, b, Math.min(end - b, KEEP), StandardCharsets.ISO_8859_1);
                b = end;
                continue;
            }
            int fieldStart = c;
            while (b < end) {
                int x = bytes[b];
                if (x >= 0) {
                    out[c++] = (char) x;
                    b++;
                    continue;
                }
                x &= 0xFF;
                int length = x >= 0xC2 && x <= 0xDF ? 2 : x >= 0xE0 && x <= 0xEF ? 3 : x >= 0xF0 && x <= 0xF4 ? 4 : 0;
                if (length == 0 || b + length > end) {
                    return null;
                }
                int codePoint = x & (0xFF >> (length + 1));
                for (int j = 1; j < length; j++) {
                    int y = bytes[b + j];
                    if ((y & 0xC0) != 0x80) {
                        return null;
                    }
                    codePoint = (codePoint << 6) | (y & 0x3F);
                }
                if (codePoint < MIN_CODE_POINT[length]
                        || codePoint > Character.MAX_CODE_POINT
                        || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                    return null;
                }
                if (length == 4) {
                    out[c++] = Character.highSurrogate(codePoint);
                    out[c++] = Character.lowSurrogate(codePoint);
                } else {
                    out[c++] = (char) codePoint;
                }
                b += length;
            }
            fields[i] = new String(out, fieldStart, Math.min(c - fieldStart, KEEP));
        }
        return fields;
    }

    private String[] decode(Charset as) {
        String[] fields = new String[fieldCount];
        int start = 0;
        for (int i = 0; i < fieldCount; i++) {
            int end = fieldEnds[i];
            String field = new String(record, start, end - start, as);
            fields[i] = field.length() > KEEP ? field.substring(0, KEEP) : field;
            start = end;
        }
        return fields;
    }

    /** Reads one field into {@link #record} and says what ended it. */
    private int readField() throws IOException {
        if (position >= limit && !fill()) {
            return NOTHING;
        }
        int fieldStart = recordLength;
        fieldCut = false;
        int result = buffer[position] == '"' ? readQuoted(fieldStart) : readPlain(fieldStart);
        endField();
        return result;
    }

    private int readPlain(int fieldStart) throws IOException {
        byte[] bytes = buffer;
        byte separator = delimiter;
        while (true) {
            int start = position;
            int end = start;
            int stop = limit;
            while (end < stop) {
                byte b = bytes[end];
                if (b == separator || b == '\n' || b == '\r') {
                    break;
                }
                end++;
            }
            keep(fieldStart, start, end);
            if (end < stop) {
                byte b = bytes[end];
                position = end + 1;
                if (b == separator) {
                    return END_FIELD;
                }
                if (b == '\r') {
                    skipLineFeed();
                }
                return END_RECORD;
            }
            position = end;
            if (!fill()) {
                return END_FILE;
            }
        }
    }

    private int readQuoted(int fieldStart) throws IOException {
        position++;
        while (true) {
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '"') {
                end++;
            }
            keep(fieldStart, start, end);
            position = end;
            if (end >= limit) {
                if (!fill()) {
                    return END_FILE;
                }
                continue;
            }
            position++;
            if (position >= limit && !fill()) {
                return END_FILE;
            }
            if (buffer[position] == '"') {
                keep(fieldStart, position, position + 1);
                position++;
                continue;
            }
            // Closing quote: anything up to the separator is kept as typed (lenient about `"a"b`).
            return readRestAfterQuote(fieldStart);
        }
    }

    private int readRestAfterQuote(int fieldStart) throws IOException {
        while (true) {
            if (position >= limit && !fill()) {
                return END_FILE;
            }
            byte b = buffer[position++];
            if (b == delimiter) {
                return END_FIELD;
            }
            if (b == '\n') {
                return END_RECORD;
            }
            if (b == '\r') {
                skipLineFeed();
                return END_RECORD;
            }
            keep(fieldStart, position - 1, position);
        }
    }

    private void skipLineFeed() throws IOException {
        if (position >= limit && !fill()) {
            return;
        }
        if (buffer[position] == '\n') {
            position++;
        }
    }

    /** Appends buffer bytes to the current field, up to {@link #KEEP_BYTES} of it. */
    private void keep(int fieldStart, int start, int end) {
        if (fieldCut) {
            return;
        }
        int take = Math.min(end - start, KEEP_BYTES - (recordLength - fieldStart));
        if (take < end - start) {
            // Cut before a UTF-8 continuation byte, not inside a character, and keep nothing more of the field.
            fieldCut = true;
            while (take > 0 && (buffer[start + take] & 0xC0) == 0x80) {
                take--;
            }
        }
        if (recordLength + take > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + take));
        }
        System.arraycopy(buffer, start, record, recordLength, take);
        recordLength += take;
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public String sheet() {
        return "";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
