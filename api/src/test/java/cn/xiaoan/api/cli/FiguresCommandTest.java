package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresCommandTest {
    @TempDir
    Path warehouse;

    private final Components components = Components.fromEnvironment(Map.of());

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void buildModel() {
        var target = new Warehouse(warehouse);
        ReferenceGridFixture.write(new RawWarehouseFixture(target), components.reference());
        new ModelBuilder(target).build();
    }

    @Test
    void printsARowPerCellWithEveryFigureAsCsv() {
        Run run = figures("--as-of", "2026-10-31", "--by", "district,category", "--filter", "severity=MAJOR");

        assertThat(run.exit()).as(run.err()).isZero();
        String[] lines = run.out().split("\r\n");
        // a header and 15 districts × 15 categories
        assertThat(lines).hasSize(1 + 225);
        assertThat(lines[0])
                .startsWith("district,category,found,")
                .endsWith("," + Figure.values()[Figure.values().length - 1].code());
        assertThat(lines[1]).startsWith("140902,FIRE,");
    }

    @Test
    void printsTheSameTableAsJsonWithWhatMadeIt() throws Exception {
        Run run = figures("--from", "2026-01-01", "--to", "2026-10-31", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode table = new ObjectMapper().readTree(run.out());
        assertThat(table.at("/period/from").asText()).isEqualTo("2026-01-01");
        assertThat(table.at("/asOf").asText()).isEqualTo("2026-10-31");
        assertThat(table.at("/source").asText()).isEqualTo("hazard_cube_district");
        assertThat(table.at("/rows")).hasSize(1);
        assertThat(table.at("/rows/0/open").asLong()).isPositive();
    }

    @Test
    void writesJsonKeysInOneOrderEveryRun() throws Exception {
        Run run = figures(
                "--from",
                "2026-01-01",
                "--to",
                "2026-10-31",
                "--filter",
                "severity=MAJOR,GENERAL",
                "--filter",
                "category=FIRE",
                "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode table = new ObjectMapper().readTree(run.out());
        assertThat(fieldNames(table.get("period"))).containsExactly("from", "to");
        assertThat(fieldNames(table.get("modelVersion"))).containsExactly("version", "batchIds", "builtAt");
        assertThat(fieldNames(table.get("figures").get(0))).containsExactly("code", "nameZh", "nameEn", "unit");
        // filters in dimension order, codes sorted, whatever order they were given in
        assertThat(fieldNames(table.get("filters"))).containsExactly("category", "severity");
        assertThat(table.at("/filters/severity").toString()).isEqualTo("[\"GENERAL\",\"MAJOR\"]");
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void explainsAQuestionItCannotAnswer() {
        Run run = figures("--filter", "county=1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("Cannot find dimension \"county\": expected one of district, school_type, boarding");
    }

    @Test
    void namesTheOptionAsTypedWhenADateOrThePeriodIsWrong() {
        Run badDate = figures("--as-of", "2026-13-01");
        assertThat(badDate.exit()).isNotZero();
        assertThat(badDate.err())
                .contains("Parameter --as-of=\"2026-13-01\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");

        Run halfPeriod = figures("--from", "2026-01-01");
        assertThat(halfPeriod.exit()).isNotZero();
        assertThat(halfPeriod.err()).contains("Give both --from and --to (YYYY-MM-DD), or neither");
        assertThat(halfPeriod.out()).isEmpty();
    }

    private Run figures(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("figures", "--warehouse", warehouse.toString()));
        all.addAll(List.of(arguments));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
