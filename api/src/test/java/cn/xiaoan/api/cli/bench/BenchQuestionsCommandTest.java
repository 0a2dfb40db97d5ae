package cn.xiaoan.api.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of bench questions over the reference grid: the shape of its report, in text and JSON. */
class BenchQuestionsCommandTest {
    @TempDir
    static Path root;

    private static final Components COMPONENTS = Components.fromEnvironment(Map.of());

    @BeforeAll
    static void build() {
        ReferenceData reference = ReferenceData.load();
        var warehouse = new Warehouse(root);
        ReferenceGridFixture.write(new RawWarehouseFixture(warehouse), reference);
        new ModelBuilder(warehouse, reference, Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    record Run(int exit, String out, String err) {}

    @Test
    void aTextRunReportsEveryRouteThePhasesTheRawScanAndEndsWithTheRatio() {
        Run run = bench("--questions", "18", "--warmup", "2", "--seed", "3");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("18 questions asked once each over HTTP on a fresh server")
                .contains("+2 warm-up questions not counted")
                .containsPattern("(?m)^all\\s+18\\s")
                .contains("where the time goes")
                .containsPattern("execute \\d+\\.\\d%")
                .containsPattern("baseline: raw DuckDB scan .* p50 \\d+\\.\\d ms")
                .contains("failed questions: 0");
        // the two warm-up questions take the first two routes of the first round, so the counts are 1 to 3
        for (QuestionRoute route : QuestionRoute.values()) {
            assertThat(run.out()).containsPattern("(?m)^" + route.code() + "\\s+[123]\\s");
        }
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines[lines.length - 1])
                .matches("p95 \\d+\\.\\d ms = \\d+\\.\\d\\d× the raw scan \\(p50 \\d+\\.\\d ms\\); p99 .*");
    }

    @Test
    void aJsonRunIsOneDocumentWithTheSameFigures() throws Exception {
        Run run = bench("--questions", "9", "--warmup", "0", "--seed", "4", "--format", "json");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("overall").get("questions").asInt()).isEqualTo(9);
        assertThat(report.get("routes")).hasSize(QuestionRoute.values().length);
        assertThat(report.get("overall").get("meanPhases").get("total").asDouble())
                .isPositive();
        JsonNode scan = report.get("rawScan");
        assertThat(scan.get("p50").asDouble()).isPositive();
        assertThat(scan.get("afterP50").asDouble()).isPositive();
        assertThat(scan.get("baseline").asDouble())
                .as("the faster of the scans between and after the questions")
                .isEqualTo(Math.min(
                        scan.get("p50").asDouble(), scan.get("afterP50").asDouble()));
        assertThat(report.get("p95OverRawScan").asDouble())
                .isEqualTo(report.get("p95").asDouble() / scan.get("baseline").asDouble());
        assertThat(report.get("slowest")).hasSize(9);
        assertThat(report.get("slowest").get(0).get("millis").asDouble())
                .isGreaterThanOrEqualTo(
                        report.get("slowest").get(8).get("millis").asDouble());
        assertThat(report.get("failures")).isEmpty();
    }

    @Test
    void anUnknownFormatIsRefused() {
        Run run = bench("--questions", "1", "--format", "xml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("format \"xml\"").contains("expected text or json");
    }

    private Run bench(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(COMPONENTS);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 3];
        all[0] = "bench";
        all[1] = "questions";
        all[2] = "--warehouse=" + root;
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new Run(commandLine.execute(all), out.toString(), err.toString());
    }
}
