package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xiaoan schools move|moves|show}: the city-level move of a school, its log, and what the model does with it. */
class SchoolsCommandTest {
    private static final String SCHOOL = "1090200001";
    private static final LocalDate TODAY = LocalDate.now();

    @TempDir
    Path warehouse;

    private final Components components = Components.fromEnvironment(Map.of());

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void ingestTheRegister() throws Exception {
        assertThat(run("ingest", "--warehouse", warehouse.toString(), "--dataset", "schools", resource("schools.csv"))
                        .exit())
                .isZero();
    }

    @Test
    void movesASchoolRecordsWhoWhenAndWhyAndSplitsItsHazardsAtTheEffectiveDate() throws Exception {
        Path ledger = ledger(TODAY.minusDays(20), TODAY.minusDays(5));
        assertThat(run("ingest", "--warehouse", warehouse.toString(), "--dataset", "ledger", ledger.toString())
                        .exit())
                .isZero();

        Run move = run(
                "schools",
                "move",
                SCHOOL,
                "--warehouse",
                warehouse.toString(),
                "--to",
                "定襄县",
                "--reason",
                "行政区划调整",
                "--effective",
                TODAY.minusDays(10).toString(),
                "--by",
                "张科长");

        assertThat(move.exit()).as(move.err()).isZero();
        assertThat(move.out())
                .contains("忻府区 140902 → 定襄县 140921")
                .contains("张科长")
                .contains("xiaoan build");
        List<String> log =
                Files.readAllLines(warehouse.resolve("schools").resolve("moves.jsonl"), StandardCharsets.UTF_8);
        assertThat(log).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(log.get(0));
        assertThat(entry.path("moved_by").asText()).isEqualTo("张科长");
        assertThat(entry.path("reason").asText()).isEqualTo("行政区划调整");
        assertThat(entry.path("from_district").asText()).isEqualTo("140902");
        assertThat(entry.path("to_district").asText()).isEqualTo("140921");
        assertThat(entry.path("effective_from").asText())
                .isEqualTo(TODAY.minusDays(10).toString());
        assertThat(entry.path("moved_at").asText()).isNotBlank();

        assertThat(run("build", "--warehouse", warehouse.toString()).exit()).isZero();
        assertThat(query("SELECT hazard_id, district_code FROM read_parquet('"
                        + warehouse.resolve("model/v=1/current_hazards.parquet") + "') ORDER BY 1"))
                .containsExactly("YH-AFTER 140921", "YH-BEFORE 140902");
        assertThat(query("SELECT district_code FROM read_parquet('" + warehouse.resolve("model/v=1/dim_school.parquet")
                        + "') WHERE school_code = '" + SCHOOL + "'"))
                .containsExactly("140921");

        Run moves = run("schools", "moves", "--warehouse", warehouse.toString());
        assertThat(moves.out()).contains("#1 " + SCHOOL).contains("行政区划调整");
        Run show = run("schools", "show", SCHOOL, "--warehouse", warehouse.toString());
        assertThat(show.out()).contains("current district: 定襄县 140921").contains("first registered in: 忻府区 140902");
    }

    @Test
    void refusesAMoveToTheCurrentOwnerAnUnknownDistrictOrADateAheadAndWritesNothing() {
        Run same =
                run("schools", "move", SCHOOL, "--warehouse", warehouse.toString(), "--to", "140902", "--reason", "x");
        Run unknown =
                run("schools", "move", SCHOOL, "--warehouse", warehouse.toString(), "--to", "999999", "--reason", "x");
        Run ahead = run(
                "schools",
                "move",
                SCHOOL,
                "--warehouse",
                warehouse.toString(),
                "--to",
                "140921",
                "--reason",
                "x",
                "--effective",
                TODAY.plusDays(3).toString());

        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.err()).contains("已属于忻府区");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("999999");
        assertThat(ahead.exit()).isEqualTo(2);
        assertThat(ahead.err()).contains("cannot be recorded ahead");
        assertThat(warehouse.resolve("schools").resolve("moves.jsonl")).doesNotExist();
    }

    @Test
    void explainsEverySubcommandWithHelp() {
        for (String subcommand : List.of("move", "moves", "show")) {
            Run help = run("schools", subcommand, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: xiaoan schools " + subcommand);
        }
        assertThat(run("schools", "move", "--help").out())
                .contains("--effective")
                .contains("--reason");
    }

    private Path ledger(LocalDate before, LocalDate after) throws Exception {
        String header = "隐患编号,学校标识码,学校名称,检查日期,检查方式,隐患类别,隐患描述,隐患等级,整改责任人,整改期限,整改状态\n";
        String rows = "YH-BEFORE," + SCHOOL + ",忻府区第一小学," + before + ",自查,消防安全,灭火器过期,一般隐患,张三,"
                + before.plusDays(30) + ",未整改\n" + "YH-AFTER," + SCHOOL + ",忻府区第一小学," + after
                + ",自查,消防安全,疏散通道堵塞,一般隐患,张三," + after.plusDays(30) + ",未整改\n";
        Path file = warehouse.resolveSibling(warehouse.getFileName() + "-ledger.csv");
        Files.writeString(file, header + rows, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            var result = new ArrayList<String>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(String.join(" ", row));
            }
            return result;
        }
    }

    private Run run(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(arguments), out.toString(), err.toString());
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(SchoolsCommandTest.class.getResource("/cli/" + name).toURI())
                .toString();
    }
}
