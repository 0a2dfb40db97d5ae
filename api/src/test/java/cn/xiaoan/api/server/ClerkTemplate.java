package cn.xiaoan.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger template filled as a clerk fills it, from its own drop-down lists: one row that is right and one that says
 * 已整改 without its 整改完成日期 (row 5 of the sheet), which ingest refuses.
 */
final class ClerkTemplate {
    private ClerkTemplate() {}

    /** The filled workbook's bytes. */
    static byte[] fillLedger(XSSFWorkbook workbook) throws IOException {
        List<String> schools = list(workbook, "list_own_school_code");
        List<String> names = list(workbook, "list_own_school_name");
        XSSFSheet sheet = workbook.getSheetAt(0);
        List<String> headers = new ArrayList<>();
        sheet.getRow(2).forEach(cell -> headers.add(cell.getStringCellValue()));
        fill(sheet, headers, 3, schools.get(0), names.get(0), "消防安全", "一般隐患", "整改中", LocalDate.of(2026, 12, 1));
        fill(sheet, headers, 4, schools.get(0), names.get(0), "用电用气安全", "重大隐患", "已整改", LocalDate.of(2026, 12, 1));
        var out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    static void fill(
            XSSFSheet sheet,
            List<String> headers,
            int rowIndex,
            String school,
            String name,
            String category,
            String severity,
            String status,
            LocalDate deadline) {
        Row row = sheet.createRow(rowIndex);
        set(sheet, row, headers, "*学校标识码", school);
        set(sheet, row, headers, "学校名称", name);
        set(sheet, row, headers, "*检查日期", LocalDate.of(2026, 10, 12));
        set(sheet, row, headers, "检查方式", "自查");
        set(sheet, row, headers, "*隐患类别", category);
        set(sheet, row, headers, "隐患部位", "宿舍楼");
        set(sheet, row, headers, "*隐患描述", "灭火器压力不足");
        set(sheet, row, headers, "*隐患等级", severity);
        set(sheet, row, headers, "临时防范措施", "临时增配灭火器");
        set(sheet, row, headers, "*整改责任人", "张三");
        set(sheet, row, headers, "整改期限", deadline);
        set(sheet, row, headers, "*整改状态", status);
    }

    static void set(XSSFSheet sheet, Row row, List<String> headers, String header, Object value) {
        int column = headers.indexOf(header);
        assertThat(column).as(header).isNotNegative();
        Cell cell = row.createCell(column);
        cell.setCellStyle(sheet.getColumnStyle(column));
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    static List<String> list(XSSFWorkbook workbook, String name) {
        var area = new AreaReference(workbook.getName(name).getRefersToFormula(), workbook.getSpreadsheetVersion());
        XSSFSheet sheet = workbook.getSheet(area.getFirstCell().getSheetName());
        var values = new ArrayList<String>();
        for (var cell : area.getAllReferencedCells()) {
            values.add(sheet.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
        }
        return values;
    }
}
