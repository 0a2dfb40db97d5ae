package cn.xiaoan.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook that looks like a bureau's return: a merged title row, a 填报单位/填报日期 row, the header, the rows with
 * dates in the mixed forms clerks produce, and a signature row. Written with SXSSF (streaming); a dataset longer than
 * one sheet allows continues in {@code <name>-part2.xlsx} and so on. Zip entry times and document dates are fixed, so
 * the same rows give the same bytes.
 */
final class XlsxSink implements RowSink {
    /** Rows of an XLSX sheet. */
    static final int MAX_SHEET_ROWS = 1_048_576;
    /** Title, 填报 row and header above the data; a blank row and the signature row below. */
    static final int LAYOUT_ROWS = 5;

    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final java.time.Instant DOCUMENT_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z");
    static final String UNIT = "忻州市教育局安全办";

    private final TableLayout layout;
    private final Path directory;
    private final String baseName;
    private final LocalDate reportDate;
    private final int fillDay;
    private final int maxDataRows;
    private final List<AtomicFile> parts = new ArrayList<>();
    private final List<Long> partRows = new ArrayList<>();

    private SXSSFWorkbook workbook;
    private SXSSFSheet sheet;
    private CellStyle dateStyle;
    private CellStyle plainStyle;
    private Row row;
    private int column;
    private int sheetRow;
    private long dataRowsInPart;
    private long cellCounter;
    private boolean committed;

    XlsxSink(TableLayout layout, Path directory, String baseName, LocalDate reportDate, int maxDataRows) {
        if (maxDataRows < 1 || maxDataRows > MAX_SHEET_ROWS - LAYOUT_ROWS) {
            throw new IllegalArgumentException("Cannot write XLSX: " + maxDataRows + " data rows per sheet");
        }
        this.layout = layout;
        this.directory = directory;
        this.baseName = baseName;
        this.reportDate = reportDate;
        this.fillDay = DemoCalendar.day(reportDate != null ? reportDate : DemoCalendar.END);
        this.maxDataRows = maxDataRows;
        startPart();
    }

