package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a generated data set back with DuckDB and checks counts, consistency and realism. */
class GeneratedDataTest {
    private static final int SCHOOLS = 60;
    private static final long HAZARDS = 20_000;

    @TempDir
    static Path out;

    private static GenerationSummary summary;
    private static Connection connection;

    @BeforeAll
    static void generate() throws Exception {
        summary = new Generator(ReferenceData.load())
                .generate(
                        new GeneratorOptions(
                                out, SCHOOLS, HAZARDS, 2024, EnumSet.of(OutputFormat.CSV, OutputFormat.JSON)),
                        GeneratorProgress.silent());
        connection = DriverManager.getConnection("jdbc:duckdb:");
        String dir = out.toString().replace("'", "''");
        execute("CREATE VIEW schools AS SELECT * FROM read_json('" + dir + "/schools.jsonl')");
        execute("CREATE VIEW ledger AS SELECT *, CAST(regexp_extract(filename, 'ledger-([0-9-]{10})', 1) AS DATE)"
                + " AS report_date FROM read_json('" + dir + "/ledger-*.jsonl', filename = true,"
                + " columns = {hazard_id: 'VARCHAR', school_code: 'VARCHAR', school_name: 'VARCHAR',"
                + " found_date: 'DATE', inspection_type: 'VARCHAR', inspector: 'VARCHAR', category: 'VARCHAR',"
                + " location: 'VARCHAR', description: 'VARCHAR', severity: 'VARCHAR', measures: 'VARCHAR',"
                + " temporary_measures: 'VARCHAR', responsible_person: 'VARCHAR', deadline: 'DATE',"
                + " status: 'VARCHAR', rectified_date: 'DATE', closed_date: 'DATE', basis: 'VARCHAR'})");
        execute("CREATE VIEW current_hazards AS SELECT * FROM ledger"
                + " QUALIFY row_number() OVER (PARTITION BY hazard_id ORDER BY report_date DESC) = 1");
        execute("CREATE VIEW inspections AS SELECT * FROM read_json('" + dir + "/inspections.jsonl')");
        execute("CREATE VIEW surveys AS SELECT * FROM read_json('" + dir + "/surveys.jsonl')");
        execute("CREATE VIEW drills AS SELECT * FROM read_json('" + dir + "/drills.jsonl')");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyFileIsReadableByDuckDbWithTheRowsTheSummaryReports() throws Exception {
        for (GeneratedFile file : summary.files()) {
            String path = file.path().toString().replace("'", "''");
            String reader = file.format() == OutputFormat.CSV
                    ? "read_csv('" + path + "', header = true, all_varchar = true)"
                    : "read_json('" + path + "')";
            assertThat(scalar("SELECT count(*) FROM " + reader))
                    .as(file.path().toString())
                    .isEqualTo(file.rows());
        }
        assertThat(summary.files().stream().filter(f -> f.dataset() == Dataset.LEDGER))
                .hasSize(2 * DemoCalendar.REPORT_DATES.size());
        assertThat(scalar("SELECT count(*) FROM schools")).isEqualTo(SCHOOLS);
        assertThat(scalar("SELECT count(*) FROM ledger")).isEqualTo(summary.ledgerRows());
    }

    @Test
    void csvCarriesTheChineseHeadersAndNames() throws Exception {
        String path = out.resolve("ledger-2024-06-30.csv").toString();
        assertThat(scalar("SELECT count(*) FROM read_csv('" + path + "') WHERE \"隐患等级\" = '重大事故隐患'"))
                .isPositive();
        assertThat(scalar("SELECT count(DISTINCT \"整改状态\") FROM read_csv('" + path + "')"))
                .isEqualTo(4);
        assertThat(scalar("SELECT count(*) FROM read_csv('" + out.resolve("schools.csv")
                        + "') WHERE \"是否寄宿制\" NOT IN ('是', '否')"))
                .isZero();
    }

    @Test
    void unionOfSnapshotsHoldsEveryHazardOnce() throws Exception {
        assertThat(scalar("SELECT count(DISTINCT hazard_id) FROM ledger")).isEqualTo(HAZARDS);
        assertThat(scalar("SELECT count(*) FROM (SELECT hazard_id, report_date FROM ledger"
                        + " GROUP BY ALL HAVING count(*) > 1)"))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM ledger WHERE school_code NOT IN (SELECT school_code FROM schools)"))
                .isZero();
    }

    @Test
    void laterSnapshotsRepeatAHazardOnlyWithANewerStatus() throws Exception {
        String ranked = "SELECT hazard_id, report_date, CASE status WHEN 'OPEN' THEN 0 WHEN 'IN_PROGRESS' THEN 1"
                + " WHEN 'RECTIFIED' THEN 2 ELSE 3 END AS rank FROM ledger";
        String withPrevious = "SELECT rank, lag(rank) OVER (PARTITION BY hazard_id ORDER BY report_date) AS previous"
                + " FROM (" + ranked + ")";
        assertThat(scalar("SELECT count(*) FROM (" + withPrevious + ") WHERE rank <= previous"))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM (" + withPrevious + ") WHERE previous IS NOT NULL"))
                .isPositive();
        // A snapshot shows only hazards found on or before its report date.
        assertThat(scalar("SELECT count(*) FROM ledger WHERE found_date > report_date"))
                .isZero();
    }

    @Test
    void datesAndStatusesAreConsistent() throws Exception {
        assertThat(scalar("SELECT count(*) FROM ledger WHERE deadline < found_date OR deadline IS NULL"))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM ledger WHERE rectified_date < found_date"
                        + " OR closed_date < rectified_date OR rectified_date > report_date"
                        + " OR closed_date > report_date"))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM ledger WHERE (status IN ('RECTIFIED', 'CLOSED'))"
                        + " <> (rectified_date IS NOT NULL) OR (status = 'CLOSED') <> (closed_date IS NOT NULL)"))
                .isZero();
        assertThat(scalar("SELECT max(deadline - found_date) FROM ledger")).isLessThanOrEqualTo(90);
        assertThat(scalar("SELECT max(deadline - found_date) FROM ledger WHERE severity = 'MAJOR'"))
                .isLessThanOrEqualTo(30);
        assertThat(scalar("SELECT (min(found_date) >= DATE '2023-01-01' AND max(found_date) <= DATE '2026-10-31')::INT"
                        + " FROM ledger"))
                .isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM ledger WHERE description IS NULL OR responsible_person IS NULL"))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM ledger WHERE severity = 'MAJOR' AND temporary_measures IS NULL"))
                .isZero();
    }

    @Test
    void aboutFivePercentOfHazardsAreMajor() throws Exception {
        double share = fraction("SELECT avg(CASE WHEN severity = 'MAJOR' THEN 1 ELSE 0 END) FROM current_hazards");
        assertThat(share).isBetween(0.03, 0.07);
        assertThat(scalar("SELECT count(*) FROM current_hazards WHERE basis IS NOT NULL"))
                .isPositive();
    }

    @Test
    void categoriesFollowTheSchoolType() throws Exception {
        String joined = "SELECT h.category, s.school_type, s.boarding FROM current_hazards h"
                + " JOIN schools s USING (school_code)";
        assertThat(scalar("SELECT count(*) FROM (" + joined
                        + ") WHERE school_type = 'KINDERGARTEN' AND category = 'LAB_CHEM'"))
                .isZero();
        double boardingFire = fraction(
                "SELECT avg(CASE WHEN category = 'FIRE' THEN 1 ELSE 0 END) FROM (" + joined + ") WHERE boarding");
        double dayFire = fraction(
                "SELECT avg(CASE WHEN category = 'FIRE' THEN 1 ELSE 0 END) FROM (" + joined + ") WHERE NOT boarding");
        assertThat(boardingFire).isGreaterThan(dayFire * 1.3);
    }

    @Test
    void someHazardsStayOpenAtTheEndMostOfThemOverdue() throws Exception {
        String open = "SELECT * FROM current_hazards WHERE status IN ('OPEN', 'IN_PROGRESS')";
        double openShare = (double) scalar("SELECT count(*) FROM (" + open + ")") / HAZARDS;
        assertThat(openShare).isBetween(0.06, 0.18);
        double overdueShare =
                fraction("SELECT avg(CASE WHEN deadline < DATE '2026-10-31' THEN 1 ELSE 0 END) FROM (" + open + ")");
        assertThat(overdueShare).isGreaterThan(0.6);
        assertThat(scalar("SELECT count(*) FROM (" + open + ") WHERE severity = 'MAJOR'"
                        + " AND found_date < DATE '2024-01-01'"))
                .as("legacy major hazards still open")
                .isPositive();
        double late = fraction("SELECT avg(CASE WHEN rectified_date > deadline THEN 1 ELSE 0 END)"
                + " FROM current_hazards WHERE rectified_date IS NOT NULL");
        assertThat(late).as("rectified late").isBetween(0.1, 0.45);
    }

    @Test
    void districtsDifferInHowMuchStaysOpen() throws Exception {
        String perDistrict = "SELECT s.district_code, avg(CASE WHEN h.status IN ('OPEN', 'IN_PROGRESS') THEN 1"
                + " ELSE 0 END) AS open_share FROM current_hazards h JOIN schools s USING (school_code) GROUP BY 1";
        double spread = fraction("SELECT max(open_share) - min(open_share) FROM (" + perDistrict + ")");
        assertThat(spread).isGreaterThan(0.05);
    }

    @Test
    void findingsPeakInMarchSeptemberAndTheWinterCampaign() throws Exception {
        String months = "SELECT month(found_date) AS m, count(*) AS n FROM current_hazards"
                + " WHERE year(found_date) IN (2024, 2025) GROUP BY 1";
        double average = fraction("SELECT avg(n) FROM (" + months + ")");
        for (int month : new int[] {3, 9, 11, 12}) {
            assertThat((double) scalar("SELECT n FROM (" + months + ") WHERE m = " + month))
                    .as("month " + month)
                    .isGreaterThan(average * 1.1);
        }
        assertThat((double) scalar("SELECT n FROM (" + months + ") WHERE m = 7"))
                .isLessThan(average);
    }

    @Test
    void riskIsConcentratedInAMinorityOfSchools() throws Exception {
        String perSchool = "SELECT school_code, count(*) AS n FROM current_hazards GROUP BY 1";
        double topFifth = fraction("SELECT sum(n) FILTER (WHERE rank <= " + SCHOOLS / 5 + ") / sum(n) FROM"
                + " (SELECT n, row_number() OVER (ORDER BY n DESC) AS rank FROM (" + perSchool + "))");
        assertThat(topFifth).isGreaterThan(0.4);
    }

    @Test
    void selfInspectionFindsMostAndSupervisionIsSecond() throws Exception {
        List<String> order =
                strings("SELECT inspection_type FROM current_hazards GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3");
        assertThat(order.subList(0, 2)).containsExactly("SELF", "SUPERVISION");
        assertThat(scalar("SELECT count(DISTINCT inspection_type) FROM current_hazards"))
                .isEqualTo(7);
    }

    @Test
    void inspectionLogHoldsEveryVisitThatFoundAHazardAndVisitsThatFoundNothing() throws Exception {
        assertThat(scalar("SELECT count(*) FROM current_hazards h ANTI JOIN inspections i"
                        + " ON i.school_code = h.school_code AND i.visit_date = h.found_date"
                        + " AND i.inspection_type = h.inspection_type AND i.inspector = h.inspector"))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM inspections i ANTI JOIN current_hazards h"
                        + " ON i.school_code = h.school_code AND i.visit_date = h.found_date"
                        + " AND i.inspection_type = h.inspection_type AND i.inspector = h.inspector"))
                .isGreaterThan(SCHOOLS * 10);
        assertThat(scalar("SELECT count(*) FROM (SELECT school_code, visit_date, inspection_type, inspector"
                        + " FROM inspections GROUP BY ALL HAVING count(*) > 1)"))
                .isZero();
    }

    @Test
    void surveysCoverEverySchoolTwiceAYearAndOnlyImprove() throws Exception {
        assertThat(scalar("SELECT count(DISTINCT survey_date) FROM surveys")).isEqualTo(8);
        assertThat(scalar("SELECT count(*) FROM surveys")).isEqualTo(SCHOOLS * 8L);
        assertThat(scalar("SELECT count(*) FROM (SELECT closed_management AND NOT lead(closed_management)"
                        + " OVER w OR anti_ram_barriers AND NOT lead(anti_ram_barriers) OVER w AS worse"
                        + " FROM surveys WINDOW w AS (PARTITION BY school_code ORDER BY survey_date)) WHERE worse"))
                .isZero();
        double first =
                fraction("SELECT avg(anti_ram_barriers::INT) FROM surveys WHERE survey_date = DATE '2023-03-15'");
        double last = fraction("SELECT avg(anti_ram_barriers::INT) FROM surveys WHERE survey_date = DATE '2026-09-15'");
        assertThat(last).isGreaterThan(first + 0.2);
    }

    @Test
    void schoolsDrillMonthlyAndKindergartensQuarterly() throws Exception {
        String perSchool = "SELECT s.school_type = 'KINDERGARTEN' AS kindergarten, count(d.drill_date) AS drills"
                + " FROM schools s LEFT JOIN drills d USING (school_code) GROUP BY s.school_code, 1";
        double kindergarten = fraction("SELECT avg(drills) FROM (" + perSchool + ") WHERE kindergarten");
        double others = fraction("SELECT avg(drills) FROM (" + perSchool + ") WHERE NOT kindergarten");
        // 31 teaching months up to 2026-10; 4 quarters a year.
        assertThat(others).isBetween(20.0, 33.0);
        assertThat(kindergarten).isBetween(10.0, 17.0);
        assertThat(scalar("SELECT count(*) FROM drills WHERE month(drill_date) IN (1, 2, 7, 8)"))
                .isZero();
    }

    @Test
    void manifestListsTheFilesInIngestOrder() throws Exception {
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve(Generator.MANIFEST).toFile());
        assertThat(manifest.path("options").path("hazards").asLong()).isEqualTo(HAZARDS);
        assertThat(manifest.path("ledger_rows").asLong()).isEqualTo(summary.ledgerRows());
        var datasets = new ArrayList<String>();
        var files = new ArrayList<String>();
        manifest.path("files").forEach(node -> {
            datasets.add(node.path("dataset").asText());
            files.add(node.path("file").asText());
        });
        assertThat(datasets.get(0)).isEqualTo("SCHOOLS");
        assertThat(datasets.subList(2, 2 + 14)).containsOnly("LEDGER");
        assertThat(files.subList(2, 6))
                .containsExactly(
                        "ledger-2023-12-31.csv",
                        "ledger-2023-12-31.jsonl",
                        "ledger-2024-06-30.csv",
                        "ledger-2024-06-30.jsonl");
        assertThat(manifest.path("files").get(2).path("report_date").asText()).isEqualTo("2023-12-31");
        assertThat(manifest.path("files").get(0).path("report_date").isNull()).isTrue();
        assertThat(datasets.get(datasets.size() - 1)).isEqualTo("DRILLS");
    }

    private static void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double fraction(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
