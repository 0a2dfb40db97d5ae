package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A clerk's template: what ingest reads from it, what it offers, and that a filled one is accepted whole. */
class UploadTemplateTest {
    static final ReferenceData REFERENCE = TemplateRoundTrip.REFERENCE;

    @TempDir
    static Path root;

    static TemplateRoundTrip trip;
    static Warehouse warehouse;
    static String district;

    @BeforeAll
    static void generateAndRegister() throws IOException {
        trip = TemplateRoundTrip.create(root);
        warehouse = trip.warehouse();
        district = trip.district();
    }

    static Path template(Dataset dataset, TemplateScope scope, String name) throws IOException {
        Path file = root.resolve("templates").resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            new UploadTemplate(REFERENCE).write(dataset, scope, out);
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(Dataset.class)
    void ingestFindsEveryColumnOfTheTemplateBelowItsTitleRows(Dataset dataset) throws IOException {
        TemplateScope scope = TemplateScope.fromRegister(warehouse, REFERENCE, Optional.of(district));
        Path template = template(dataset, scope, dataset.directory() + ".xlsx");

        try (var workbook = new XlsxWorkbook(template, template.getFileName().toString())) {
            Table table = Table.locate(workbook.sheet(0), UploadTemplate.schema(dataset))
                    .orElseThrow();
            assertThat(table.columns().matchedCount())
                    .isEqualTo(UploadTemplate.schema(dataset).size());
            assertThat(table.columns().missingRequired()).isEmpty();
            assertThat(table.next())
                    .satisfiesAnyOf(cells -> assertThat(cells).isNull(), cells -> assertThat(Table.isBlank(cells))
                            .isTrue());
        }
        assertThat(TemplateFiller.headers(template))
                .containsExactlyElementsOf(UploadTemplate.columns(dataset).stream()
                        .map(UploadTemplate::header)
                        .toList());
    }

    @Test
    void offersTheNamesIngestAcceptsAndOnlyTheClerksOwnSchools() throws IOException {
        TemplateScope scope = TemplateScope.fromRegister(warehouse, REFERENCE, Optional.of(district));
        Path template = template(Dataset.LEDGER, scope, "lists.xlsx");

        try (InputStream in = Files.newInputStream(template);
                var workbook = new XSSFWorkbook(in)) {
            XSSFSheet data = workbook.getSheetAt(0);
            assertThat(data.getRow(UploadTemplate.TITLE_ROW).getCell(0).getStringCellValue())
                    .isEqualTo(
                            REFERENCE.districts().byCode(district).orElseThrow().nameZh() + "学校安全隐患排查整治台账");
            assertThat(workbook.getSheetName(1)).isEqualTo(UploadTemplate.INSTRUCTIONS_SHEET);
            List<String> listFormulas = data.getDataValidations().stream()
                    .map(DataValidation::getValidationConstraint)
                    .map(c -> c.getFormula1())
                    .toList();
            assertThat(listFormulas)
                    .contains(
                            "list_category",
                            "list_severity",
                            "list_status",
                            "list_inspection_type",
                            "list_own_school_code",
                            "list_own_school_name");
            assertThat(values(workbook, "list_category"))
                    .containsExactlyElementsOf(REFERENCE.taxonomy().terms(TaxonomyKind.CATEGORY).stream()
                            .map(Term::nameZh)
                            .toList());
            assertThat(values(workbook, "list_status")).contains("未整改", "已销号");
            assertThat(values(workbook, "list_own_school_code"))
                    .containsExactlyElementsOf(scope.schools().keySet())
                    .allSatisfy(code -> assertThat(code).hasSize(10));
            var otherDistrictSchools =
                    TemplateScope.fromRegister(warehouse, REFERENCE, Optional.empty()).schools().keySet().stream()
                            .filter(code -> !scope.schools().containsKey(code))
                            .toList();
            assertThat(otherDistrictSchools).isNotEmpty();
            assertThat(values(workbook, "list_own_school_code")).doesNotContainAnyElementsOf(otherDistrictSchools);
            int foundDate = TemplateFiller.headers(template).indexOf("*检查日期");
            assertThat(data.getColumnStyle(foundDate).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        }
    }

    private static List<String> values(XSSFWorkbook workbook, String name) {
        var reference = new org.apache.poi.ss.util.AreaReference(
                workbook.getName(name).getRefersToFormula(), workbook.getSpreadsheetVersion());
        XSSFSheet sheet = workbook.getSheet(reference.getFirstCell().getSheetName());
        var values = new java.util.ArrayList<String>();
        for (var cell : reference.getAllReferencedCells()) {
            values.add(sheet.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(Dataset.class)
    void aTemplateFilledWithTheDistrictsRowsIsAcceptedWithoutAReject(Dataset dataset) throws IOException {
        Path filled = root.resolve("templates").resolve(dataset.directory() + "-filled.xlsx");
        int rows = trip.fill(dataset, filled);
        assertThat(rows).isPositive();

        IngestResult result = trip.ingestAsClerk(dataset, filled);

        assertThat(result.rejected()).as(result.summary()).isZero();
        assertThat(result.accepted()).isEqualTo(rows);
        assertThat(result.reportDate()).isEqualTo(TemplateRoundTrip.REPORT_DATE);
        assertThat(result.reportDateSource()).isEqualTo(ReportDateSource.FILE);
    }
}