    @Override
    public void text(String value) {
        Cell cell = cell();
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    @Override
    public void coded(String display, String code) {
        text(display);
    }

    @Override
    public void date(int day) {
        Cell cell = cell();
        if (day < 0) {
            return;
        }
        // Clerks' workbooks mix true date cells with serial numbers and several text forms.
        int form = (int) Math.floorMod(Rng.mix(++cellCounter), 20L);
        if (form < 12) {
            cell.setCellValue(DemoCalendar.date(day));
            cell.setCellStyle(dateStyle);
        } else if (form < 14) {
            cell.setCellValue(DemoCalendar.excelSerial(day));
        } else if (form < 16) {
            cell.setCellValue(DemoCalendar.slash(day));
        } else if (form < 18) {
            cell.setCellValue(DemoCalendar.chinese(day));
        } else {
            cell.setCellValue(DemoCalendar.iso(day));
        }
    }

    @Override
    public void number(long value) {
        cell().setCellValue((double) value);
    }

    @Override
    public void flag(boolean value) {
        text(value ? "是" : "否");
    }

    @Override
    public void endRow() throws IOException {
        if (column != layout.size()) {
            throw new IllegalStateException("Cannot end XLSX row: " + column + " cells written, expected "
                    + layout.size() + " for " + baseName);
        }
        row = null;
        column = 0;
    }

    @Override
    public List<GeneratedFile> commit() throws IOException {
        finishPart();
        var files = new ArrayList<GeneratedFile>();
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).commit();
            files.add(new GeneratedFile(
                    layout.dataset(), OutputFormat.XLSX, parts.get(i).target(), reportDate, partRows.get(i)));
        }
        committed = true;
        return files;
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            if (workbook != null) {
                workbook.close();
                workbook = null;
            }
        } finally {
            for (AtomicFile part : parts) {
                part.abort();
            }
        }
    }

    private Cell cell() {
        if (row == null) {
            if (dataRowsInPart == maxDataRows) {
                try {
                    finishPart();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                startPart();
            }
            row = sheet.createRow(sheetRow++);
            dataRowsInPart++;
        }
        Cell cell = row.createCell(column++);
        // An explicit style spares SXSSF a per-cell lookup of the column's default style.
        cell.setCellStyle(plainStyle);
        return cell;
    }

    private void startPart() {
        int part = parts.size() + 1;
        String name = baseName + (part == 1 ? "" : "-part" + part) + ".xlsx";
        parts.add(new AtomicFile(directory.resolve(name)));
        workbook = new FixedTimeWorkbook(200);
        workbook.setCompressTempFiles(false);
        sheet = workbook.createSheet(layout.dataset().nameZh());
        plainStyle = workbook.getCellStyleAt(0);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        int columns = layout.size();
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, layout.columns().get(c).width() * 256);
        }

        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        CellStyle titleStyle = workbook.createCellStyle();
        titleStyle.setFont(titleFont);
        titleStyle.setAlignment(HorizontalAlignment.CENTER);
        Row title = sheet.createRow(0);
        title.setHeightInPoints(28);
        Cell titleCell = title.createCell(0);
        titleCell.setCellValue("忻州市" + layout.title() + (part == 1 ? "" : "（续" + part + "）"));
        titleCell.setCellStyle(titleStyle);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        }

        Row fill = sheet.createRow(1);
        fill.createCell(0).setCellValue("填报单位：" + UNIT);
        fill.createCell(Math.max(1, columns - 2)).setCellValue("填报日期：" + DemoCalendar.iso(fillDay));

        Font headerFont = workbook.createFont();
        headerFont.setBold(true);
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFont(headerFont);
        headerStyle.setAlignment(HorizontalAlignment.CENTER);
        headerStyle.setBorderBottom(BorderStyle.THIN);
        headerStyle.setBorderTop(BorderStyle.THIN);
        headerStyle.setBorderLeft(BorderStyle.THIN);
        headerStyle.setBorderRight(BorderStyle.THIN);
        Row header = sheet.createRow(2);
        for (int c = 0; c < columns; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(layout.columns().get(c).header());
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 3);
        sheetRow = 3;
        dataRowsInPart = 0;
        row = null;
    }

    private void finishPart() throws IOException {
        int columns = layout.size();
        Row signature = sheet.createRow(sheetRow + 1);
        signature.createCell(0).setCellValue("填报人：李晓红");
        signature.createCell(Math.min(columns - 1, Math.max(1, columns / 2))).setCellValue("审核人：张建华");
        signature.createCell(Math.max(2, columns - 1)).setCellValue("单位（盖章）：" + UNIT);
        var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreator("xiaoan");
        core.setTitle(layout.title());
        core.setCreated(java.util.Optional.of(java.util.Date.from(DOCUMENT_TIME)));
        core.setModified(java.util.Optional.of(java.util.Date.from(DOCUMENT_TIME)));

        AtomicFile part = parts.get(parts.size() - 1);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part.temporary()), 1 << 16)) {
            workbook.write(out);
        } finally {
            workbook.close();
            workbook = null;
        }
        partRows.add(dataRowsInPart);
    }

    /** A streaming workbook whose zip entries all carry one fixed time, so the same rows give the same bytes. */
    private static final class FixedTimeWorkbook extends SXSSFWorkbook {
        private static final long ENTRY_TIME =
                ZIP_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

        FixedTimeWorkbook(int window) {
            super(window);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            var zip = new ZipArchiveOutputStream(stream) {
                @Override
                public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                    // Zip entry times are local DOS times: fix the local time, whatever the time zone.
                    entry.setTime(ENTRY_TIME);
                    super.putArchiveEntry(entry);
                }
            };
            zip.setUseZip64(zip64Mode);
            // Sheet XML is bulky and repetitive: the fastest level keeps most of the gain at a fraction of the time.
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }
}
