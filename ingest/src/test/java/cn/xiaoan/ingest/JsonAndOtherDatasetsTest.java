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

class JsonAndOtherDatasetsTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    @Test
    void readsAJsonArrayWithEnglishAndChineseKeys() {
        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource("ledger.json"));

        assertThat(result.accepted()).isEqualTo(2);
        List<Map<String, Object>> rows = fixture.query(
                "SELECT hazard_id, school_code, found_date, category, status, extra, source_row FROM ledger ORDER BY"
                        + " hazard_id");
        assertThat(rows)
                .containsExactly(
                        Map.of(
                                "hazard_id", "J-1",
                                "school_code", "1409020001",
                                "found_date", LocalDate.of(2024, 3, 5),
                                "category", "FIRE",
                                "status", "RECTIFIED",
                                "extra", "{\"note\":\"复查\"}",
                                "source_row", 1),
                        Map.of(
                                "hazard_id", "J-2",
                                "school_code", "1409020002",
                                "found_date", LocalDate.of(2024, 3, 6),
                                "category", "FOOD_WATER",
                                "status", "OPEN",
                                "extra", "{}",
                                "source_row", 2));
    }

    @Test
    void readsJsonLinesAndRejectsOnlyTheBrokenLine() {
        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource("ledger.jsonl"));

        assertThat(result.read()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("row", "2")
                .containsEntry("reason_zh", "第 2 行不是有效的 JSON"));
        assertThat(fixture.query("SELECT hazard_id, extra FROM ledger ORDER BY hazard_id"))
                .containsExactly(
                        Map.of("hazard_id", "L-1", "extra", "{}"),
                        Map.of("hazard_id", "L-2", "extra", "{\"weather\":\"晴\"}"));
    }

    @Test
    void loadsTheInspectionLog() {
        IngestResult result = fixture.ingest(Dataset.INSPECTIONS, fixture.resource("inspections.csv"));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(fixture.query("SELECT school_code, visit_date, inspection_type, inspector FROM inspections ORDER BY"
                        + " school_code"))
                .containsExactly(
                        Map.of(
                                "school_code",
                                "1409020001",
                                "visit_date",
                                LocalDate.of(2024, 3, 5),
                                "inspection_type",
                                "SUPERVISION",
                                "inspector",
                                "第一督查组"),
                        new java.util.HashMap<>(Map.of(
                                "school_code",
                                "1409020002",
                                "visit_date",
                                LocalDate.of(2024, 3, 6),
                                "inspection_type",
                                "SELF")) {
                            {
                                put("inspector", null);
                            }
                        });
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("column", "检查方式")
                .containsEntry("value", "路过"));
    }

    @Test
    void loadsSurveysAndRejectsAnUnclearYesNo() {
        IngestResult result = fixture.ingest(Dataset.SURVEYS, fixture.resource("surveys.csv"));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(fixture.query("SELECT * EXCLUDE (batch_id, report_date, source_row, extra) FROM surveys"))
                .containsExactly(Map.of(
                        "school_code", "1409020001",
                        "survey_date", LocalDate.of(2024, 3, 1),
                        "closed_management", true,
                        "full_time_guards", true,
                        "one_key_alarm", true,
                        "video_police_link", true,
                        "school_guard_post", true,
                        "anti_ram_barriers", false));
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("column", "硬质防冲撞设施")
                .containsEntry("value", "可能")
                .containsEntry(
                        "reason_en", "anti_ram_barriers \"可能\" is not yes/no (expected 是/否, Y/N, true/false or 1/0)"));
    }

    @Test
    void loadsDrillsAndRejectsTheThirtyFirstOfApril() {
        IngestResult result = fixture.ingest(Dataset.DRILLS, fixture.resource("drills.csv"));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(fixture.query("SELECT school_code, drill_date, drill_type FROM drills ORDER BY drill_date"))
                .containsExactly(
                        Map.of(
                                "school_code",
                                "1409020001",
                                "drill_date",
                                LocalDate.of(2024, 3, 15),
                                "drill_type",
                                "消防疏散"),
                        Map.of(
                                "school_code",
                                "1409210001",
                                "drill_date",
                                LocalDate.of(2024, 4, 15),
                                "drill_type",
                                "防地震"));
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("column", "演练日期")
                .containsEntry("value", "2024-04-31"));
    }

    @Test
    void rejectsRegisterRowsWithUnknownDistrictOrTypeOrBadEnrolment() {
        Path register = fixture.write(
                "register.csv",
                "学校标识码,学校名称,县区,学校类型,是否寄宿制,在校生数\n"
                        + "1409990001,某校,火星区,小学,是,100\n"
                        + "1409020009,某校,忻府区,大学,是,100\n"
                        + "1409020010,某校,忻府区,小学,也许,一百\n");

        IngestResult result = fixture.ingest(Dataset.SCHOOLS, register);

        assertThat(result.rejected()).isEqualTo(3);
        assertThat(IngestFixture.rejects(result))
                .extracting(reject -> reject.get("row") + " " + reject.get("column") + " " + reject.get("value"))
                .containsExactly("2 县区 火星区", "3 学校类型 大学", "4 是否寄宿制 也许", "4 在校生数 一百");
    }
}
