package cn.xiaoan.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

/** JSON Lines: one object per row with the English keys, codes for coded values, ISO dates, null for empty. */
final class JsonLinesSink implements RowSink {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final TableLayout layout;
    private final AtomicFile file;
    private final LocalDate reportDate;
    private final Utf8Output out;
    private final byte[][] keys;
    private int column;
    private long rows;
    private boolean committed;

    JsonLinesSink(TableLayout layout, AtomicFile file, LocalDate reportDate) throws IOException {
        this.layout = layout;
        this.file = file;
        this.reportDate = reportDate;
        this.out = new Utf8Output(Files.newOutputStream(file.temporary()));
        this.keys = new byte[layout.size()][];
        for (int i = 0; i < layout.size(); i++) {
            keys[i] =
                    ((i == 0 ? "{\"" : ",\"") + layout.columns().get(i).key() + "\":").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void text(String value) {
        try {
            key();
            if (value == null) {
                out.write(NULL);
            } else {
                string(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void coded(String display, String code) {
        text(code);
    }

    @Override
    public void date(int day) {
        try {
            key();
            if (day < 0) {
                out.write(NULL);
            } else {
                out.write('"');
                out.write(DemoCalendar.isoBytes(day));
                out.write('"');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(long value) {
        try {
            key();
            out.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flag(boolean value) {
        try {
            key();
            out.write(value ? TRUE : FALSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endRow() throws IOException {
        if (column != layout.size()) {
            throw new IllegalStateException("Cannot end JSON row: " + column + " cells written, expected "
                    + layout.size() + " for " + file.target().getFileName());
        }
        out.write('}');
        out.write('\n');
        column = 0;
        rows++;
    }

    @Override
    public List<GeneratedFile> commit() throws IOException {
        out.close();
        file.commit();
        committed = true;
        return List.of(new GeneratedFile(layout.dataset(), OutputFormat.JSON, file.target(), reportDate, rows));
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try (out) {
                // Nothing more to write: the partial file is removed below.
            } finally {
                file.abort();
            }
        }
    }

    private void key() throws IOException {
        out.write(keys[column++]);
    }

    private void string(String value) throws IOException {
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.writeUtf8(value, start, i);
                out.write('\\');
                switch (c) {
                    case '"' -> out.write('"');
                    case '\\' -> out.write('\\');
                    case '\n' -> out.write('n');
                    case '\r' -> out.write('r');
                    case '\t' -> out.write('t');
                    default -> {
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[c >> 4]);
                        out.write(HEX[c & 0xF]);
                    }
                }
                start = i + 1;
            }
        }
        out.writeUtf8(value, start, value.length());
        out.write('"');
    }
}
