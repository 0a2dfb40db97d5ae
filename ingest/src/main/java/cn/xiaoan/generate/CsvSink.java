package cn.xiaoan.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

/** UTF-8 CSV without BOM, RFC 4180 quoting, {@code \n} line ends, Chinese headers. */
final class CsvSink implements RowSink {
    private final TableLayout layout;
    private final AtomicFile file;
    private final LocalDate reportDate;
    private final Utf8Output out;
    private int column;
    private long rows;
    private boolean committed;

    CsvSink(TableLayout layout, AtomicFile file, LocalDate reportDate) throws IOException {
        this.layout = layout;
        this.file = file;
        this.reportDate = reportDate;
        this.out = new Utf8Output(Files.newOutputStream(file.temporary()));
        for (TableLayout.Column c : layout.columns()) {
            text(c.header());
        }
        out.write('\n');
        column = 0;
    }

    @Override
    public void text(String value) {
        try {
            separate();
            if (value != null) {
                if (needsQuotes(value)) {
                    out.write('"');
                    int start = 0;
                    for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', i + 1)) {
                        out.writeUtf8(value, start, i + 1);
                        out.write('"');
                        start = i + 1;
                    }
                    out.writeUtf8(value, start, value.length());
                    out.write('"');
                } else {
                    out.writeUtf8(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void coded(String display, String code) {
        text(display);
    }

    @Override
    public void date(int day) {
        try {
            separate();
            if (day >= 0) {
                out.write(DemoCalendar.isoBytes(day));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(long value) {
        try {
            separate();
            out.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flag(boolean value) {
        text(value ? "是" : "否");
    }

    @Override
    public void endRow() throws IOException {
        if (column != layout.size()) {
            throw new IllegalStateException("Cannot end CSV row: " + column + " cells written, expected "
                    + layout.size() + " for " + file.target().getFileName());
        }
        out.write('\n');
        column = 0;
        rows++;
    }

    @Override
    public List<GeneratedFile> commit() throws IOException {
        out.close();
        file.commit();
        committed = true;
        return List.of(new GeneratedFile(layout.dataset(), OutputFormat.CSV, file.target(), reportDate, rows));
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

    private void separate() throws IOException {
        if (column++ > 0) {
            out.write(',');
        }
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
