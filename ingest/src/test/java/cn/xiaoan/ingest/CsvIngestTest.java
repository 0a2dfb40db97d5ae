package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvIngestTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
    }

    @Test
    void loadsTheRegisterWithCodesResolved() {
        IngestResult result = fixture.ingestRegister();

        assertThat(result.batchId()).isEqualTo(1);
        assertThat(result.rejected()).isZero();
        assertThat(result.reportDateSource()).isEqualTo(ReportDateSource.INGEST_TIME);
        assertThat(result.reportDate()).isEqualTo(IngestFixture.TODAY);
        assertThat(fixture.query("SELECT school_code, name, district_code, school_type, boarding, students, batch_id,"
                        + " report_date, source_row, extra FROM schools ORDER BY school_code"))
                .containsExactly(
                        Map.of(
                                "school_code",
                                "1409020001",
                                "name",
                                "忻府区第一中学",
                                "district_code",
                                "140902",
                                "school_type",
                                "JUNIOR",
                                "boarding",
                                true,
                                "students",
                                1200,
                                "batch_id",
                                1L,
                                "report_date",
                                IngestFixture.TODAY,
                                "source_row",
                                2,
                                "extra",
                                "{}"),
                        Map.of(
                                "school_code",
                                "1409020002",
                                "name",
                                "忻府区实验小学",
                                "district_code",
                                "140902",
                                "school_type",
                                "PRIMARY",
                                "boarding",
                                false,
                                "students",
                                800,
                                "batch_id",
                                1L,
                                "report_date",
                                IngestFixture.TODAY,
                                "source_row",
                                3,
                                "extra",
                                "{}"),
                        Map.of(
                                "school_code",
                                "1409210001",
                                "name",
                                "定襄县城关幼儿园",
                                "district_code",
                                "140921",
                                "school_type",
                                "KINDERGARTEN",
                                "boarding",
                                false,
                                "students",
                                150,
                                "batch_id",
                                1L,
                                "report_date",
                                IngestFixture.TODAY,
                                "source_row",
                                4,
                                "extra",
                                "{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ledger.csv", "ledger-bom.csv", "ledger-gbk.csv"})
    void roundTripsALedgerInEveryEncoding(String name) {
        fixture.ingestRegister();

        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource(name));

        assertThat(result.batchId()).isEqualTo(2);
        assertThat(result.read()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.rejectsFile()).isEmpty();
        List<Map<String, Object>> rows = fixture.query("SELECT * FROM ledger ORDER BY hazard_id");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .containsEntry("hazard_id", "YH-001")
                .containsEntry("school_code", "1409020001")
                .containsEntry("school_name", "忻府区第一中学")
                .containsEntry("found_date", LocalDate.of(2024, 3, 5))
                .containsEntry("inspection_type", "SELF")
                .containsEntry("inspector", "王明")
                .containsEntry("category", "FIRE")
                .containsEntry("location", "宿舍")
                .containsEntry("description", "灭火器过期")
                .containsEntry("severity", "GENERAL")
                .containsEntry("measures", "更换灭火器")
                .containsEntry("temporary_measures", null)
                .containsEntry("responsible_person", "张三")
                .containsEntry("deadline", LocalDate.of(2024, 3, 20))
                .containsEntry("status", "RECTIFIED")
                .containsEntry("rectified_date", LocalDate.of(2024, 3, 15))
                .containsEntry("closed_date", null)
                .containsEntry("basis", null)
                .containsEntry("warnings", "")
                .containsEntry("batch_id", 2L)
                .containsEntry("source_row", 2)
                .containsEntry("extra", "{}");
        assertThat(rows.get(1))
                .containsEntry("found_date", LocalDate.of(2024, 3, 6))
                .containsEntry("inspection_type", "SUPERVISION")
                .containsEntry("category", "ELECTRIC_GAS")
                .containsEntry("description", "线路老化,存在\"私拉乱接\"")
                .containsEntry("severity", "MAJOR")
                .containsEntry("deadline", LocalDate.of(2024, 4, 30))
                .containsEntry("status", "IN_PROGRESS");
        assertThat(rows.get(2))
                .containsEntry("found_date", LocalDate.of(2024, 3, 7))
                .containsEntry("description", "外墙\n瓷砖脱落")
                .containsEntry("status", "CLOSED")
                .containsEntry("closed_date", LocalDate.of(2024, 4, 10))
                .containsEntry("source_row", 4);
    }

    @Test
    void readsTabSeparatedText() {
        fixture.ingestRegister();

        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource("ledger-tab.tsv"));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(fixture.query("SELECT hazard_id, status FROM ledger"))
                .containsExactly(Map.of("hazard_id", "YH-101", "status", "OPEN"));
    }

    @Test
    void keepsExtraColumnsAsJsonAndAcceptsAnyColumnOrder() {
        fixture.ingestRegister();

        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.resource("extra-columns.csv"));

        assertThat(result.accepted()).isEqualTo(1);
        Map<String, Object> row = fixture.query("SELECT * FROM ledger").get(0);
        assertThat(row)
                .containsEntry("extra", "{\"序号\":\"1\",\"备注\":\"尽快处理\",\"联系电话\":\"13800000000\"}")
                .containsEntry("category", "EQUIPMENT")
                .containsEntry("status", "OPEN")
                .containsEntry("deadline", null);
        assertThat((String) row.get("hazard_id")).startsWith("auto-").hasSize(21);
    }

    @Test
    void keepsARowWithHundredsOfWideExtraColumnsAndBoundsTheirJson() {
        fixture.ingestRegister();
        var header = new StringBuilder(String.join(",", IngestFixture.LEDGER_HEADER));
        var row = new StringBuilder(
                String.join(",", IngestFixture.validRow("YH-1").values()));
        for (int column = 0; column < 300; column++) {
            header.append(",附加").append(column);
            row.append(',').append("备".repeat(30_000));
        }
        Path file = fixture.write("wide.csv", header + "\n" + row + "\n");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        String extra = (String) fixture.query("SELECT extra FROM ledger").get(0).get("extra");
        assertThat(extra.length()).isLessThanOrEqualTo(ColumnMap.MAX_EXTRA_JSON_CHARS + 40);
        assertThat(extra).startsWith("{\"附加0\":\"备备").endsWith(",\"_omitted_columns\":283}");
    }

    @Test
    void derivesTheSameHazardIdForTheSameHazardInLaterSnapshots() {
        fixture.ingestRegister();
        Path first = fixture.ledgerCsv("first.csv", Map.of("隐患编号", "", "整改状态", "未整改", "整改完成日期", ""));
        Path second = fixture.ledgerCsv("second.csv", Map.of("隐患编号", ""));

        fixture.ingest(Dataset.LEDGER, first);
        fixture.ingest(Dataset.LEDGER, second);

        List<Map<String, Object>> rows = fixture.query("SELECT hazard_id, status FROM ledger ORDER BY batch_id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("hazard_id")).isEqualTo(rows.get(1).get("hazard_id"));
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("OPEN", "RECTIFIED");
    }

    @Test
    void readsTheRegisterWithDistrictNamesAndEnglishHeaders() {
        Path register = fixture.write(
                "register.csv",
                "name,school_type,district,boarding,students,school_code,website\n"
                        + "五台县东冶镇中心小学,中心小学,五台县,Y,320,1409220001,http://example.cn\n");

        IngestResult result = fixture.ingest(Dataset.SCHOOLS, register);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(fixture.query("SELECT school_code, district_code, school_type, boarding, extra FROM schools"))
                .containsExactly(Map.of(
                        "school_code", "1409220001",
                        "district_code", "140922",
                        "school_type", "PRIMARY",
                        "boarding", true,
                        "extra", "{\"website\":\"http://example.cn\"}"));
    }

    @Test
    void validatesLedgersAgainstTheLatestRegister() {
        fixture.ingestRegister();
        Path later = fixture.write(
                "register-2.csv", "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n" + "1409020001,忻州市第一中学,140902,初中,是,1250\n");
        fixture.ingest(Dataset.SCHOOLS, later);

        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("ledger.csv", Map.of()));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.warned()).isEqualTo(1);
        assertThat(fixture.query("SELECT warnings FROM ledger"))
                .containsExactly(Map.of("warnings", LedgerConverter.WARNING_SCHOOL_NAME));
    }

    @Test
    void writesTheManifestWithCountsAndHash() throws Exception {
        fixture.ingestRegister();
        Path file = fixture.ledgerCsv("ledger.csv", Map.of(), Map.of("整改期限", "2024-13-01"));

        IngestResult result = fixture.ingestor.ingest(
                new IngestRequest(Dataset.LEDGER, file, "台账.csv", java.util.Optional.of(LocalDate.of(2024, 5, 31))),
                IngestProgress.silent());

        String manifest = Files.readString(fixture.warehouse.manifest(result.batchId()));
        assertThat(manifest)
                .contains("\"batch_id\" : 2")
                .contains("\"dataset\" : \"ledger\"")
                .contains("\"file_name\" : \"台账.csv\"")
                .contains("\"sha256\" : \"" + result.sha256() + "\"")
                .contains("\"report_date\" : \"2024-05-31\"")
                .contains("\"report_date_source\" : \"FLAG\"")
                .contains("\"ingested_at\" : \"2024-06-01T10:00+08:00\"")
                .contains("\"rows_read\" : 2")
                .contains("\"rows_accepted\" : 1")
                .contains("\"rows_rejected\" : 1")
                .contains("\"rows_warned\" : 0");
        assertThat(result.sha256()).hasSize(64);
        assertThat(fixture.query("SELECT DISTINCT report_date FROM ledger"))
                .containsExactly(Map.of("report_date", LocalDate.of(2024, 5, 31)));
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("file", "台账.csv")
                .containsEntry("row", "3"));
    }

    @Test
    void keepsEmptyAndControlCharacterTextApartFromNull() {
        fixture.ingestRegister();
        Path file = fixture.ledgerCsv("ledger.csv", Map.of("隐患描述", "a\u001Fb\u001Ec", "整改措施", "", "隐患部位", "\"引号\",逗号"));

        fixture.ingest(Dataset.LEDGER, file);

        assertThat(fixture.query("SELECT description, measures, location, basis, warnings FROM ledger"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("description", "a\u001Fb\u001Ec")
                        .containsEntry("measures", null)
                        .containsEntry("location", "\"引号\",逗号")
                        .containsEntry("basis", null)
                        .containsEntry("warnings", ""));
    }

    @Test
    void storesTabSeparatedTextAsTypedWithItsCommasQuotesAndInnerSpacesButNotItsOuterSpaces() {
        fixture.ingestRegister();
        Map<String, String> row = IngestFixture.validRow("YH-7");
        row.put("隐患部位", "\u3000 一楼,二楼\u00A0");
        row.put("隐患描述", "线路\"老化\"，  有隐患");
        row.put("整改措施", "\uFEFF更换, 加固 ");
        row.put("检查人/督查组", " 王明,李华 ");
        var tsv = new StringBuilder(String.join("\t", IngestFixture.LEDGER_HEADER)).append('\n');
        tsv.append(String.join(
                        "\t",
                        IngestFixture.LEDGER_HEADER.stream()
                                .map(header -> row.getOrDefault(header, ""))
                                .toList()))
                .append('\n');

        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.write("ledger.tsv", tsv.toString()));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(fixture.query("SELECT location, description, measures, inspector FROM ledger"))
                .containsExactly(Map.of(
                        "location", "一楼,二楼",
                        "description", "线路\"老化\"，  有隐患",
                        "measures", "更换, 加固",
                        "inspector", "王明,李华"));
    }

    @Test
    void rejectsEveryRowWithAnUnknownCategoryAlikeWhetherOrNotItsSpellingWasSeenBefore() {
        fixture.ingestRegister();
        Path file = fixture.ledgerCsv(
                "ledger.csv",
                Map.of("隐患类别", "天气"),
                Map.of("隐患类别", " 消防安全 "),
                Map.of("隐患类别", "天气"),
                Map.of("隐患类别", "消防安全"));

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(2);
        List<Map<String, String>> rejects = IngestFixture.rejects(result);
        assertThat(rejects).extracting(reject -> reject.get("row")).containsExactly("2", "4");
        assertThat(rejects.get(0).get("reason_en"))
                .startsWith("category \"天气\" is not a known category (expected one of");
        assertThat(withoutRow(rejects.get(1))).as("the same as the first time").isEqualTo(withoutRow(rejects.get(0)));
        assertThat(fixture.query("SELECT category FROM ledger"))
                .containsExactly(Map.of("category", "FIRE"), Map.of("category", "FIRE"));
    }

    private static Map<String, String> withoutRow(Map<String, String> reject) {
        var copy = new java.util.HashMap<>(reject);
        copy.remove("row");
        return copy;
    }
}
