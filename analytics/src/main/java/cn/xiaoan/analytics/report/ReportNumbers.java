package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Every number a report shows, by where it is: a DOCX's paragraphs ({@code 第 2 页 第 14 段 / page 2, paragraph 14})
 * and table cells ({@code 表 3 第 4 行 第 2 列}); an XLSX's cells ({@code 分县区 By district!C5}). Numbers are read
 * as printed (digits with separators and decimals, a percent sign), so a figure edited by hand shows as a different
 * token at its place.
 */
public record ReportNumbers(Optional<ReportStamp> stamp, Map<String, List<String>> numbers) {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[,.]\\d+)*%?");

    public ReportNumbers {
        requireNonNull(stamp, "stamp");
        numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /** A file that is not an Office document xiaoan can read. */
    public static final class NotAReportException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAReportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads a DOCX or XLSX (told apart by their content, not their name). */
    public static ReportNumbers read(byte[] file) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            boolean word =
                    pkg.getPartsByName(Pattern.compile("/word/document\\.xml")).size() == 1;
            boolean excel =
                    pkg.getPartsByName(Pattern.compile("/xl/workbook\\.xml")).size() == 1;
            if (word) {
                try (var doc = new XWPFDocument(pkg)) {
                    return new ReportNumbers(stamp(doc.getProperties()), docx(doc));
                }
            }
            if (excel) {
                try (var workbook = new XSSFWorkbook(pkg)) {
                    return new ReportNumbers(stamp(workbook.getProperties()), xlsx(workbook));
                }
            }
            throw new NotAReportException("Not a Word or Excel document / 不是 Word 或 Excel 文档（docx、xlsx）", null);
        } catch (NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new NotAReportException(
                    "Not an Office document (docx, xlsx): " + e.getMessage() + " / 不是 docx 或 xlsx 文件", e);
        } catch (IOException e) {
            throw new NotAReportException("Cannot read the file: " + e.getMessage() + " / 无法读取文件", e);
        }
    }

    private static Optional<ReportStamp> stamp(POIXMLProperties properties) {
        return ReportStamp.readFrom(properties);
    }

    private static Map<String, List<String>> docx(XWPFDocument doc) {
        var numbers = new LinkedHashMap<String, List<String>>();
        int page = 1;
        int paragraph = 0;
        int table = 0;
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                if (p.isPageBreak()) {
                    page++;
                }
                paragraph++;
                add(
                        numbers,
                        "第 " + page + " 页 第 " + paragraph + " 段 / page " + page + ", paragraph " + paragraph,
                        p.getText());
                page += breaks(p);
            } else if (element instanceof XWPFTable t) {
                table++;
                int r = 0;
                for (XWPFTableRow row : t.getRows()) {
                    r++;
                    int c = 0;
                    for (XWPFTableCell cell : row.getTableCells()) {
                        c++;
                        add(
                                numbers,
                                "第 " + page + " 页 表 " + table + " 第 " + r + " 行 第 " + c + " 列 / page " + page
                                        + ", table " + table + ", row " + r + ", cell " + c,
                                cell.getText());
                    }
                }
            }
        }
        return numbers;
    }

    private static int breaks(XWPFParagraph paragraph) {
        int breaks = 0;
        for (XWPFRun run : paragraph.getRuns()) {
            for (var br : run.getCTR().getBrList()) {
                if (br.isSetType() && br.getType().intValue() == BreakType.PAGE.getValue()) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static Map<String, List<String>> xlsx(XSSFWorkbook workbook) {
        var numbers = new LinkedHashMap<String, List<String>>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String where =
                            sheet.getSheetName() + "!" + cell.getAddress().formatAsString();
                    CellType type = cell.getCellType() == CellType.FORMULA
                            ? cell.getCachedFormulaResultType()
                            : cell.getCellType();
                    if (type == CellType.NUMERIC) {
                        numbers.put(where, List.of(plain(cell.getNumericCellValue())));
                    } else if (type == CellType.STRING) {
                        add(numbers, where, cell.getStringCellValue());
                    }
                }
            }
        }
        return numbers;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void add(Map<String, List<String>> numbers, String where, String text) {
        var found = new ArrayList<String>();
        Matcher matcher = NUMBER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        if (!found.isEmpty()) {
            numbers.put(where, found);
        }
    }

    /** One place where the printed numbers differ from the recomputed ones. */
    public record Difference(String location, String printed, String recomputed) {}

    /** Every place whose numbers differ, in the printed report's order (then places only the recomputed one has). */
    public List<Difference> differences(ReportNumbers recomputed) {
        var differences = new ArrayList<Difference>();
        for (var printed : numbers.entrySet()) {
            List<String> again = recomputed.numbers().getOrDefault(printed.getKey(), List.of());
            if (!again.equals(printed.getValue())) {
                differences.add(new Difference(
                        printed.getKey(), String.join(" ", printed.getValue()), String.join(" ", again)));
            }
        }
        for (var again : recomputed.numbers().entrySet()) {
            if (!numbers.containsKey(again.getKey())) {
                differences.add(new Difference(again.getKey(), "", String.join(" ", again.getValue())));
            }
        }
        return differences;
    }
}
