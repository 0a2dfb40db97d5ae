package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 责任单位 and 督办: optional ledger columns under the headers offices use, stored as typed; old ledgers still load. */
class ResponsibilityColumnsTest {
    private static final String HEADER = "隐患编号,学校标识码,检查日期,隐患类别,隐患描述,隐患等级,整改责任人,整改状态,整改完成日期,";
    private static final String ROW = ",1409020001,2024-03-05,消防安全,灭火器过期,重大,张三,未整改,,";

    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    private List<Map<String, Object>> stored() {
        return fixture.query("SELECT hazard_id, responsible_unit, supervised, supervised_by, supervised_date"
                + " FROM ledger ORDER BY hazard_id");
    }

    @Test
    void readsTheUnitAndTheListingUnderTheirAliasesFromCsv() {
        Path file = fixture.write(
                "ledger.csv",
                HEADER + "责任单位,是否督办,督办日期\n"
                        + "A1" + ROW + "县教育局后勤科,是,2024-03-10\n"
                        + "A2" + ROW + "学校总务处,否,\n"
                        + "A3" + ROW + ",市级挂牌督办,2024年3月12日\n"
                        + "A4" + ROW + ",,2024-03-15\n"
                        + "A5" + ROW + ",,\n");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.rejected()).isZero();
        List<Map<String, Object>> rows = stored();
        assertThat(rows.get(0))
                .containsEntry("responsible_unit", "县教育局后勤科")
                .containsEntry("supervised", true)
                .containsEntry("supervised_by", null)
                .containsEntry("supervised_date", LocalDate.of(2024, 3, 10));
        assertThat(rows.get(1)).containsEntry("responsible_unit", "学校总务处").containsEntry("supervised", false);
        // the listing written in the flag cell stands for the listing unit when the ledger has no column for it
        assertThat(rows.get(2))
                .containsEntry("responsible_unit", null)
                .containsEntry("supervised", true)
                .containsEntry("supervised_by", "市级挂牌督办")
                .containsEntry("supervised_date", LocalDate.of(2024, 3, 12));
        // a listing date without the flag means listed
        assertThat(rows.get(3)).containsEntry("supervised", true);
        // a blank flag says nothing
        assertThat(rows.get(4)).containsEntry("supervised", null);
    }

    @Test
    void readsAnXlsxSavedByAnOfficeSuiteWithOtherHeaderSpellings() {
        // made with LibreOffice Calc from a CSV: 责任部门, 挂牌督办, 督办单位, 挂牌日期, numbers and dates as typed cells
        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource("ledger-duty-libreoffice.xlsx"));

        assertThat(result.rejected()).isZero();
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(stored())
                .containsExactly(
                        Map.of(
                                "hazard_id", "DB-001",
                                "responsible_unit", "忻府区教育局后勤科",
                                "supervised", true,
                                "supervised_by", "忻州市教育局",
                                "supervised_date", LocalDate.of(2024, 3, 10)),
                        row("DB-002", "学校总务处", false, null, null),
                        row("DB-003", null, true, "市级挂牌督办", null));
    }

    private static Map<String, Object> row(
            String id, String unit, Boolean supervised, String supervisedBy, LocalDate supervisedDate) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("hazard_id", id);
        row.put("responsible_unit", unit);
        row.put("supervised", supervised);
        row.put("supervised_by", supervisedBy);
        row.put("supervised_date", supervisedDate);
        return row;
    }

    @Test
    void aLedgerWithoutTheColumnsStillLoadsWithThemEmpty() {
        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource("ledger.csv"));

        assertThat(result.rejected()).isZero();
        assertThat(stored()).isNotEmpty().allSatisfy(row -> assertThat(row)
                .containsEntry("responsible_unit", null)
                .containsEntry("supervised", null)
                .containsEntry("supervised_by", null)
                .containsEntry("supervised_date", null));
    }

    @Test
    void rejectsAListingItCannotReadAndOneThatContradictsItself() {
        Path file = fixture.write(
                "ledger.csv",
                HEADER + "责任单位,督办,督办单位\n"
                        + "B1" + ROW + "后勤科,待定,\n"
                        + "B2" + ROW + "后勤科,否,市教育局\n"
                        + "B3" + ROW + "后勤科,未督办,\n");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result))
                .extracting(reject -> reject.get("row") + " " + reject.get("column") + " " + reject.get("reason_code"))
                .containsExactly("2 督办 BAD_FLAG", "3 督办单位 SUPERVISION_CONTRADICTION");
        assertThat(IngestFixture.rejects(result).get(0).get("reason_zh")).contains("市级挂牌督办");
        assertThat(stored()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("hazard_id", "B3")
                .containsEntry("supervised", false));
    }

    @Test
    void theUploadTemplateOffersTheNewColumns() {
        assertThat(UploadTemplate.columns(Dataset.LEDGER))
                .extracting(UploadTemplate::header)
                .contains("整改责任单位", "是否督办", "督办单位", "督办日期");
        assertThat(UploadTemplate.input(Dataset.LEDGER, "supervised")).isEqualTo(UploadTemplate.Input.FLAG);
        assertThat(UploadTemplate.input(Dataset.LEDGER, "supervised_date")).isEqualTo(UploadTemplate.Input.DATE);
    }
}
