package cn.xiaoan.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

/** Opens one sink per chosen format for a dataset file, fanned out so each row is produced once. */
final class SinkFactory {
    private final Path directory;
    private final Set<OutputFormat> formats;
    private final int maxXlsxRows;

    SinkFactory(Path directory, Set<OutputFormat> formats, int maxXlsxRows) {
        this.directory = directory;
        this.formats = EnumSet.copyOf(formats);
        this.maxXlsxRows = maxXlsxRows;
    }

    /** A sink writing {@code <baseName>.<extension>} in every format. */
    RowSink open(TableLayout layout, String baseName, LocalDate reportDate) throws IOException {
        var sinks = new ArrayList<RowSink>();
        try {
            for (OutputFormat format : formats) {
                switch (format) {
                    case CSV ->
                        sinks.add(
                                new CsvSink(layout, new AtomicFile(directory.resolve(baseName + ".csv")), reportDate));
                    case XLSX -> sinks.add(new XlsxSink(layout, directory, baseName, reportDate, maxXlsxRows));
                    case JSON ->
                        sinks.add(new JsonLinesSink(
                                layout, new AtomicFile(directory.resolve(baseName + ".jsonl")), reportDate));
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                // Closing deletes the temporary files of the sinks opened so far.
                new FanOutSink(sinks).close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return sinks.size() == 1 ? sinks.get(0) : new FanOutSink(sinks);
    }
}
