package cn.xiaoan.ingest;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.HazardStatus;
import cn.xiaoan.domain.InspectionType;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolType;
import cn.xiaoan.domain.Severity;
import cn.xiaoan.domain.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills a template as a clerk would: rows of a generated CSV return copied under the template's own headers, dates as
 * date cells, categories and the like as the Chinese names its drop-down lists offer, each cell in its column's
 * format, and the 填报日期 written beside its label.
 */
final class TemplateFiller {
    private TemplateFiller() {}

    /** Fills {@code template} with the rows of {@code generatedCsv} whose school is in {@code scope}; the row count. */
    static int fill(
            Path template,
            Dataset dataset,
            TemplateScope scope,
            Path generatedCsv,
            LocalDate reportDate,
            ReferenceData reference,
            Path out)
            throws IOException {
        Schema schema = UploadTemplate.schema(dataset);
        int rows = 0;
        try (InputStream in = Files.newInputStream(template);
                var workbook = new XSSFWorkbook(in);
                var csv = new CsvSource(generatedCsv)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(UploadTemplate.HEADER_ROW);
            int width = header.getLastCellNum();
            int[] schemaColumn = new int[width];
            for (int c = 0; c < width; c++) {
                schemaColumn[c] = schema.match(header.getCell(c).getStringCellValue());
            }
            String[] csvHeader = csv.next();
            int[] csvPosition = new int[schema.size()];
            java.util.Arrays.fill(csvPosition, -1);
            for (int p = 0; p < csvHeader.length; p++) {
                int column = schema.match(csvHeader[p]);
                if (column >= 0) {
                    csvPosition[column] = p;
                }
            }
            writeReportDate(sheet.getRow(UploadTemplate.FILL_ROW), reportDate);
            int schoolCode = csvPosition[schema.indexOf("school_code")];
            String[] cells;
            while ((cells = csv.next()) != null) {
                if (!scope.schools().containsKey(cells[schoolCode])) {
                    continue;
                }
                Row row = sheet.createRow(UploadTemplate.FIRST_DATA_ROW + rows++);
                for (int c = 0; c < width; c++) {
                    int column = schemaColumn[c];
                    int position = column < 0 ? -1 : csvPosition[column];
                    if (position < 0 || position >= cells.length || cells[position].isBlank()) {
                        continue;
                    }
                    String key = schema.columns().get(column).key();
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(sheet.getColumnStyle(c));
                    setValue(cell, UploadTemplate.input(dataset, key), cells[position], scope, reference.taxonomy());
                }
            }
            try (OutputStream target = Files.newOutputStream(out)) {
                workbook.write(target);
            }
        }
        return rows;
    }

    private static void setValue(
            Cell cell, UploadTemplate.Input input, String value, TemplateScope scope, Taxonomy taxonomy) {
        switch (input) {
            case DATE -> cell.setCellValue(LocalDate.parse(value));
            case COUNT -> cell.setCellValue(Double.parseDouble(value));
            case CATEGORY -> cell.setCellValue(name(taxonomy, Category.class, value));
            case SEVERITY -> cell.setCellValue(name(taxonomy, Severity.class, value));
            case STATUS -> cell.setCellValue(name(taxonomy, HazardStatus.class, value));
            case INSPECTION_TYPE -> cell.setCellValue(name(taxonomy, InspectionType.class, value));
            case SCHOOL_TYPE -> cell.setCellValue(name(taxonomy, SchoolType.class, value));
            default -> cell.setCellValue(value);
        }
    }

    /** The Chinese name the drop-down list offers for a value written in any accepted spelling. */
    private static <E extends Enum<E> & cn.xiaoan.domain.Coded> String name(
            Taxonomy taxonomy, Class<E> type, String value) {
        return taxonomy.term(taxonomy.resolve(type, value).orElseThrow(() -> new AssertionError(value)))
                .nameZh();
    }

    private static void writeReportDate(Row fill, LocalDate reportDate) {
        for (Cell cell : fill) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && cell.getStringCellValue().startsWith("填报日期")) {
                Cell date = fill.getCell(cell.getColumnIndex() + 1);
                date.setCellValue(reportDate);
                return;
            }
        }
        throw new AssertionError("the template has no 填报日期 label");
    }

    /** The header texts of the template's data sheet. */
    static List<String> headers(Path template) throws IOException {
        try (InputStream in = Files.newInputStream(template);
                var workbook = new XSSFWorkbook(in)) {
            var headers = new ArrayList<String>();
            workbook.getSheetAt(0).getRow(UploadTemplate.HEADER_ROW).forEach(c -> headers.add(c.getStringCellValue()));
            return headers;
        }
    }
}
