package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A school code belongs to the district that registered it first; a register row may add and update the row
 * district's own schools but never give a school to another district, whoever sends it. Only a move does.
 */
class SchoolOwnershipTest {
    private static final String HEADER = "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n";
    private static final Submitter XINFU_CLERK = new Submitter("xinfu-clerk", Optional.of("140902"));
    private static final Submitter DINGXIANG_CLERK = new Submitter("dingxiang-clerk", Optional.of("140921"));

    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    private IngestResult register(String name, String rows, Submitter submitter) {
        Path file = fixture.write(name, HEADER + rows);
        return fixture.ingestor.ingest(
                new IngestRequest(Dataset.SCHOOLS, file, name, Optional.empty(), submitter), IngestProgress.silent());
    }

    /** The district each school was registered under in every committed register row, by batch. */
    private List<Map<String, Object>> districtsOf(String code) {
        return fixture.query(
                "SELECT batch_id, district_code FROM schools WHERE school_code = '" + code + "' ORDER BY batch_id");
    }

    @Test
    void refusesAClerksRegisterRowThatClaimsAnotherDistrictsSchoolAndNamesTheOwner() {
        IngestResult result = register(
                "忻府区学校名册.csv",
                "1409210001,定襄县城关幼儿园,140902,幼儿园,否,150\n1409020003,忻府区新建小学,140902,小学,否,300\n",
                XINFU_CLERK);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("file", "忻府区学校名册.csv")
                .containsEntry("row", "2")
                .containsEntry("column", "学校标识码")
                .containsEntry("value", "1409210001")
                .hasEntrySatisfying("reason_zh", reason -> assertThat(reason)
                        .contains("定襄县（140921）")
                        .contains("市级管理员")
                        .contains("bin/xiaoan schools move 1409210001 --to 140902"))
                .hasEntrySatisfying("reason_en", reason -> assertThat(reason)
                        .contains("Dingxiang County (140921)")
                        .contains("city administrator")));
        assertThat(districtsOf("1409210001"))
                .extracting(row -> row.get("district_code"))
                .containsOnly("140921");
    }

    @Test
    void acceptsTheOwnersUpdateOfItsOwnSchool() {
        IngestResult result = register("定襄县学校名册.csv", "1409210001,定襄县城关中心幼儿园,140921,幼儿园,否,180\n", DINGXIANG_CLERK);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).isZero();
        assertThat(fixture.query("SELECT name, students FROM schools WHERE batch_id = " + result.batchId()))
                .containsExactly(Map.of("name", "定襄县城关中心幼儿园", "students", 180));
    }

    @Test
    void refusesACityLevelRegisterRowThatWouldChangeADistrict() {
        IngestResult result = register(
                "全市学校名册.csv",
                "1409020001,忻府区第一中学,140921,初中,是,1200\n1409020002,忻府区实验小学,140902,小学,否,820\n",
                Submitter.commandLine());

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("row", "2")
                .containsEntry("column", "行政区划代码")
                .containsEntry("value", "140921")
                .hasEntrySatisfying("reason_zh", reason -> assertThat(reason).contains("忻府区（140902）名下")));
        assertThat(districtsOf("1409020001"))
                .extracting(row -> row.get("district_code"))
                .containsOnly("140902");
    }

    @Test
    void registersTheFirstOfTwoRowsForOneNewCodeInAFile() {
        IngestResult result = register(
                "全市学校名册.csv",
                "1409020009,忻府区新建中学,140902,初中,否,500\n1409020009,定襄县新建中学,140921,初中,否,500\n",
                Submitter.commandLine());

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("row", "3")
                .containsEntry("column", "学校标识码"));
        assertThat(districtsOf("1409020009"))
                .extracting(row -> row.get("district_code"))
                .containsExactly("140902");
    }

    @Test
    void ownershipFollowsIngestOrderNotTheReportDateAClerkChooses() {
        // A later batch dated earlier than the first registration is still not the first registration.
        Path file = fixture.write("backdated.csv", HEADER + "1409020001,忻府区第一中学,140921,初中,是,1200\n");
        IngestResult result = fixture.ingestor.ingest(
                new IngestRequest(
                        Dataset.SCHOOLS,
                        file,
                        "backdated.csv",
                        Optional.of(LocalDate.of(2000, 1, 1)),
                        Submitter.commandLine()),
                IngestProgress.silent());

        assertThat(result.accepted()).isZero();
        assertThat(result.rejected()).isEqualTo(1);
    }

    @Test
    void afterAMoveTheNewOwnersClerkMayUpdateTheSchoolAndTheOldOwnersMayNot() {
        var moves = new SchoolMoves(
                fixture.warehouse,
                IngestFixture.REFERENCE,
                Clock.fixed(Instant.parse("2024-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        moves.move(new SchoolMoveRequest(
                "1409210001", "140902", "行政区划调整", Optional.of(LocalDate.of(2024, 5, 1)), "city-admin"));

        IngestResult oldOwner = register("定襄县学校名册.csv", "1409210001,定襄县城关幼儿园,140921,幼儿园,否,150\n", DINGXIANG_CLERK);
        IngestResult newOwner = register("忻府区学校名册.csv", "1409210001,忻府区城关幼儿园,140902,幼儿园,否,160\n", XINFU_CLERK);

        assertThat(oldOwner.accepted()).isZero();
        assertThat(IngestFixture.rejects(oldOwner))
                .singleElement()
                .satisfies(reject -> assertThat(reject.get("reason_zh")).contains("忻府区（140902）名下"));
        assertThat(newOwner.accepted()).isEqualTo(1);
        Path ledger = fixture.ledgerCsv("ledger.csv", Map.of("学校标识码", "1409210001", "学校名称", "忻府区城关幼儿园"));
        IngestResult hazards = fixture.ingestor.ingest(
                new IngestRequest(Dataset.LEDGER, ledger, "ledger.csv", Optional.empty(), XINFU_CLERK),
                IngestProgress.silent());
        assertThat(hazards.accepted()).isEqualTo(1);
    }
}
