package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    private final Components components = Components.fromEnvironment(Map.of());

    @TempDir
    Path warehouse;

    @Test
    void rejectsAnUnknownEngineNamingTheValidOnes() {
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("build", "--warehouse", warehouse.toString(), "--engine", "hive");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("Cannot use engine \"hive\": expected duckdb or spark");
        assertThat(warehouse.resolve("model")).doesNotExist();
    }

    @Test
    void buildsWithDuckDbByDefaultAndSaysSo() throws Exception {
        var out = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("build", "--warehouse", warehouse.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("published model version 1").contains("DuckDB");
        assertThat(Files.readString(warehouse.resolve("model/v=1/build.json"))).contains("\"engine\" : \"duckdb\"");
    }
}
