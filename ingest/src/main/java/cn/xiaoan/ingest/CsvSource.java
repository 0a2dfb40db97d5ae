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
    /** Byte classes while scanning: {@link #STOP} ends the run; the others are flags a field collects. */
    private static final byte STOP = 1;
    /** A byte of a multi-byte character (the field must be checked as UTF-8). */
    private static final byte NON_ASCII = 2;
    /** A comma, quote or line break in the field's text (CSV must quote it). */
    private static final byte SPECIAL = 4;
    /** Inside quotes: the closing (or doubled) quote stops; separators and line breaks are text. */
    private static final byte[] QUOTED_CLASSES =
            classes(STOP, (byte) '"', SPECIAL, (byte) ',', (byte) '\n', (byte) '\r');

    private static final int KEEP = Text.MAX_CELL_LENGTH + 1;
    /** Enough bytes for {@link #KEEP} characters of up to four bytes each. */
    private static final int KEEP_BYTES = KEEP * 4;

    static final Charset GB18030 = Charset.forName("GB18030");

    private final InputStream in;
    /** For a record that is not valid UTF-8. */
    private final Charset fallback;

    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;
    private final byte delimiter;
    /** Outside quotes: the separator and line breaks stop; a quote or comma in the text is special. */
    private final byte[] plainClasses;
    /** The bytes of the current record's fields, one after another. */
    private byte[] record = new byte[1 << 12];

    private int recordLength;
    /** Whether the current field reached {@link #KEEP_BYTES}; the rest of it is skipped. */
    private boolean fieldCut;

    private char[] chars = new char[1 << 12];
    private final Utf8Row utf8Row = new Utf8Row();
    private int[] fieldEnds = new int[32];
    /** Per field, its {@link #NON_ASCII} and {@link #SPECIAL} flags. */
    private byte[] fieldKinds = new byte[32];

    private int fieldFlags;
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
            this.plainClasses = classes(STOP, delimiter, STOP, (byte) '\n', STOP, (byte) '\r', SPECIAL, (byte) '"');
            if (delimiter != ',') {
                plainClasses[','] = SPECIAL;
            }
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
        Cells cells = nextCells();
        return cells == null ? null : cells.toArray();
    }

    /**
     * The next record: a view of its bytes when they are valid UTF-8 (reused, valid until the next call), else its
     * fields decoded in the fallback charset.
     */
    @Override
    public Cells nextCells() throws IOException {
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
                return isUtf8() ? utf8Row.reset() : Cells.of(decode(fallback));
            }
        }
    }

    private void endField() {
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
            fieldKinds = Arrays.copyOf(fieldKinds, fieldCount * 2);
        }
        fieldKinds[fieldCount] = (byte) fieldFlags;
        fieldEnds[fieldCount++] = recordLength;
    }

    /** A scanning table: every byte 0, or {@link #NON_ASCII} from 0x80, and then each (class, byte) pair given. */
    private static byte[] classes(byte... pairs) {
        byte[] table = new byte[256];
        Arrays.fill(table, 0x80, 256, NON_ASCII);
        for (int i = 0; i < pairs.length; i += 2) {
            table[pairs[i + 1] & 0xFF] = pairs[i];
        }
        return table;
    }

    /**
     * Field by field (a sequence cut by a separator is invalid, as when each field is decoded alone), and only the
     * fields that have a byte above ASCII.
     */
    private boolean isUtf8() {
        int start = 0;
        for (int i = 0; i < fieldCount; i++) {
            int end = fieldEnds[i];
            if ((fieldKinds[i] & NON_ASCII) != 0 && !Utf8.isValid(record, start, end)) {
                return false;
            }
            start = end;
        }
        return true;
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

    /** The current record's fields over its UTF-8 bytes, each decoded the first time it is asked for. */
    private final class Utf8Row extends Cells {
        private String[] decoded = new String[32];

        Utf8Row reset() {
            if (decoded.length < fieldCount) {
                decoded = new String[Math.max(fieldCount, decoded.length * 2)];
            } else {
                Arrays.fill(decoded, 0, fieldCount, null);
            }
            return this;
        }

        @Override
        int size() {
            return fieldCount;
        }

        @Override
        byte[] utf8() {
            return record;
        }

        @Override
        int start(int position) {
            return position == 0 ? 0 : fieldEnds[position - 1];
        }

        @Override
        int end(int position) {
            return fieldEnds[position];
        }

        @Override
        String get(int position) {
            if (position >= fieldCount) {
                return null;
            }
            String text = decoded[position];
            if (text == null) {
                text = decode(position, start(position), end(position));
                decoded[position] = text;
            }
            return text;
        }

        private String decode(int position, int start, int end) {
            if ((fieldKinds[position] & NON_ASCII) == 0) {
                // Codes, ids and dates are plain ASCII: one copy, no decoding.
                return new String(record, start, Math.min(end - start, KEEP), StandardCharsets.ISO_8859_1);
            }
            if (chars.length < end - start) {
                chars = new char[Math.max(end - start, chars.length * 2)];
            }
            int length = Utf8.decodeValid(record, start, end, chars);
            return new String(chars, 0, Math.min(length, KEEP));
        }

        @Override
        boolean mayNeedQuotes(int position) {
            return (fieldKinds[position] & SPECIAL) != 0;
        }

        @Override
        boolean isBlank(int position) {
            if (position >= fieldCount) {
                return true;
            }
            int end = end(position);
            return Utf8.trimStart(record, start(position), end) == end;
        }

        @Override
        boolean longerThan(int position, int characters) {
            // A character takes at least one byte: only a field of more bytes can be too long.
            return position < fieldCount
                    && end(position) - start(position) > characters
                    && get(position).length() > characters;
        }
    }

    /** Reads one field into {@link #record} and says what ended it. */
    private int readField() throws IOException {
        if (position >= limit && !fill()) {
            return NOTHING;
        }
        int fieldStart = recordLength;
        fieldCut = false;
        fieldFlags = 0;
        int result = buffer[position] == '"' ? readQuoted(fieldStart) : readPlain(fieldStart);
        endField();
        return result;
    }

    private int readPlain(int fieldStart) throws IOException {
        byte[] bytes = buffer;
        byte[] classes = plainClasses;
        int flags = 0;
        while (true) {
            int start = position;
            int end = start;
            int stop = limit;
            while (end < stop) {
                int kind = classes[bytes[end] & 0xFF];
                flags |= kind;
                if (kind == STOP) {
                    break;
                }
                end++;
            }
            fieldFlags |= flags & ~STOP;
            keep(fieldStart, start, end);
            if (end < stop) {
                byte b = bytes[end];
                position = end + 1;
                if (b == delimiter) {
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
            int flags = 0;
            while (end < limit) {
                int kind = QUOTED_CLASSES[buffer[end] & 0xFF];
                flags |= kind;
                if (kind == STOP) {
                    break;
                }
                end++;
            }
            fieldFlags |= flags & ~STOP;
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
                fieldFlags |= SPECIAL;
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
            fieldFlags |= SPECIAL | NON_ASCII;
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
