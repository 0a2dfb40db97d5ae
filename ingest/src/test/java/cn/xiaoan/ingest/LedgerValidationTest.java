package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerValidationTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    /** Ingests one good row and one row changed by {@code change}; returns the rejects of the second. */
    private List<Map<String, String>> rejectsOf(Map<String, String> change) {
        Map<String, String> bad = new java.util.HashMap<>(change);
        bad.putIfAbsent("隐患编号", "BAD");
        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("ledger.csv", Map.of(), bad));
        assertThat(result.read()).isEqualTo(2);
        assertThat(result.accepted()).as("the good row is kept").isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        List<Map<String, String>> rejects = IngestFixture.rejects(result);
        assertThat(rejects).allSatisfy(reject -> assertThat(reject)
                .containsEntry("file", "ledger.csv")
                .containsEntry("sheet", "")
                .containsEntry("row", "3"));
        return rejects;
    }

    private Map<String, String> singleRejectOf(Map<String, String> change) {
        List<Map<String, String>> rejects = rejectsOf(change);
        assertThat(rejects).hasSize(1);
        return rejects.get(0);
    }

    @Test
    void rejectsAnInvalidDeadlineWithTheExpectedForms() {
        assertThat(singleRejectOf(Map.of("整改期限", "2024-13-01")))
                .containsEntry("column", "整改期限")
                .containsEntry("value", "2024-13-01")
                .containsEntry("reason_zh", "整改期限 \"2024-13-01\" 不是有效日期（应为 2024-03-05、2024/3/5 或 2024年3月5日）")
                .containsEntry(
                        "reason_en",
                        "deadline \"2024-13-01\" is not a date (expected 2024-03-05, 2024/3/5 or 2024年3月5日)");
    }

    @Test
    void rejectsTheThirtiethOfFebruary() {
        assertThat(singleRejectOf(Map.of("检查日期", "2024-02-30", "整改期限", "", "整改完成日期", "", "整改状态", "未整改")))
                .containsEntry("column", "检查日期")
                .containsEntry("value", "2024-02-30")
                .containsEntry("reason_zh", "检查日期 \"2024-02-30\" 不是有效日期：该月没有这一天")
                .containsEntry("reason_en", "found_date \"2024-02-30\" is not a date: that month has no such day");
    }

    @Test
    void rejectsExcelSerialSixtyWhichIsNotARealDay() {
        assertThat(singleRejectOf(Map.of("整改期限", "60")))
                .containsEntry("column", "整改期限")
                .containsEntry("value", "60")
                .containsEntry(
                        "reason_en",
                        "deadline \"60\" is Excel serial 60, the non-existent 1900-02-29 (Excel's" + " leap-year bug)");
    }

    @Test
    void rejectsASchoolMissingFromTheRegister() {
        assertThat(singleRejectOf(Map.of("学校标识码", "1409029999")))
                .containsEntry("column", "学校标识码")
                .containsEntry("value", "1409029999")
                .containsEntry("reason_zh", "学校标识码 \"1409029999\" 不在学校名册中（请先导入包含该校的学校名册）")
                .containsEntry(
                        "reason_en",
                        "school_code \"1409029999\" is not in the school register (ingest a register that lists it"
                                + " first)");
    }

    @Test
    void rejectsASchoolCodeThatIsNotTenDigits() {
        assertThat(singleRejectOf(Map.of("学校标识码", "1.40902E+09")))
                .containsEntry("column", "学校标识码")
                .containsEntry("value", "1.40902E+09")
                .containsEntry("reason_en", "school_code \"1.40902E+09\" is not a 10-digit school identification code");
    }

    @Test
    void rejectsEveryLedgerRowWhenNoRegisterWasIngested(@TempDir Path empty) {
        var bare = new IngestFixture(empty);

        IngestResult result = bare.ingest(Dataset.LEDGER, bare.ledgerCsv("ledger.csv", Map.of(), Map.of()));

        assertThat(result.accepted()).isZero();
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(IngestFixture.rejects(result)).hasSize(2).allSatisfy(reject -> assertThat(reject)
                .containsEntry("column", "学校标识码")
                .containsEntry("reason_zh", "尚未导入学校名册：请先导入学校名册（schools），再导入本文件")
                .containsEntry(
                        "reason_en",
                        "no school register has been ingested yet: ingest the school register (schools)"
                                + " first, then this file"));
    }

    @Test
    void rejectsAnUnknownCategory() {
        assertThat(singleRejectOf(Map.of("隐患类别", "天气")))
                .containsEntry("column", "隐患类别")
                .containsEntry("value", "天气")
                .hasEntrySatisfying(
                        "reason_zh", reason -> assertThat(reason).startsWith("隐患类别 \"天气\" 不是已知的隐患类别（应为 消防安全、"))
                .hasEntrySatisfying("reason_en", reason -> assertThat(reason)
                        .startsWith("category \"天气\" is not a known category (expected one of FIRE, ELECTRIC_GAS"));
    }

    @Test
    void rejectsAnUnknownSeverity() {
        assertThat(singleRejectOf(Map.of("隐患等级", "较大")))
                .containsEntry("column", "隐患等级")
                .containsEntry("value", "较大")
                .containsEntry("reason_zh", "隐患等级 \"较大\" 不是已知的隐患等级（应为 一般隐患、重大事故隐患 或其代码、别名）")
                .containsEntry(
                        "reason_en",
                        "severity \"较大\" is not a known severity (expected one of GENERAL, MAJOR, or a Chinese name or"
                                + " alias)");
    }

    @Test
    void rejectsAnUnknownStatus() {
        assertThat(singleRejectOf(Map.of("整改状态", "不详")))
                .containsEntry("column", "整改状态")
                .containsEntry("value", "不详")
                .containsEntry("reason_zh", "整改状态 \"不详\" 不是已知的整改状态（应为 未整改、整改中、已整改、已销号 或其代码、别名）");
    }

    @Test
    void rejectsAnUnknownInspectionType() {
        assertThat(singleRejectOf(Map.of("检查方式", "路过")))
                .containsEntry("column", "检查方式")
                .containsEntry("value", "路过")
                .hasEntrySatisfying("reason_en", reason -> assertThat(reason)
                        .startsWith("inspection_type \"路过\" is not a known inspection_type (expected one of SELF,"));
    }

    @Test
    void rejectsADeadlineBeforeTheFoundDate() {
        assertThat(singleRejectOf(Map.of("整改期限", "2024/3/1")))
                .containsEntry("column", "整改期限")
                .containsEntry("value", "2024-03-01")
                .containsEntry("reason_zh", "整改期限 \"2024-03-01\" 早于检查日期 \"2024-03-05\"")
                .containsEntry("reason_en", "deadline \"2024-03-01\" is before found_date \"2024-03-05\"");
    }

    @Test
    void rejectsARectifiedHazardWithoutRectifiedDate() {
        assertThat(singleRejectOf(Map.of("整改完成日期", "")))
                .containsEntry("column", "整改完成日期")
                .containsEntry("value", "")
                .containsEntry("reason_zh", "整改状态为 已整改，但整改完成日期 为空")
                .containsEntry("reason_en", "status is RECTIFIED but rectified_date is missing");
    }

    @Test
    void rejectsAnOpenHazardWithARectifiedDate() {
        assertThat(singleRejectOf(Map.of("整改状态", "未整改")))
                .containsEntry("column", "整改完成日期")
                .containsEntry("value", "2024-03-15")
                .containsEntry("reason_zh", "整改状态为 未整改，但填写了整改完成日期 \"2024-03-15\"（未完成整改的隐患不应有完成日期）")
                .containsEntry(
                        "reason_en",
                        "status is OPEN but rectified_date \"2024-03-15\" is given (an unfinished hazard has no"
                                + " rectified date)");
    }

    @Test
    void rejectsARectifiedDateBeforeTheFoundDate() {
        assertThat(singleRejectOf(Map.of("整改完成日期", "2024年3月1日")))
                .containsEntry("column", "整改完成日期")
                .containsEntry("value", "2024-03-01")
                .containsEntry("reason_en", "rectified_date \"2024-03-01\" is before found_date \"2024-03-05\"");
    }

    @Test
    void rejectsAClosedHazardWithoutClosedDate() {
        assertThat(singleRejectOf(Map.of("整改状态", "已销号")))
                .containsEntry("column", "销号日期")
                .containsEntry("value", "")
                .containsEntry("reason_zh", "整改状态为 已销号，但销号日期 为空")
                .containsEntry("reason_en", "status is CLOSED but closed_date is missing");
    }

    @Test
    void rejectsAMissingDescription() {
        assertThat(singleRejectOf(Map.of("隐患描述", " ")))
                .containsEntry("column", "隐患描述")
                .containsEntry("value", "")
                .containsEntry("reason_zh", "隐患描述 为空（必填）")
                .containsEntry("reason_en", "description is missing (required)");
    }

    @Test
    void rejectsAMissingResponsiblePerson() {
        assertThat(singleRejectOf(Map.of("整改责任人", "")))
                .containsEntry("column", "整改责任人")
                .containsEntry("reason_en", "responsible_person is missing (required)");
    }

    @Test
    void rejectsTheSecondRowWithTheSameHazardId() {
        assertThat(singleRejectOf(Map.of("隐患编号", "YH-1", "隐患描述", "另一个隐患")))
                .containsEntry("column", "隐患编号")
                .containsEntry("value", "YH-1")
                .containsEntry("reason_zh", "隐患编号 \"YH-1\" 在本文件中重复（第 2 行已出现）")
                .containsEntry("reason_en", "hazard_id \"YH-1\" appears twice in this file (first at row 2)");
    }

    @Test
    void rejectsARepeatedHazardWithoutId() {
        IngestResult result =
                fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("ledger.csv", Map.of("隐患编号", ""), Map.of("隐患编号", "")));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("row", "3")
                .containsEntry("column", "隐患描述")
                .containsEntry(
                        "reason_en",
                        "duplicate of row 2: no hazard_id, and the same school, found_date, location and"
                                + " description"));
    }

    @Test
    void reportsEveryProblemOfARow() {
        List<Map<String, String>> rejects =
                rejectsOf(Map.of("隐患类别", "天气", "整改责任人", "", "整改期限", "2024-13-01", "学校标识码", "1409029999"));

        assertThat(rejects)
                .extracting(reject -> reject.get("column"))
                .containsExactly("学校标识码", "隐患类别", "整改责任人", "整改期限");
    }

    @Test
    void keepsAndFlagsAnOpenMajorHazardWithoutTemporaryMeasures() {
        IngestResult result = fixture.ingest(
                Dataset.LEDGER,
                fixture.ledgerCsv("ledger.csv", Map.of("隐患等级", "重大", "整改状态", "整改中", "整改完成日期", "", "学校名称", "一中")));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.warned()).isEqualTo(1);
        assertThat(result.rejectsFile()).isEmpty();
        assertThat(fixture.query("SELECT warnings FROM ledger"))
                .containsExactly(Map.of(
                        "warnings",
                        LedgerConverter.WARNING_SCHOOL_NAME + ";" + LedgerConverter.WARNING_NO_TEMPORARY_MEASURES));
    }

    @Test
    void acceptsEveryDateForm() {
        IngestResult result = fixture.ingest(
                Dataset.LEDGER,
                fixture.ledgerCsv(
                        "ledger.csv",
                        Map.of("检查日期", "2024-03-05"),
                        Map.of("检查日期", "2024/3/5"),
                        Map.of("检查日期", "2024年3月5日"),
                        Map.of("检查日期", "2024.3.5"),
                        Map.of("检查日期", "45356"),
                        Map.of("检查日期", "2024-03-05 00:00:00"),
                        Map.of("检查日期", "20240305")));

        assertThat(result.accepted()).isEqualTo(7);
        assertThat(fixture.query("SELECT DISTINCT found_date FROM ledger"))
                .containsExactly(Map.of("found_date", java.time.LocalDate.of(2024, 3, 5)));
    }

    @Test
    void rejectsAnOverlongCellWithoutStoringIt() {
        String huge = "很".repeat(10 * 1024 * 1024 / 3);

        Map<String, String> reject = singleRejectOf(Map.of("隐患描述", huge));

        assertThat(reject)
                .containsEntry("column", "隐患描述")
                .containsEntry("reason_en", "隐患描述 is longer than the 32767 characters allowed; not stored");
        assertThat(reject.get("value")).hasSize(201).endsWith("…");
    }
}
