package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * An RFC 4180 reader (quotes, doubled quotes, embedded line breaks, CR/LF/CRLF) for comma- or tab-separated text.
 * The separator is the more frequent of the two in the first lines. Fields are cut straight from the buffer when
 * they do not straddle it; a field is kept to {@link Text#MAX_CELL_LENGTH} + 1 characters so a runaway quote
 * cannot exhaust memory, and the validator rejects it as too long.
 */
final class CsvSource implements RowSource {
    private static final int END_FIELD = 0;
    private static final int END_RECORD = 1;
    private static final int END_FILE = 2;
    private static final int NOTHING = 3;
    private static final int KEEP = Text.MAX_CELL_LENGTH + 1;

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;
    private final char delimiter;
    private final StringBuilder spill = new StringBuilder();
    private final ArrayList<String> fields = new ArrayList<>();
    private String value;
    private int rowNumber;

    CsvSource(Path file, Charset charset) throws IOException {
        this(TextDecoding.open(file, charset));
    }

    CsvSource(Reader reader) throws IOException {
        this.reader = reader;
        fill();
        if (limit > 0 && buffer[0] == '\uFEFF') {
            position = 1;
        }
        this.delimiter = detectDelimiter();
    }

    char delimiter() {
        return delimiter;
    }

    private char detectDelimiter() {
        int commas = 0;
        int tabs = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = position; i < limit && lines < 20; i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                } else if (c == '\n') {
                    lines++;
                }
            }
        }
        return tabs > commas ? '\t' : ',';
    }

    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        int n = reader.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = reader.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            exhausted = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public String[] next() throws IOException {
        fields.clear();
        while (true) {
            int end = readField();
            if (end == NOTHING) {
                if (fields.isEmpty()) {
                    return null;
                }
                fields.add("");
                end = END_FILE;
            } else {
                fields.add(value);
            }
            if (end != END_FIELD) {
                rowNumber++;
                return fields.toArray(new String[0]);
            }
        }
    }

    private int readField() throws IOException {
        spill.setLength(0);
        if (position >= limit && !fill()) {
            return NOTHING;
        }
        if (buffer[position] == '"') {
            position++;
            return readQuoted();
        }
        int start = position;
        while (true) {
            if (position >= limit) {
                keep(start, position);
                if (!fill()) {
                    value = spill.toString();
                    return END_FILE;
                }
                start = 0;
                continue;
            }
            char c = buffer[position];
            if (c == delimiter) {
                value = cut(start, position);
                position++;
                return END_FIELD;
            }
            if (c == '\n') {
                value = cut(start, position);
                position++;
                return END_RECORD;
            }
            if (c == '\r') {
                value = cut(start, position);
                position++;
                skipLineFeed();
                return END_RECORD;
            }
            position++;
        }
    }

    private int readQuoted() throws IOException {
        int start = position;
        while (true) {
            if (position >= limit) {
                keep(start, position);
                if (!fill()) {
                    value = spill.toString();
                    return END_FILE;
                }
                start = 0;
                continue;
            }
            char c = buffer[position];
            if (c != '"') {
                position++;
                continue;
            }
            keep(start, position);
            position++;
            if (position >= limit && !fill()) {
                value = spill.toString();
                return END_FILE;
            }
            if (buffer[position] == '"') {
                keepChar('"');
                position++;
                start = position;
                continue;
            }
            // Closing quote: anything up to the separator is kept as typed (lenient about `"a"b`).
            return readRestAfterQuote();
        }
    }

    private int readRestAfterQuote() throws IOException {
        while (true) {
            if (position >= limit && !fill()) {
                value = spill.toString();
                return END_FILE;
            }
            char c = buffer[position++];
            if (c == delimiter) {
                value = spill.toString();
                return END_FIELD;
            }
            if (c == '\n') {
                value = spill.toString();
                return END_RECORD;
            }
            if (c == '\r') {
                value = spill.toString();
                skipLineFeed();
                return END_RECORD;
            }
            keepChar(c);
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

    private String cut(int start, int end) {
        if (spill.length() == 0) {
            return new String(buffer, start, end - start);
        }
        keep(start, end);
        return spill.toString();
    }

    private void keep(int start, int end) {
        int room = KEEP - spill.length();
        if (room > 0) {
            spill.append(buffer, start, Math.min(room, end - start));
        }
    }

    private void keepChar(char c) {
        if (spill.length() < KEEP) {
            spill.append(c);
        }
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
        reader.close();
    }
}
