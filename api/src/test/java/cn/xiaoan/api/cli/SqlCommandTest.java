package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {
    @TempDir
    static Path root;

    private static Path warehouse;
    private final Components components = Components.fromEnvironment(Map.of());

    /** The exit code and what the command printed on stdout and stderr. */
    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void buildModel() {
        warehouse =
                TwoDistrictModel.build(new Warehouse(root.resolve("warehouse"))).root();
    }

    private Run xiaoan(String command, String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        var all = new ArrayList<>(List.of(command, "--warehouse", warehouse.toString()));
        all.addAll(List.of(arguments));
        return new Run(commandLine.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void printsAnAlignedTableWithRowCountAndModelVersion() {
        Run run = xiaoan("sql", "SELECT code, name_zh FROM dim_district WHERE code IN ('140902', '140921') ORDER BY 1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "code   | name_zh",
                        "-------+--------",
                        "140902 | 忻府区",
                        "140921 | 定襄县",
                        "(2 行，模型版本 1，" + msOf(run.out()) + " ms / 2 rows, model version 1, " + msOf(run.out())
                                + " ms)");
    }

    @Test
    void printsCsvWithAHeaderAndQuotesWhereNeeded() {
        Run run = xiaoan(
                "sql",
                "SELECT hazard_id, 'a,b' AS text, NULL AS nothing FROM current_hazards ORDER BY 1 LIMIT 2",
                "--format",
                "csv");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("hazard_id,text,nothing\r\nHD1,\"a,b\",\r\nHX1,\"a,b\",\r\n");
    }

    @Test
    void printsJsonWithColumnsRowsAndTheTruncatedFlag() throws Exception {
        Run run = xiaoan(
                "sql",
                "SELECT hazard_id, found_date FROM current_hazards ORDER BY 1",
                "--format",
                "json",
                "--max-rows",
                "2");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("modelVersion").asLong()).isEqualTo(1);
        assertThat(result.path("truncated").asBoolean()).isTrue();
        assertThat(result.path("columns").get(1).path("type").asText()).isEqualTo("DATE");
        assertThat(result.path("rows").toString()).isEqualTo("[[\"HD1\",\"2026-04-01\"],[\"HX1\",\"2026-03-01\"]]");
        assertThat(run.err()).contains("the result was cut at 2 rows");
    }

    @Test
    void limitsADistrictScopeToItsOwnRows() {
        Run run = xiaoan(
                "sql",
                "SELECT count(*) AS hazards FROM current_hazards",
                "--district",
                TwoDistrictModel.DINGXIANG,
                "--format",
                "csv");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("hazards\r\n1\r\n");
    }

    @Test
    void refusesAWriteWithABilingualMessageAndANonZeroExit() {
        Run run = xiaoan("sql", "COPY current_hazards TO '" + root.resolve("stolen.csv") + "'");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("只允许只读查询").contains("Only read-only queries are allowed");
        assertThat(root.resolve("stolen.csv")).doesNotExist();
    }

    @Test
    void cancelsAtTheTimeoutAndSaysSo() {
        Run run = xiaoan(
                "sql",
                "SELECT count(*) FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range < 0",
                "--timeout",
                "0.5");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("查询超过时限").contains("cancelled at its time limit");
    }

    @Test
    void rejectsAnUnknownFormatOrDistrict() {
        assertThat(xiaoan("sql", "SELECT 1", "--format", "xml").err()).contains("unknown format \"xml\"");
        assertThat(xiaoan("sql", "SELECT 1", "--district", "999999").err())
                .contains("unknown district code \"999999\"");
    }

    @Test
    void exportsADuckDbFileThatOpensReadOnlyAndRefusesToOverwrite() throws Exception {
        Path file = root.resolve("export").resolve("model.duckdb");

        Run run = xiaoan("export-duckdb", file.toString());
        Run again = xiaoan("export-duckdb", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("exported model version 1")
                .contains("duckdb -readonly")
                .contains("the views read model version 1 in the warehouse; it is pinned for this file");
        var properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM current_hazards")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(4);
        }
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        assertThat(xiaoan("export-duckdb", file.toString(), "--force").exit()).isZero();
    }

    @Test
    void exportsACopyThatStandsAloneAndSaysSo() {
        Path file = root.resolve("export").resolve("copy.duckdb");

        Run run = xiaoan("export-duckdb", "--copy", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("every table is copied in: the file stands alone");
    }

    private static String msOf(String out) {
        var matcher = java.util.regex.Pattern.compile("，(\\d+) ms").matcher(out);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
