package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.domain.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxIngestTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    /** Writes cells: a String, a LocalDate (date-formatted cell), a Number, or "=formula". */
    private static void row(Sheet sheet, int index, CellStyle dateStyle, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof String text && text.startsWith("=")) {
                cell.setCellFormula(text.substring(1));
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    private static CellStyle dateStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        return style;
    }

    private Path save(XSSFWorkbook workbook, String name) throws IOException {
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = temp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }

    private static Object[] header() {
        return IngestFixture.LEDGER_HEADER.toArray();
    }

    @Test
    void readsALedgerBelowTitleRowsWithMixedDatesFormulasAndASignature() throws IOException {
        var workbook = new XSSFWorkbook();
        CellStyle date = dateStyle(workbook);
        Sheet sheet = workbook.createSheet("隐患台账");
        row(sheet, 0, date, "忻府区学校安全隐患排查整治台账");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 16));
        row(sheet, 1, date, "填报单位：忻府区教育局", null, null, null, null, null, "填报日期：2024年5月31日");
        row(sheet, 2, date, header());
        row(
                sheet,
                3,
                date,
                "YH-1",
                1409020001L,
                "忻府区第一中学",
                LocalDate.of(2024, 3, 5),
                "自查",
                "王明",
                "消防安全",
                "宿舍",
                "灭火器过期",
                "一般隐患",
                "更换",
                null,
                "张三",
                LocalDate.of(2024, 3, 20),
                "已整改",
                45366,
                null);
        row(
                sheet,
                4,
                date,
                "=\"YH-\"&(1+1)",
                "1409020002",
                "忻府区实验小学",
                "2024/3/6",
                "督查",
                "一组",
                "食品安全",
                "食堂",
                "健康证过期",
                "一般",
                "补办",
                null,
                "李四",
                "2024年3月30日",
                "未整改",
                null,
                null);
        row(sheet, 5, date);
        row(
                sheet,
                6,
                date,
                "YH-3",
                "1409020002",
                "忻府区实验小学",
                45357,
                "自查",
                "王明",
                "校舍",
                "围墙",
                "围墙开裂",
                "重大",
                "加固",
                "设置警戒线",
                "赵六",
                "=D7+30",
                "整改中",
                null,
                null);
        row(sheet, 8, date, "填报人：王明", null, null, "审核人：李校长", null, "联系电话：13800000000");
        Path file = save(workbook, "ledger.xlsx");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.read()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.reportDate()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(result.reportDateSource()).isEqualTo(ReportDateSource.FILE);
        List<Map<String, Object>> rows = fixture.query(
                "SELECT hazard_id, school_code, found_date, deadline, rectified_date, severity, source_row, report_date"
                        + " FROM ledger ORDER BY hazard_id");
        assertThat(rows)
                .containsExactly(
                        Map.of(
                                "hazard_id",
                                "YH-1",
                                "school_code",
                                "1409020001",
                                "found_date",
                                LocalDate.of(2024, 3, 5),
                                "deadline",
                                LocalDate.of(2024, 3, 20),
                                "rectified_date",
                                LocalDate.of(2024, 3, 15),
                                "severity",
                                "GENERAL",
                                "source_row",
                                4,
                                "report_date",
                                LocalDate.of(2024, 5, 31)),
                        nullable(Map.of(
                                "hazard_id",
                                "YH-2",
                                "school_code",
                                "1409020002",
                                "found_date",
                                LocalDate.of(2024, 3, 6),
                                "deadline",
                                LocalDate.of(2024, 3, 30),
                                "severity",
                                "GENERAL",
                                "source_row",
                                5,
                                "report_date",
                                LocalDate.of(2024, 5, 31))),
                        nullable(Map.of(
                                "hazard_id",
                                "YH-3",
                                "school_code",
                                "1409020002",
                                "found_date",
                                LocalDate.of(2024, 3, 6),
                                "deadline",
                                LocalDate.of(2024, 4, 5),
                                "severity",
                                "MAJOR",
                                "source_row",
                                7,
                                "report_date",
                                LocalDate.of(2024, 5, 31))));
    }

    private static Map<String, Object> nullable(Map<String, Object> values) {
        var map = new java.util.HashMap<String, Object>(values);
        map.put("rectified_date", null);
        return map;
    }

    @Test
    void readsAHeaderSpreadOverTwoMergedRows() throws IOException {
        var workbook = new XSSFWorkbook();
        CellStyle date = dateStyle(workbook);
        Sheet sheet = workbook.createSheet("台账");
        Object[] top = header();
        Object[] bottom = new Object[top.length];
        // 整改状态 / 整改完成日期 / 销号日期 sit under a merged group label 整改情况; the rest are merged vertically.
        for (int i = 14; i < 17; i++) {
            bottom[i] = top[i];
            top[i] = i == 14 ? "整改情况" : null;
        }
        row(sheet, 0, date, top);
        row(sheet, 1, date, bottom);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 14, 16));
        for (int i = 0; i < 14; i++) {
            sheet.addMergedRegion(new CellRangeAddress(0, 1, i, i));
        }
        row(
                sheet,
                2,
                date,
                "YH-1",
                "1409020001",
                "忻府区第一中学",
                "2024-03-05",
                "自查",
                "王明",
                "消防",
                "宿舍",
                "灭火器过期",
                "一般",
                "更换",
                null,
                "张三",
                "2024-03-20",
                "已销号",
                "2024-03-15",
                "2024-03-16");
        Path file = save(workbook, "merged.xlsx");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(fixture.query("SELECT status, rectified_date, closed_date, extra, source_row FROM ledger"))
                .containsExactly(Map.of(
                        "status",
                        "CLOSED",
                        "rectified_date",
                        LocalDate.of(2024, 3, 15),
                        "closed_date",
                        LocalDate.of(2024, 3, 16),
                        "extra",
                        "{}",
                        "source_row",
                        3));
    }

    @Test
    void findsTheLedgerOnTheSecondSheetAfterACoverSheet() throws IOException {
        var workbook = new XSSFWorkbook();
        CellStyle date = dateStyle(workbook);
        Sheet cover = workbook.createSheet("封面");
        row(cover, 0, date, "2024年第一季度学校安全隐患排查报告");
        row(cover, 2, date, "报送单位：忻府区教育局");
        Sheet sheet = workbook.createSheet("明细");
        row(sheet, 0, date, header());
        row(
                sheet,
                1,
                date,
                "YH-1",
                "1409020001",
                "忻府区第一中学",
                "2024-03-05",
                "自查",
                "王明",
                "消防",
                "宿舍",
                "灭火器过期",
                "一般",
                "更换",
                null,
                "张三",
                "2024-03-20",
                "未整改",
                null,
                null);
        Path file = save(workbook, "cover.xlsx");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(Files.readString(fixture.warehouse.manifest(result.batchId())))
                .contains("\"sheet\" : \"明细\"");
    }

    @Test
    void rejectsSerialSixtyAndImpossibleDatesWithTheSheetName() throws IOException {
        var workbook = new XSSFWorkbook();
        CellStyle date = dateStyle(workbook);
        Sheet sheet = workbook.createSheet("台账");
        row(sheet, 0, date, header());
        row(
                sheet,
                1,
                date,
                "YH-1",
                "1409020001",
                "忻府区第一中学",
                60,
                "自查",
                "王明",
                "消防",
                "宿舍",
                "灭火器过期",
                "一般",
                "更换",
                null,
                "张三",
                null,
                "未整改",
                null,
                null);
        row(
                sheet,
                2,
                date,
                "YH-2",
                "1409020001",
                "忻府区第一中学",
                "2024-02-30",
                "自查",
                "王明",
                "消防",
                "宿舍",
                "灭火器过期",
                "一般",
                "更换",
                null,
                "张三",
                null,
                "未整改",
                null,
                null);
        row(
                sheet,
                3,
                date,
                "YH-3",
                "1409020001",
                "忻府区第一中学",
                "2024-02-29",
                "自查",
                "王明",
                "消防",
                "宿舍",
                "灭火器过期",
                "一般",
                "更换",
                null,
                "张三",
                null,
                "未整改",
                null,
                null);
        Path file = save(workbook, "dates.xlsx");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result))
                .extracting(r -> r.get("sheet") + " " + r.get("row") + " " + r.get("column") + " " + r.get("value"))
                .containsExactly("台账 2 检查日期 60", "台账 3 检查日期 2024-02-30");
    }

    @Test
    void refusesAWorkbookWithAHugeSharedStringsTable() throws IOException {
        Path small = smallLedgerWorkbook();
        Path bomb = temp.resolve("in").resolve("bomb.xlsx");
        byte[] filler = "<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>"
                .getBytes(StandardCharsets.UTF_8);
        long target = XlsxWorkbook.MAX_SHARED_STRINGS_BYTES + (1 << 20);
        rewrite(small, bomb, "xl/sharedStrings.xml", out -> {
            out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    .getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < target; written += filler.length) {
                out.write(filler);
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, bomb))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read bomb.xlsx: its shared-strings table is 101 MB uncompressed, more than the 100"
                        + " MB the reader holds in memory; split the workbook or export it as CSV (UTF-8)");
    }

    @Test
    void refusesAZipBombSheetCleanly() throws IOException {
        Path small = smallLedgerWorkbook();
        Path bomb = temp.resolve("in").resolve("sheet-bomb.xlsx");
        rewrite(small, bomb, "xl/worksheets/sheet1.xml", out -> {
            out.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(spaces);
            }
            out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, bomb))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Cannot read sheet-bomb.xlsx")
                .hasMessageContaining("Zip bomb detected")
                .hasMessageEndingWith("or export it as CSV (UTF-8)");
        assertThat(fixture.warehouse.raw(Dataset.LEDGER)).doesNotExist();
    }

    private Path smallLedgerWorkbook() throws IOException {
        var workbook = new XSSFWorkbook();
        CellStyle date = dateStyle(workbook);
        Sheet sheet = workbook.createSheet("台账");
        row(sheet, 0, date, header());
        row(
                sheet,
                1,
                date,
                "YH-1",
                "1409020001",
                "忻府区第一中学",
                "2024-03-05",
                "自查",
                "王明",
                "消防",
                "宿舍",
                "灭火器过期",
                "一般",
                "更换",
                null,
                "张三",
                null,
                "未整改",
                null,
                null);
        return save(workbook, "small.xlsx");
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Copies a workbook, replacing (or adding) one part. */
    private static void rewrite(Path source, Path target, String part, Body body) throws IOException {
        try (InputStream in = Files.newInputStream(source);
                ZipInputStream zipIn = new ZipInputStream(in);
                ZipOutputStream zipOut = new ZipOutputStream(Files.newOutputStream(target))) {
            zipOut.setLevel(9);
            ZipEntry entry;
            boolean replaced = false;
            while ((entry = zipIn.getNextEntry()) != null) {
                zipOut.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    body.write(zipOut);
                    replaced = true;
                } else {
                    zipIn.transferTo(zipOut);
                }
                zipOut.closeEntry();
            }
            if (!replaced) {
                zipOut.putNextEntry(new ZipEntry(part));
                body.write(zipOut);
                zipOut.closeEntry();
            }
        }
        assertThat(Files.size(target)).isLessThan(new ByteArrayOutputStream().size() + (2L << 20));
    }
}
