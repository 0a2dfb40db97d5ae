package cn.xiaoan.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes the same rows to one sink per format, so a row is generated once however many formats are chosen. */
final class FanOutSink implements RowSink {
    private final RowSink[] sinks;

    FanOutSink(List<RowSink> sinks) {
        this.sinks = sinks.toArray(new RowSink[0]);
    }

    @Override
    public void text(String value) {
        for (RowSink sink : sinks) {
            sink.text(value);
        }
    }

    @Override
    public void coded(String display, String code) {
        for (RowSink sink : sinks) {
            sink.coded(display, code);
        }
    }

    @Override
    public void date(int day) {
        for (RowSink sink : sinks) {
            sink.date(day);
        }
    }

    @Override
    public void number(long value) {
        for (RowSink sink : sinks) {
            sink.number(value);
        }
    }

    @Override
    public void flag(boolean value) {
        for (RowSink sink : sinks) {
            sink.flag(value);
        }
    }

    @Override
    public void endRow() throws IOException {
        for (RowSink sink : sinks) {
            sink.endRow();
        }
    }

    @Override
    public List<GeneratedFile> commit() throws IOException {
        var files = new ArrayList<GeneratedFile>();
        for (RowSink sink : sinks) {
            files.addAll(sink.commit());
        }
        return files;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RowSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
