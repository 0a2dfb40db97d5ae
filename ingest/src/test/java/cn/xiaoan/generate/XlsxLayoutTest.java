package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxLayoutTest {
    @TempDir
    Path out;

    @Test
    void ledgerWorkbookLooksLikeABureauReturn() throws IOException {
        GenerationSummary summary = new Generator(ReferenceData.load())
                .generate(
                        new GeneratorOptions(out, 20, 1_500, 3, EnumSet.of(OutputFormat.XLSX)),
                        GeneratorProgress.silent());
        GeneratedFile ledger = summary.files().stream()
                .filter(file -> file.dataset() == Dataset.LEDGER)
                .filter(file -> file.reportDate().toString().equals("2024-06-30"))
                .findFirst()
                .orElseThrow();
        assertThat(ledger.path().getFileName()).hasToString("ledger-2024-06-30.xlsx");

        try (var workbook = new XSSFWorkbook(Files.newInputStream(ledger.path()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("忻州市学校安全隐患排查整治台账");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 17));
            assertThat(texts(sheet.getRow(1)))
                    .anyMatch(text -> text.startsWith("填报单位："))
                    .contains("填报日期：2024-06-30");
            assertThat(texts(sheet.getRow(2)))
                    .containsExactlyElementsOf(TableLayout.LEDGER.columns().stream()
                            .map(TableLayout.Column::header)
                            .toList());
            int last = sheet.getLastRowNum();
            assertThat(last).isEqualTo(3 + (int) ledger.rows() + 1);
            String signature = String.join(" ", texts(sheet.getRow(last)));
            assertThat(signature).contains("填报人：", "审核人：", "单位（盖章）");

            var forms = new java.util.HashSet<String>();
            for (int r = 3; r < 3 + ledger.rows(); r++) {
                Cell found = sheet.getRow(r).getCell(3);
                forms.add(form(found));
            }
            assertThat(forms).contains("date cell", "serial number", "slash text", "chinese text", "iso text");
            assertThat(workbook.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        }
    }

    @Test
    void splitsALedgerLongerThanASheetIntoNumberedParts() throws IOException {
        GenerationSummary summary = new Generator(ReferenceData.load(), 300)
                .generate(
                        new GeneratorOptions(out, 20, 3_000, 3, EnumSet.of(OutputFormat.XLSX, OutputFormat.CSV)),
                        GeneratorProgress.silent());
        List<GeneratedFile> first = summary.files().stream()
                .filter(file -> file.dataset() == Dataset.LEDGER)
                .filter(file -> file.reportDate().toString().equals("2023-12-31"))
                .toList();
        long csvRows = first.stream()
                .filter(file -> file.format() == OutputFormat.CSV)
                .mapToLong(GeneratedFile::rows)
                .sum();
        List<GeneratedFile> parts = first.stream()
                .filter(file -> file.format() == OutputFormat.XLSX)
                .toList();
        assertThat(csvRows).isGreaterThan(600);
        assertThat(parts).hasSize((int) ((csvRows + 299) / 300));
        assertThat(parts.stream().map(file -> file.path().getFileName().toString()))
                .startsWith("ledger-2023-12-31.xlsx", "ledger-2023-12-31-part2.xlsx");
        assertThat(parts.stream().mapToLong(GeneratedFile::rows).sum()).isEqualTo(csvRows);
        assertThat(parts.get(0).rows()).isEqualTo(300);
        try (var workbook = new XSSFWorkbook(Files.newInputStream(parts.get(1).path()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(texts(sheet.getRow(2)).get(0)).isEqualTo("隐患编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + (int) parts.get(1).rows() + 1);
        }
    }

    private static List<String> texts(Row row) {
        var texts = new ArrayList<String>();
        row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        });
        return texts;
    }

    private static String form(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? "date cell" : "serial number";
        }
        String text = cell.getStringCellValue();
        if (text.contains("年")) {
            return "chinese text";
        }
        return text.contains("/") ? "slash text" : "iso text";
    }
}
