package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Components COMPONENTS = Components.fromEnvironment(Map.of());

    @TempDir
    static Path warehouse;

    @TempDir
    Path files;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void buildModel() {
        var target = new Warehouse(warehouse);
        ReferenceGridFixture.write(new RawWarehouseFixture(target), COMPONENTS.reference());
        new ModelBuilder(target).build();
    }

    @Test
    void listsTheFiveShippedCampaignsWithThePrimaryOneMarked() throws Exception {
        Run run = run("campaigns", "list", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode list = JSON.readTree(run.out());
        assertThat(list.findValuesAsText("id"))
                .containsExactly(
                        "pinglu-2023-100-day",
                        "yanzhou-2023-q4",
                        "nantong-kfq-2020",
                        "jizhou-2021",
                        "xinzhou-2024-2026");
        assertThat(list.get(4).get("primary").asBoolean()).isTrue();
        assertThat(list.get(0).get("primary").asBoolean()).isFalse();
        assertThat(list.get(3).at("/phases/2/nameZh").asText()).isEqualTo("集中攻坚");

        Run text = run("campaigns", "list");
        assertThat(text.out()).contains("* xinzhou-2024-2026").contains("朔州市平鲁区教育局");
    }

    @Test
    void showsADefinitionAndNamesTheKnownIdsForAnUnknownOne() throws Exception {
        Run run = run("campaigns", "show", "pinglu-2023-100-day", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode campaign = JSON.readTree(run.out());
        assertThat(campaign.at("/supervisionGroups")).hasSize(4);
        assertThat(campaign.at("/supervisionGroups/0/schools/0").asText()).isEqualTo("下面高寄宿制学校");
        assertThat(campaign.at("/supervisionGroups/0/visits/0/from").asText()).isEqualTo("2023-11-23");
        assertThat(run("campaigns", "show", "pinglu-2023-100-day").out()).contains("督查组 Group: 督查二组, 组长 乔凤鸣");

        Run unknown = run("campaigns", "show", "xinzhou");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("No campaign xinzhou; known: pinglu-2023-100-day,");
    }

    @Test
    void evaluatesTheGoalsOnlyThroughTheFigures() throws Exception {
        Run goals = run(
                "campaigns",
                "goals",
                "xinzhou-2024-2026",
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                "2026-10-31",
                "--format",
                "json");
        Run figures = run(
                "figures",
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                "2026-10-31",
                "--by",
                "district",
                "--format",
                "json");

        assertThat(goals.exit()).as(goals.err()).isZero();
        JsonNode report = JSON.readTree(goals.out());
        assertThat(report.at("/asOf").asText()).isEqualTo("2026-10-31");
        // 忻州's 14 districts × 3 goals
        assertThat(report.at("/goals")).hasSize(42);
        JsonNode xinfu = report.at("/goals/2");
        assertThat(xinfu.get("district").asText()).isEqualTo("140902");
        assertThat(xinfu.get("goal").asText()).isEqualTo("dynamic_zero");
        JsonNode row = JSON.readTree(figures.out()).at("/rows/0");
        assertThat(row.get("district").asText()).isEqualTo("140902");
        assertThat(xinfu.at("/measures/0/code").asText()).isEqualTo("major_open");
        assertThat(xinfu.at("/measures/0/value").asDouble())
                .isEqualTo(row.get("major_open").asDouble());
        assertThat(xinfu.get("status").asText())
                .isEqualTo(row.get("major_open").asDouble() == 0 ? "ON_TRACK" : "AT_RISK");
    }

    @Test
    void answersNoRowsForACampaignWhoseAreaTheWarehouseDoesNotHold() throws Exception {
        Run run = run("campaigns", "goals", "jizhou-2021", "--warehouse", warehouse.toString(), "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/campaign/id").asText()).isEqualTo("jizhou-2021");
        assertThat(report.at("/goals")).isEmpty();
    }

    @Test
    void checksANewFileAndEvaluatesItOnTheWarehouse() throws Exception {
        Path good = files.resolve("dingxiang.yaml");
        Files.writeString(good, """
                id: dingxiang-2026
                name: {zh: 定襄县清零行动, en: Dingxiang zero}
                bureau: {zh: 定襄县教育局, en: Dingxiang bureau}
                area: {districts: [140921]}
                baseline: 2026-01-01
                period: {from: 2026-01-01, to: 2026-12-31}
                goals:
                  - id: zero
                    name: {zh: 重大隐患清零, en: Major zero}
                    definition: major_open = 0 at 2026-12-31
                    judged_on: 2026-12-31
                    measures:
                      - {id: major_open, name: {zh: 重大隐患未整改数, en: Major open}, figure: major_open, period: year_to_date}
                    conditions:
                      - {measure: major_open, comparison: "=", threshold: 0}
                """, StandardCharsets.UTF_8);

        Run run = run(
                "campaigns", "check", good.toString(), "--warehouse", warehouse.toString(), "--as-of", "2026-10-31");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("定义有效 / valid").contains("140921 定襄县  重大隐患清零（2026-12-31）");
        assertThat(run.out()).doesNotContain("140902");
    }

    @Test
    void listsEveryProblemOfABadFileWithItsLine() throws Exception {
        Path bad = files.resolve("bad.yaml");
        Files.writeString(bad, """
                id: bad
                name: {zh: 坏, en: Bad}
                bureau: {zh: 局, en: Bureau}
                area: {districts: [140921]}
                baseline: 2026-01-01
                period: {from: 2026-01-01, to: 2026-06-30}
                phases:
                  - {name: {zh: 一, en: One}, from: 2026-01-01, to: 2026-07-31}
                goals:
                  - id: zero
                    name: {zh: 清零, en: Zero}
                    definition: none
                    judged_on: 2026-06-30
                    measures:
                      - {id: m, name: {zh: 指标, en: M}, figure: majr_open, period: year_to_date}
                    conditions:
                      - {measure: m, comparison: "=", threshold: 0}
                """, StandardCharsets.UTF_8);

        Run run = run("campaigns", "check", bad.toString(), "--warehouse", warehouse.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(bad + ":15: goals[0].measures[0].figure: 未知指标 majr_open")
                .contains("共 1 处问题 / 1 problem(s)");
        assertThat(run.out()).isEmpty();
    }

    private Run run(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(COMPONENTS);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(new ArrayList<>(List.of(arguments)).toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
