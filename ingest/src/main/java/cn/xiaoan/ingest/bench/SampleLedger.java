package cn.xiaoan.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plausible, valid ledger rows over 2,000 schools (Chinese headers, codes as clerks write them) for the ingest
 * benchmark, as CSV or as an Excel-style XLSX (shared strings, date-formatted cells). The same seed gives the same
 * rows in both formats.
 */
final class SampleLedger {
    static final int SCHOOLS = 2000;
    static final long FIRST_SCHOOL_CODE = 1409020000L;

    private static final String[] HEADER = {
        "隐患编号", "学校标识码", "学校名称", "检查日期", "检查方式", "检查人/督查组", "隐患类别", "隐患部位", "隐患描述", "隐患等级", "整改措施", "临时防范措施", "整改责任人",
        "整改期限", "整改状态", "整改完成日期", "销号日期"
    };
    private static final boolean[] DATE_COLUMN = {
        false, false, false, true, false, false, false, false, false, false, false, false, false, true, false, true,
        true
    };
    private static final String[] CATEGORIES = {"消防安全", "用电用气安全", "交通与校车安全", "食品与饮用水安全", "校舍与建筑安全", "治安防控", "设施设备"};
    private static final String[] LOCATIONS = {"宿舍", "食堂", "实验室", "教学楼", "操场", "校门口", "配电室"};
    private static final String[] DESCRIPTIONS = {
        "灭火器过期未更换", "疏散通道堆放杂物", "电线私拉乱接", "食堂从业人员健康证过期", "围墙局部开裂", "一键报警装置故障", "楼梯扶手松动"
    };
    private static final String[] TYPES = {"自查", "督查", "交叉互查", "联合检查"};
    private static final LocalDate FIRST_FOUND = LocalDate.of(2024, 1, 1);
    /** Excel's serial of 1970-01-01 in the 1900 date system. */
    private static final int EXCEL_EPOCH_OFFSET = 25569;

    private SampleLedger() {}

    /** One row's cells; dates as epoch days in {@code days} (-1 when blank), texts in {@code cells}. */
    private static final class Row {
        final String[] cells = new String[HEADER.length];
        final int[] days = new int[HEADER.length];
        private final Random random = new Random(42);

        void fill(long index) {
            int school = random.nextInt(SCHOOLS);
            LocalDate found = FIRST_FOUND.plusDays(random.nextInt(700));
            boolean major = random.nextInt(20) == 0;
            int state = random.nextInt(4);
            java.util.Arrays.fill(days, -1);
            cells[0] = "YH-" + index;
            cells[1] = Long.toString(FIRST_SCHOOL_CODE + school);
            cells[2] = schoolName(school);
            date(3, found);
            cells[4] = TYPES[random.nextInt(TYPES.length)];
            cells[5] = "第一督查组";
            cells[6] = CATEGORIES[random.nextInt(CATEGORIES.length)];
            cells[7] = LOCATIONS[random.nextInt(LOCATIONS.length)];
            cells[8] = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
            cells[9] = major ? "重大事故隐患" : "一般隐患";
            cells[10] = "立即整改";
            cells[11] = major ? "设置警戒区域" : null;
            cells[12] = "张老师";
            date(13, found.plusDays(30));
            cells[14] = switch (state) {
                case 0 -> "未整改";
                case 1 -> "整改中";
                case 2 -> "已整改";
                default -> "已销号";
            };
            cells[15] = null;
            cells[16] = null;
            if (state >= 2) {
                date(15, found.plusDays(10));
            }
            if (state == 3) {
                date(16, found.plusDays(12));
            }
        }

        private void date(int column, LocalDate date) {
            days[column] = (int) date.toEpochDay();
            cells[column] = date.toString();
        }
    }

    /** The register of the ledger's schools, with the names the ledger gives them. */
    static Path writeRegister(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n");
            for (int school = 0; school < SCHOOLS; school++) {
                out.write((FIRST_SCHOOL_CODE + school) + "," + schoolName(school) + ",140902,小学,否,100\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sample register " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String schoolName(int school) {
        return "第" + school + "学校";
    }

    static Path writeCsv(Path file, long rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER));
            out.write('\n');
            var row = new Row();
            for (long i = 0; i < rows; i++) {
                row.fill(i);
                for (int column = 0; column < HEADER.length; column++) {
                    if (column > 0) {
                        out.write(',');
                    }
                    if (row.cells[column] != null) {
                        out.write(row.cells[column]);
                    }
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sample ledger " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * The same rows as {@link #writeCsv} in one sheet below a title row, the way Excel saves them: every text in the
     * shared-strings table, dates as serial numbers with a date format.
     */
    static Path writeXlsx(Path file, long rows) {
        try (OutputStream bytes = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(1);
            part(zip, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, "_rels/.rels", ROOT_RELS);
            part(zip, "xl/workbook.xml", WORKBOOK);
            part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            part(zip, "xl/styles.xml", STYLES);
            var strings = new HashMap<String, Integer>();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN_NS
                    + "\"><sheetData>");
            sheet.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>" + index(strings, "学校安全隐患排查整治台账") + "</v></c></row>");
            sheet.write("<row r=\"2\">");
            for (int column = 0; column < HEADER.length; column++) {
                stringCell(sheet, strings, column, 2, HEADER[column]);
            }
            sheet.write("</row>");
            var row = new Row();
            for (long i = 0; i < rows; i++) {
                row.fill(i);
                long number = i + 3;
                sheet.write("<row r=\"" + number + "\">");
                for (int column = 0; column < HEADER.length; column++) {
                    if (DATE_COLUMN[column] && row.days[column] >= 0) {
                        sheet.write("<c r=\"" + reference(column, number) + "\" s=\"1\"><v>"
                                + (row.days[column] + EXCEL_EPOCH_OFFSET) + "</v></c>");
                    } else if (row.cells[column] != null) {
                        stringCell(sheet, strings, column, number, row.cells[column]);
                    }
                }
                sheet.write("</row>");
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer table = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            table.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN_NS
                    + "\" uniqueCount=\"" + strings.size() + "\">");
            String[] ordered = new String[strings.size()];
            strings.forEach((text, position) -> ordered[position] = text);
            for (String text : ordered) {
                table.write("<si><t>" + escape(text) + "</t></si>");
            }
            table.write("</sst>");
            table.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sample ledger " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void stringCell(Writer sheet, Map<String, Integer> strings, int column, long row, String text)
            throws IOException {
        sheet.write("<c r=\"" + reference(column, row) + "\" t=\"s\"><v>" + index(strings, text) + "</v></c>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int index(Map<String, Integer> strings, String text) {
        return strings.computeIfAbsent(text, t -> strings.size());
    }

    private static String reference(int column, long row) {
        return (char) ('A' + column) + Long.toString(row);
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "</Types>";
    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"xl/workbook.xml\"/></Relationships>";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"" + MAIN_NS + "\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"隐患台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            + " Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
            + " Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId3\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
            + " Target=\"sharedStrings.xml\"/></Relationships>";
    /** Style 0 general, style 1 the built-in date format 14 (yyyy/m/d in a Chinese locale). */
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"" + MAIN_NS + "\">"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs></styleSheet>";
}
