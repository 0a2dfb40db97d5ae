package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An RFC 4180 reader (quotes, doubled quotes, embedded line breaks, CR/LF/CRLF) for comma- or tab-separated text.
 * The separator is the more frequent of the two in the first lines.
 *
 * <p>It works on bytes (the separators, quotes and line breaks are ASCII bytes that never occur inside a UTF-8, GBK
 * or GB18030 character) and decodes a field only when it is asked for ({@link Cells}). A record is read as UTF-8 when all its bytes are valid UTF-8, else in the fallback
 * charset: {@link #GB18030} (the superset of GBK) for submitted files, so a GBK export and a file pasted together
 * from UTF-8 and GBK both read correctly. A field keeps at most {@link Text#MAX_CELL_LENGTH} + 1 characters so a runaway quote cannot
 * exhaust memory, and the validator rejects it as too long.
 *
 * <p>A thread of its own reads, hashes (when the stream does), cuts and checks records into blocks of about a
 * thousand, which the caller's thread takes in turn: on two cores the reading overlaps the validating. A failure to
 * read reaches the caller after the records before it.
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
    /** Blocks in circulation between the two threads. */
    private static final int BLOCKS = 4;

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
    /** The block the reading thread fills. */
    private Block filling;
    /** Whether the current field reached {@link #KEEP_BYTES}; the rest of it is skipped. */
    private boolean fieldCut;

    private int fieldFlags;
    private int recordsRead;

    private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private Thread reader;
    /** The block the caller reads from, and its next record. */
    private Block current;

    private int nextRecord;
    private char[] chars = new char[1 << 12];
    private final Utf8Row utf8Row = new Utf8Row();
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
            for (int i = 0; i < BLOCKS; i++) {
                free.add(new Block());
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
        if (reader == null) {
            reader = new Thread(this::readAll, "xiaoan-csv-reader");
            reader.setDaemon(true);
            reader.start();
        }
        while (current == null || nextRecord == current.records) {
            if (current != null) {
                if (current.failure instanceof IOException e) {
                    throw e;
                }
                if (current.failure instanceof RuntimeException e) {
                    throw e;
                }
                if (current.last) {
                    return null;
                }
                free.add(current);
            }
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading", e);
            }
            nextRecord = 0;
        }
        int record = nextRecord++;
        rowNumber = current.firstRow + record;
        String[] texts = current.texts[record];
        return texts != null ? Cells.of(texts) : utf8Row.reset(current, record);
    }

    /** The reading thread: fills blocks until the end of the input or a failure, which ends the last block. */
    private void readAll() {
        try {
            while (true) {
                Block block = free.take();
                block.clear(recordsRead + 1);
                filling = block;
                try {
                    block.last = !readInto(block);
                } catch (IOException | RuntimeException e) {
                    block.failure = e;
                    block.last = true;
                }
                filled.put(block);
                if (block.last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Closed before the end.
        }
    }

    /** Reads records into the block until it is full (true) or the input ends (false). */
    private boolean readInto(Block block) throws IOException {
        while (!block.isFull()) {
            int recordStart = block.length;
            int fieldStart = block.fieldCount;
            if (!readRecord(block)) {
                return false;
            }
            recordsRead++;
            String[] texts = isUtf8(block, recordStart, fieldStart) ? null : decode(block, recordStart, fieldStart);
            if (texts != null) {
                block.length = recordStart;
                block.fieldCount = fieldStart;
            }
            block.endRecord(recordStart, fieldStart, texts);
        }
        return true;
    }

    /** Reads one record's fields into the block; false at the end of the input. */
    private boolean readRecord(Block block) throws IOException {
        int fieldStart = block.fieldCount;
        while (true) {
            int end = readField();
            if (end == NOTHING) {
                if (block.fieldCount == fieldStart) {
                    return false;
                }
                endField();
                end = END_FILE;
            }
            if (end != END_FIELD) {
                return true;
            }
        }
    }

    private void endField() {
        filling.endField(fieldFlags);
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
    private static boolean isUtf8(Block block, int recordStart, int fieldStart) {
        int start = recordStart;
        for (int i = fieldStart; i < block.fieldCount; i++) {
            int end = block.fieldEnds[i];
            if ((block.fieldKinds[i] & NON_ASCII) != 0 && !Utf8.isValid(block.bytes, start, end)) {
                return false;
            }
            start = end;
        }
        return true;
    }

    private String[] decode(Block block, int recordStart, int fieldStart) {
        String[] fields = new String[block.fieldCount - fieldStart];
        int start = recordStart;
        for (int i = 0; i < fields.length; i++) {
            int end = block.fieldEnds[fieldStart + i];
            String field = new String(block.bytes, start, end - start, fallback);
            fields[i] = field.length() > KEEP ? field.substring(0, KEEP) : field;
            start = end;
        }
        return fields;
    }

    /**
     * Records read, one after another: their fields' bytes, each field's end and kinds, and per record where its
     * bytes and fields start (or its texts, when it is not UTF-8).
     */
    private static final class Block {
        private static final int RECORDS = 1024;
        private static final int BYTES = 1 << 20;

        byte[] bytes = new byte[BYTES + (1 << 12)];
        int length;
        int[] fieldEnds = new int[RECORDS * 24];
        byte[] fieldKinds = new byte[RECORDS * 24];
        int fieldCount;
        final int[] recordStarts = new int[RECORDS + 1];
        /** The first field of each record; one more entry marks where the last record's fields end. */
        final int[] fieldStarts = new int[RECORDS + 1];

        final String[][] texts = new String[RECORDS][];
        int records;
        int firstRow;
        boolean last;
        /** What ended the reading, rethrown to the caller after the block's records: an IOException or a bug. */
        Exception failure;

        void clear(int firstRow) {
            Arrays.fill(texts, 0, records, null);
            length = 0;
            fieldCount = 0;
            records = 0;
            this.firstRow = firstRow;
            last = false;
            failure = null;
            if (bytes.length > 4 * BYTES) {
                bytes = new byte[BYTES + (1 << 12)]; // after very long records, not kept for the rest of the file
            }
        }

        boolean isFull() {
            return records == RECORDS || length >= BYTES;
        }

        void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void endField(int kinds) {
            if (fieldCount == fieldEnds.length) {
                fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
                fieldKinds = Arrays.copyOf(fieldKinds, fieldCount * 2);
            }
            fieldKinds[fieldCount] = (byte) kinds;
            fieldEnds[fieldCount++] = length;
        }

        void endRecord(int recordStart, int fieldStart, String[] decoded) {
            recordStarts[records] = recordStart;
            fieldStarts[records] = fieldStart;
            texts[records] = decoded;
            records++;
            fieldStarts[records] = fieldCount;
        }
    }

    /** A UTF-8 record of a block, each field decoded the first time it is asked for. */
    private final class Utf8Row extends Cells {
        private Block block;
        private int firstField;
        private int fieldCount;
        private int recordStart;
        private String[] decoded = new String[32];

        Utf8Row reset(Block block, int record) {
            this.block = block;
            this.firstField = block.fieldStarts[record];
            this.fieldCount = block.fieldStarts[record + 1] - firstField;
            this.recordStart = block.recordStarts[record];
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
            return block.bytes;
        }

        @Override
        int start(int position) {
            return position == 0 ? recordStart : block.fieldEnds[firstField + position - 1];
        }

        @Override
        int end(int position) {
            return block.fieldEnds[firstField + position];
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
            byte[] bytes = block.bytes;
            if ((block.fieldKinds[firstField + position] & NON_ASCII) == 0) {
                // Codes, ids and dates are plain ASCII: one copy, no decoding.
                return new String(bytes, start, Math.min(end - start, KEEP), StandardCharsets.ISO_8859_1);
            }
            if (chars.length < end - start) {
                chars = new char[Math.max(end - start, chars.length * 2)];
            }
            int length = Utf8.decodeValid(bytes, start, end, chars);
            return new String(chars, 0, Math.min(length, KEEP));
        }

        @Override
        boolean mayNeedQuotes(int position) {
            return (block.fieldKinds[firstField + position] & SPECIAL) != 0;
        }

        @Override
        boolean isBlank(int position) {
            if (position >= fieldCount) {
                return true;
            }
            int end = end(position);
            return Utf8.trimStart(block.bytes, start(position), end) == end;
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
        int fieldStart = filling.length;
        fieldCut = false;
        fieldFlags = 0;
        int result = buffer[position] == '"' ? readQuoted(fieldStart) : readPlain(fieldStart);
        endField();
        return result;
    }

    private int readPlain(int fieldStart) throws IOException {
        while (true) {
            int start = position;
            int end = scan(plainClasses);
            keep(fieldStart, start, end);
            if (end < limit) {
                byte b = buffer[end];
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

    /**
     * Where the run of buffered bytes from {@link #position} ends: at the first byte {@code classes} marks {@link
     * #STOP}, else at the buffer's limit. The run's other classes are added to the field's flags.
     */
    private int scan(byte[] classes) {
        byte[] bytes = buffer;
        int end = position;
        int stop = limit;
        int flags = 0;
        while (end < stop) {
            int kind = classes[bytes[end] & 0xFF];
            flags |= kind;
            if (kind == STOP) {
                break;
            }
            end++;
        }
        fieldFlags |= flags & ~STOP;
        return end;
    }

    private int readQuoted(int fieldStart) throws IOException {
        position++;
        while (true) {
            int start = position;
            int end = scan(QUOTED_CLASSES);
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
        Block block = filling;
        int take = Math.min(end - start, KEEP_BYTES - (block.length - fieldStart));
        if (take < end - start) {
            // Cut before a UTF-8 continuation byte, not inside a character, and keep nothing more of the field.
            fieldCut = true;
            while (take > 0 && (buffer[start + take] & 0xC0) == 0x80) {
                take--;
            }
        }
        block.ensure(take);
        System.arraycopy(buffer, start, block.bytes, block.length, take);
        block.length += take;
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public String sheet() {
        return "";
    }

    /** Stops the reading thread (when it has not reached the end) and closes the input. */
    @Override
    public void close() throws IOException {
        if (reader == null) {
            in.close();
            return;
        }
        reader.interrupt();
        try {
            in.close();
        } finally {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
