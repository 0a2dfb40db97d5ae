package cn.xiaoan.analytics.figure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.spark.SparkBuildEngine;
import cn.xiaoan.analytics.fixture.SharedSpark;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SqlFunctionsTest {
    /** found, rectified, deadline against D = 2024-06-30: the boundaries of each predicate, NULLs included. */
    private static final String CASES = "SELECT * FROM (VALUES"
            + " (1, DATE '2024-06-30', CAST(NULL AS DATE), DATE '2024-06-29', 'GENERAL'),"
            + " (2, DATE '2024-07-01', CAST(NULL AS DATE), DATE '2024-06-01', 'MAJOR'),"
            + " (3, DATE '2024-01-01', DATE '2024-06-30', DATE '2024-02-01', 'MAJOR'),"
            + " (4, DATE '2024-01-01', DATE '2024-07-01', DATE '2024-06-30', 'MAJOR'),"
            + " (5, DATE '2023-12-31', DATE '2024-07-01', DATE '2024-01-31', 'GENERAL'),"
            + " (6, DATE '2023-05-01', CAST(NULL AS DATE), CAST(NULL AS DATE), 'MAJOR'),"
            + " (7, DATE '2024-03-01', CAST(NULL AS DATE), DATE '2024-06-30', CAST(NULL AS STRING))"
            + ") AS t(id, found_date, rectified_date, deadline, severity)";

    private static final String QUESTION = "SELECT id,"
            + " CASE WHEN is_open_at(found_date, rectified_date, DATE '2024-06-30') THEN 1 ELSE 0 END AS is_open,"
            + " CASE WHEN is_overdue_at(found_date, rectified_date, deadline, DATE '2024-06-30') THEN 1 ELSE 0 END"
            + "     AS is_overdue,"
            + " risk_weight(severity, is_overdue_at(found_date, rectified_date, deadline, DATE '2024-06-30'))"
            + "     AS weight,"
            + " CASE WHEN found_date < campaign_baseline() THEN 1 ELSE 0 END AS is_legacy"
            + " FROM cases ORDER BY id";

    /** Empty, unset and space-only text is blank; any character says something. */
    private static final String BLANKS = "SELECT is_blank(CAST(NULL AS STRING)), is_blank(''), is_blank('   '),"
            + " is_blank('县应急局'), is_blank(' 张校长 ')";

    private static final List<Boolean> BLANK = List.of(true, true, true, false, false);

    /** id, open, overdue, weight, legacy: docs/FIGURES.md's words applied by hand. */
    private static final List<String> EXPECTED = List.of(
            "1 1 1 2 0", // found on D, never rectified, deadline passed: open and overdue, GENERAL doubled
            "2 0 0 5 0", // found after D: not open (the weight is only ever summed over open hazards)
            "3 0 0 5 0", // rectified on D: no longer open at D
            "4 1 0 5 0", // rectified the day after D, deadline on D: open, not yet overdue
            "5 1 1 2 1", // found before the baseline: legacy
            "6 1 0 5 1", // no deadline: never overdue
            "7 1 0 1 0"); // unknown severity weighs as GENERAL; deadline on D is not past it

    @Test
    void duckDbMacrosFollowTheDefinitions() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            for (String function : SqlFunctions.duckDb()) {
                statement.execute(function);
            }
            statement.execute("CREATE VIEW cases AS " + CASES);
            var rows = new ArrayList<String>();
            try (ResultSet result = statement.executeQuery(QUESTION)) {
                while (result.next()) {
                    rows.add(result.getInt(1) + " " + result.getInt(2) + " " + result.getInt(3) + " " + result.getInt(4)
                            + " " + result.getInt(5));
                }
            }
            assertThat(rows).containsExactlyElementsOf(EXPECTED);
            try (ResultSet blanks = statement.executeQuery(BLANKS)) {
                blanks.next();
                var answers = new ArrayList<Boolean>();
                for (int column = 1; column <= BLANK.size(); column++) {
                    answers.add(blanks.getBoolean(column));
                }
                assertThat(answers).containsExactlyElementsOf(BLANK);
            }
            try (ResultSet baseline = statement.executeQuery("SELECT campaign_baseline()")) {
                baseline.next();
                assertThat(baseline.getDate(1).toLocalDate()).isEqualTo(Campaign.BASELINE);
            }
        }
    }

    @Test
    void sparkFunctionsGiveTheSameAnswers() {
        var spark = SharedSpark.session();
        SparkBuildEngine.defineFunctions(spark);
        spark.sql(CASES).createOrReplaceTempView("cases");
        var rows = new ArrayList<String>();
        for (Row row : spark.sql(QUESTION).collectAsList()) {
            rows.add(row.getInt(0) + " " + row.getInt(1) + " " + row.getInt(2) + " " + row.getInt(3) + " "
                    + row.getInt(4));
        }
        assertThat(rows).containsExactlyElementsOf(EXPECTED);
        Row blanks = spark.sql(BLANKS).first();
        var answers = new ArrayList<Boolean>();
        for (int column = 0; column < BLANK.size(); column++) {
            answers.add(blanks.getBoolean(column));
        }
        assertThat(answers).containsExactlyElementsOf(BLANK);
        assertThat(spark.sql("SELECT campaign_baseline()").first().getDate(0).toLocalDate())
                .isEqualTo(Campaign.BASELINE);
    }

    @Test
    void everyDefinitionIsRenderedForBothEngines() {
        assertThat(SqlFunctions.definitions())
                .extracting(SqlFunctions.Definition::name)
                .containsExactly("is_open_at", "is_overdue_at", "risk_weight", "is_blank", "campaign_baseline");
        assertThat(SqlFunctions.duckDb()).allSatisfy(sql -> assertThat(sql).startsWith("CREATE OR REPLACE MACRO "));
        assertThat(SqlFunctions.spark())
                .allSatisfy(sql -> assertThat(sql).startsWith("CREATE OR REPLACE TEMPORARY FUNCTION "));
        assertThat(SqlFunctions.duckDb()).last().asString().endsWith("AS DATE '" + Campaign.BASELINE + "'");
    }
}
