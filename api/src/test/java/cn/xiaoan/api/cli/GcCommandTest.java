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

class GcCommandTest {
    private final Components components = Components.fromEnvironment(Map.of());

    @TempDir
    Path warehouse;

    private String run(String... args) {
        var out = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void aDryRunListsWhatWouldGoWithItsSizeAndRemovesNothing() {
        for (int i = 0; i < 4; i++) {
            run("build", "--warehouse", warehouse.toString(), "--keep", "10");
        }

        String listed = run("gc", "--warehouse", warehouse.toString(), "--keep", "1", "--dry-run");

        assertThat(listed)
                .contains("would remove " + warehouse.resolve("model/v=1"))
                .contains("would remove " + warehouse.resolve("model/v=2"))
                .doesNotContain("model/v=3")
                .contains("would remove 2 directories")
                .contains("model versions kept: [3, 4]");
        assertThat(warehouse.resolve("model/v=1")).isDirectory();
    }

    @Test
    void removesOldVersionsButThePublishedAndPinnedOnes() throws Exception {
        for (int i = 0; i < 3; i++) {
            run("build", "--warehouse", warehouse.toString(), "--keep", "10");
        }
        Files.createDirectories(warehouse.resolve("model/pins/v=1"));
        Files.writeString(warehouse.resolve("model/pins/v=1/report.docx.pin"), "pinned");

        String removed = run("gc", "--warehouse", warehouse.toString(), "--keep", "0");

        assertThat(removed)
                .contains("removed " + warehouse.resolve("model/v=2"))
                .contains("model versions kept: [1, 3]");
        assertThat(warehouse.resolve("model/v=1")).isDirectory();
        assertThat(warehouse.resolve("model/v=2")).doesNotExist();
        assertThat(warehouse.resolve("model/v=3")).isDirectory();
    }

    @Test
    void explainsItselfInHelp() {
        String help = run("gc", "--help");

        assertThat(help).contains("--dry-run").contains("--keep").contains("--wait");
    }
}
