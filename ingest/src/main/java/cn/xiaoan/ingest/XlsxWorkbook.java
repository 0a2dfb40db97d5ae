package cn.xiaoan.ingest;

import com.github.pjfanning.xlsx.SharedStringsImplementationType;
import com.github.pjfanning.xlsx.StreamingReader;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * An XLSX workbook read streamingly with excel-streaming-reader (never POI's user model, which needs gigabytes for
 * large sheets). Before opening, the zip directory is checked: the shared-strings table is held in memory, so a
 * workbook whose table is larger than {@link #MAX_SHARED_STRINGS_BYTES} is refused, and POI's zip-bomb guard
 * (inflate ratio, entry size) stays on while the sheets stream.
 */
final class XlsxWorkbook implements Closeable {
    static final long MAX_SHARED_STRINGS_BYTES = 100L << 20;
    private static final long MAX_ENTRY_BYTES = 2L << 30;

    static {
        // POI's guard is process-wide; these are its defaults made explicit, with a lower entry cap.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final String fileName;
    private final Workbook workbook;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    XlsxWorkbook(Path file, String fileName) {
        this.fileName = fileName;
        checkZip(file, fileName);
        try {
            this.workbook = StreamingReader.builder()
                    .rowCacheSize(200)
                    .bufferSize(1 << 16)
                    .setSharedStringsImplementationType(SharedStringsImplementationType.POI_READ_ONLY)
                    .setReadComments(false)
                    .setReadHyperlinks(false)
                    .setReadShapes(false)
                    .setReadCoreProperties(false)
                    .setReadSharedFormulas(false)
                    .setFullFormatRichText(false)
                    .open(file.toFile());
        } catch (RuntimeException e) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + ": it is not a readable XLSX workbook (" + rootMessage(e)
                            + "); open it in Excel or WPS and save it again as .xlsx, or export it as CSV (UTF-8)",
                    e);
        }
    }

    private static void checkZip(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean workbookPart = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.equals("xl/workbook.xml")) {
                    workbookPart = true;
                }
                if (name.equals("xl/sharedStrings.xml") && entry.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw new UnreadableFileException("Cannot read " + fileName + ": its shared-strings table is "
                            + (entry.getSize() >> 20) + " MB uncompressed, more than the "
                            + (MAX_SHARED_STRINGS_BYTES >> 20)
                            + " MB the reader holds in memory; split the workbook or export it as CSV (UTF-8)");
                }
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new UnreadableFileException("Cannot read " + fileName + ": part " + name + " is "
                            + (entry.getSize() >> 20) + " MB uncompressed, more than the " + (MAX_ENTRY_BYTES >> 20)
                            + " MB allowed; split the workbook or export it as CSV (UTF-8)");
                }
            }
            if (!workbookPart) {
                throw new UnreadableFileException("Cannot read " + fileName
                        + ": it is a zip archive but not an XLSX workbook (no xl/workbook.xml); save the ledger as"
                        + " .xlsx from Excel or WPS, or export it as CSV (UTF-8)");
            }
        } catch (ZipException e) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + ": it is not a valid XLSX (zip) file (" + e.getMessage()
                            + "); open it in Excel or WPS and save it again as .xlsx, or export it as CSV",
                    e);
        } catch (IOException e) {
            throw new UnreadableFileException("Cannot read " + fileName + ": " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    int sheetCount() {
        return workbook.getNumberOfSheets();
    }

    RowSource sheet(int index) {
        try {
            Sheet sheet = workbook.getSheetAt(index);
            return new SheetSource(sheet.getSheetName(), sheet.rowIterator());
        } catch (RuntimeException e) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + " sheet " + (index + 1) + ": "
                            + rootMessage(e)
                            + "; open it in Excel or WPS and save it again as .xlsx, or export it as CSV (UTF-8)",
                    e);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private final class SheetSource implements RowSource {
        private final String name;
        private final Iterator<Row> rows;
        private int rowNumber;

        SheetSource(String name, Iterator<Row> rows) {
            this.name = name;
            this.rows = rows;
        }

        @Override
        public String[] next() {
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                Row row = rows.next();
                rowNumber = row.getRowNum() + 1;
                int width = Math.max(0, row.getLastCellNum());
                String[] cells = new String[width];
                for (Iterator<Cell> it = row.cellIterator(); it.hasNext(); ) {
                    Cell cell = it.next();
                    int column = cell.getColumnIndex();
                    if (column >= cells.length) {
                        cells = java.util.Arrays.copyOf(cells, column + 1);
                    }
                    cells[column] = text(cell);
                }
                return cells;
            } catch (UnreadableFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UnreadableFileException(
                        "Cannot read " + fileName + " sheet " + name + " after row "
                                + rowNumber + ": " + rootMessage(e)
                                + "; open it in Excel or WPS and save it again as .xlsx, or export it as CSV (UTF-8)",
                        e);
            }
        }

        @Override
        public int rowNumber() {
            return rowNumber;
        }

        @Override
        public String sheet() {
            return name;
        }

        @Override
        public void close() {}
    }

    private String text(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                double value = cell.getNumericCellValue();
                return isDateFormatted(cell) ? dateText(value) : numberText(value);
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "true" : "false";
            case ERROR:
                return "#ERROR";
            case BLANK:
            case _NONE:
            case FORMULA:
                return null;
        }
        return null;
    }

    private boolean isDateFormatted(Cell cell) {
        CellStyle style = cell.getCellStyle();
        if (style == null) {
            return false;
        }
        int index = style.getIndex();
        Boolean known = dateStyles.get(index);
        if (known == null) {
            known = DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
            dateStyles.put(index, known);
        }
        return known;
    }

    /** A date cell as ISO text; serial 60 (Excel's phantom 1900-02-29) stays a number for the validator to refuse. */
    private static String dateText(double serial) {
        String whole = numberText(Math.floor(serial));
        int epochDay = Dates.parse(whole);
        return Dates.isError(epochDay) ? whole : Dates.iso(epochDay);
    }

    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
