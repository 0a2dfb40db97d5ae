package cn.xiaoan.api.export;

import cn.xiaoan.domain.SpreadsheetText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an {@link ExportTable} with its {@link Provenance} as CSV or XLSX. CSV: UTF-8 with a BOM (so Excel reads the
 * Chinese), the provenance as leading {@code #} lines (DuckDB's and pandas' {@code comment='#'} skip them), then a
 * header of column codes and the rows. XLSX: the table on the first sheet with headings, frozen header, filters and
 * number formats; the provenance on a second sheet. Text that a spreadsheet would run as a formula is written with a
 * leading apostrophe.
 */
public final class TableExporter {
    private static final int XLSX_ROWS_IN_MEMORY = 200;
    private static final int XLSX_MAX_CELL_TEXT = 32_767;

    public void write(ExportTable table, Provenance provenance, ExportFormat format, OutputStream out)
            throws IOException {
        write(table, provenance, format, CsvHeader.CODES, out);
    }

    /** As {@link #write(ExportTable, Provenance, ExportFormat, OutputStream)}, choosing the CSV's header row. */
    public void write(ExportTable table, Provenance provenance, ExportFormat format, CsvHeader header, OutputStream out)
            throws IOException {
        switch (format) {
            case CSV -> csv(table, provenance, header, out);
            case XLSX -> xlsx(table, provenance, out);
        }
    }

    private static void csv(ExportTable table, Provenance provenance, CsvHeader header, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        writer.write("# " + oneLine(table.title()) + "\r\n");
        for (String[] line : provenance.lines()) {
            writer.write("# " + line[0] + ": " + oneLine(line[1]) + "\r\n");
        }
        List<ExportColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ExportColumn column = columns.get(i);
            writer.write((i > 0 ? "," : "")
                    + csvCell(header == CsvHeader.CODES ? column.code() : SpreadsheetText.defused(column.heading())));
        }
        writer.write("\r\n");
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(csvCell(text(row.get(i), columns.get(i).kind())));
            }
            writer.write("\r\n");
        }
        writer.flush();
    }

    private static void xlsx(ExportTable table, Provenance provenance, OutputStream out) throws IOException {
        try (var workbook = new SXSSFWorkbook(XLSX_ROWS_IN_MEMORY)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            List<ExportColumn> columns = table.columns();
            CellStyle[] styles = new CellStyle[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                styles[i] = style(workbook, columns.get(i).kind());
            }
            SXSSFSheet sheet = workbook.createSheet("数据 Data");
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).heading());
                cell.setCellStyle(heading);
                sheet.setColumnWidth(i, width(columns.get(i)));
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (styles[i] != null) {
                        cell.setCellStyle(styles[i]);
                    }
                    set(cell, value, columns.get(i).kind());
                }
            }
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
            }
            SXSSFSheet about = workbook.createSheet("来源 Provenance");
            about.setColumnWidth(0, 24 * 256);
            about.setColumnWidth(1, 80 * 256);
            Row title = about.createRow(0);
            title.createCell(0).setCellValue(table.title());
            title.getCell(0).setCellStyle(heading);
            int line = 1;
            for (String[] entry : provenance.lines()) {
                Row row = about.createRow(line++);
                row.createCell(0).setCellValue(entry[0]);
                row.createCell(1).setCellValue(truncated(entry[1]));
            }
            workbook.write(out);
        }
        out.flush();
    }

    private static CellStyle style(SXSSFWorkbook workbook, ColumnKind kind) {
        String format =
                switch (kind) {
                    case TEXT -> null;
                    case INTEGER -> "0";
                    case DECIMAL -> "0.00";
                    case PERCENT -> "0.0%";
                    case DATE -> "yyyy-mm-dd";
                };
        if (format == null) {
            return null;
        }
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static void set(Cell cell, Object value, ColumnKind kind) {
        if (value instanceof Number number && kind != ColumnKind.TEXT) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
        } else {
            // a typed cell never runs as a formula, so text is written as it is
            cell.setCellValue(truncated(String.valueOf(value)));
        }
    }

    /** Column width in 1/256 of a character; CJK characters count double. */
    private static int width(ExportColumn column) {
        int units = 0;
        for (char c : column.heading().toCharArray()) {
            units += c > 0x2E80 ? 2 : 1;
        }
        int minimum = column.kind() == ColumnKind.TEXT ? 14 : 10;
        return Math.min(60, Math.max(minimum, units + 2)) * 256;
    }

    private static String text(Object value, ColumnKind kind) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && kind != ColumnKind.TEXT) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        String text = String.valueOf(value);
        return kind == ColumnKind.TEXT ? SpreadsheetText.defused(text) : text;
    }

    private static String csvCell(String text) {
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String oneLine(String text) {
        return text.replace("\r", " ").replace("\n", " ");
    }

    private static String truncated(String text) {
        return text.length() > XLSX_MAX_CELL_TEXT ? text.substring(0, XLSX_MAX_CELL_TEXT - 1) + "…" : text;
    }
}
