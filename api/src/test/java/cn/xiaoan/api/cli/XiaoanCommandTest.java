package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.Components;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class XiaoanCommandTest {
    private final Components components = Components.fromEnvironment(Map.of());

    @Test
    void everyCommandHasHelpInChineseAndEnglishAndTakesAWarehouse() {
        var commandLine = XiaoanCommand.commandLine(components);
        List<CommandLine> leaves = new ArrayList<>();
        collectRunnable(commandLine, leaves);
        assertThat(leaves)
                .extracting(CommandLine::getCommandName)
                .contains("demo", "generate", "ingest", "build", "serve");
        for (CommandLine command : leaves) {
            var out = new StringWriter();
            command.setOut(new PrintWriter(out));
            int exit = command.execute("--help");
            assertThat(exit).as(command.getCommandName()).isZero();
            assertThat(out.toString())
                    .as(command.getCommandName())
                    .contains("Usage:")
                    .containsPattern("\\p{IsHan}")
                    .contains("--warehouse");
        }
    }

    @Test
    void rejectsAnUnknownDatasetWithTheValidNames() {
        var commandLine = XiaoanCommand.commandLine(components);
        var err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("ingest", "--dataset", "weather", "some.csv");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("Cannot find dataset \"weather\"").contains("schools, ledger");
    }

    private static void collectRunnable(CommandLine commandLine, List<CommandLine> leaves) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            if (sub.getSubcommands().isEmpty()) {
                leaves.add(sub);
            } else {
                collectRunnable(sub, leaves);
            }
        }
    }
}
