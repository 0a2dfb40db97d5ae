package cn.xiaoan.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a file of any accepted format and finds its table: the format comes from the bytes (a zip is XLSX, a
 * leading {@code [} or {@code {} is JSON, other text is CSV), text as UTF-8 where its bytes are and GB18030 (the
 * superset of GBK) elsewhere, and for a workbook the first sheet with a recognisable header.
 */
final class OpenedTable implements Closeable {
    private final Table table;
    private final Closeable resource;
    private final FileProbe probe;
    /** The text file's bytes as read when its hash is not known yet, else null (and for a workbook). */
    private final HashingInputStream hashing;
    /** The text file's bytes as read, counted; null for a workbook. */
    private final CountingInputStream counted;

    private OpenedTable(
            Table table, Closeable resource, FileProbe probe, HashingInputStream hashing, CountingInputStream counted) {
        this.table = table;
        this.resource = resource;
        this.probe = probe;
        this.hashing = hashing;
        this.counted = counted;
    }

    /** The share of a text file read so far (0 to 1), NaN for a workbook (its rows are not in file order). */
    double shareRead() {
        if (counted == null || probe.size() == 0) {
            return Double.NaN;
        }
        return Math.min(1.0, (double) counted.count() / probe.size());
    }

    /**
     * The file's SHA-256: as the probe knows it, else from the bytes the table was read from, else (a workbook,
     * read by random access) in a pass of its own.
     */
    String sha256() throws IOException {
        if (hashing != null) {
            return hashing.sha256();
        }
        return probe.hashed().sha256().orElseThrow();
    }

    Table table() {
        return table;
    }

    static OpenedTable open(String fileName, FileProbe probe, Schema schema, String datasetName, ObjectMapper mapper)
            throws IOException {
        Path file = probe.file();
        if (probe.size() == 0) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + ": the file is empty (0 bytes); export the " + datasetName + " again");
        }
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        if (probe.isZip()) {
            return openWorkbook(probe, fileName, schema, datasetName);
        }
        if (probe.isOle2() || lowerName.endsWith(".xls")) {
            throw new UnreadableFileException("Cannot read " + fileName
                    + ": it is an old Excel 97-2003 (.xls) or other binary Office file; open it in Excel or WPS and"
                    + " save it as .xlsx, or export it as CSV (UTF-8)");
        }
        if (lowerName.endsWith(".xlsx") || lowerName.endsWith(".xlsm")) {
            throw new UnreadableFileException("Cannot read " + fileName
                    + ": it is named .xlsx but is not an XLSX workbook (its bytes are not a zip archive); open the"
                    + " original in Excel or WPS and save it again as .xlsx, or export it as CSV (UTF-8)");
        }
        if (probe.looksBinary()) {
            throw new UnreadableFileException("Cannot read " + fileName
                    + ": it is a binary file, not CSV, JSON or XLSX; upload the " + datasetName
                    + " as .xlsx, .csv or .json");
        }
        int first = probe.firstSignificantByte();
        InputStream bytes = Files.newInputStream(file);
        HashingInputStream hashing = probe.sha256().isEmpty() ? new HashingInputStream(bytes) : null;
        var counted = new CountingInputStream(hashing != null ? hashing : bytes);
        RowSource source;
        try {
            source = first == '[' || first == '{'
                    ? new JsonSource(counted, fileName, mapper)
                    : new CsvSource(counted, CsvSource.GB18030);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
        try {
            Optional<Table> table = Table.locate(source, schema);
            if (table.isEmpty()) {
                throw noHeader(fileName, schema, datasetName, List.of());
            }
            requireColumns(fileName, table.get(), datasetName);
            return new OpenedTable(table.get(), source, probe, hashing, counted);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static OpenedTable openWorkbook(FileProbe probe, String fileName, Schema schema, String datasetName)
            throws IOException {
        XlsxWorkbook workbook = new XlsxWorkbook(probe.file(), fileName);
        try {
            var sheets = new ArrayList<String>();
            UnreadableFileException incomplete = null;
            for (int i = 0; i < workbook.sheetCount(); i++) {
                RowSource sheet = workbook.sheet(i);
                sheets.add(sheet.sheet());
                Optional<Table> table = Table.locate(sheet, schema);
                if (table.isEmpty()) {
                    continue;
                }
                try {
                    requireColumns(fileName, table.get(), datasetName);
                    return new OpenedTable(table.get(), workbook, probe, null, null);
                } catch (UnreadableFileException e) {
                    if (incomplete == null) {
                        incomplete = e;
                    }
                }
            }
            throw incomplete != null ? incomplete : noHeader(fileName, schema, datasetName, sheets);
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private static UnreadableFileException noHeader(
            String fileName, Schema schema, String datasetName, List<String> sheets) {
        var expected = new ArrayList<String>();
        for (ColumnSpec column : schema.columns()) {
            if (column.isRequired()) {
                expected.add(column.nameZh());
            }
        }
        String where = sheets.isEmpty()
                ? "in its first " + Table.SCAN_ROWS + " rows"
                : "in the first " + Table.SCAN_ROWS + " rows of any sheet (" + String.join(", ", sheets) + ")";
        return new UnreadableFileException("Cannot read " + fileName + ": found no header row of the " + datasetName
                + " " + where + "; expected headers such as " + String.join(", ", expected)
                + " (Chinese or English); check that the file is a " + datasetName + " and has its header row");
    }

    private static void requireColumns(String fileName, Table table, String datasetName) {
        List<String> missing = table.columns().missingRequired();
        if (missing.isEmpty()) {
            return;
        }
        String sheet = table.sheet().isEmpty() ? "" : " on sheet " + table.sheet();
        throw new UnreadableFileException("Cannot read " + fileName + " as " + datasetName + ": the header row"
                + sheet + " lacks required column(s) " + String.join(", ", missing) + "; found columns "
                + String.join(
                        ", ", table.headers().stream().filter(h -> !h.isEmpty()).toList())
                + "; add the missing columns or rename the headers (see docs/WAREHOUSE.md)");
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
