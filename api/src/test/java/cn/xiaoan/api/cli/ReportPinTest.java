package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report written by xiaoan names its model version and pins it, so gc keeps that version. */
class ReportPinTest {
    private final Components components = Components.fromEnvironment(Map.of());

    @TempDir
    Path root;

    private String run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute(args)).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void aReportPinsItsVersionAndGcKeepsIt() {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        String dir = warehouse.root().toString();
        Path report = root.resolve("2026-06月报.xlsx");

        String written = run("report", "monthly", "--month", "2026-06", "--out", report.toString(), "--warehouse", dir);
        run("build", "--warehouse", dir, "--keep", "10");
        run("build", "--warehouse", dir, "--keep", "10");
        String collected = run("gc", "--warehouse", dir, "--keep", "0");

        assertThat(report).isRegularFile();
        assertThat(written).contains("model version 1 is pinned for this report");
        assertThat(collected).contains("model versions kept: [1, 3]");
        assertThat(warehouse.model(1)).isDirectory();
        assertThat(warehouse.model(2)).doesNotExist();
    }
}
