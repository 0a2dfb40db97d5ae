package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
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
        List<List<String>> paths = new ArrayList<>();
        collectLeafPaths(XiaoanCommand.commandLine(components), new ArrayList<>(), paths);
        assertThat(paths)
                .extracting(path -> String.join(" ", path))
                .contains("demo", "generate", "ingest", "build", "serve");
        for (List<String> path : paths) {
            var commandLine = XiaoanCommand.commandLine(components);
            var out = new StringWriter();
            var err = new StringWriter();
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            var arguments = new ArrayList<>(path);
            arguments.add("--help");
            int exit = commandLine.execute(arguments.toArray(String[]::new));
            assertThat(exit).as(path + ": " + err).isZero();
            assertThat(out.toString())
                    .as(path.toString())
                    .contains("Usage: xiaoan " + String.join(" ", path))
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

    private static void collectLeafPaths(CommandLine commandLine, List<String> prefix, List<List<String>> paths) {
        for (var entry : commandLine.getSubcommands().entrySet()) {
            // help and completion describe the command line itself and touch no warehouse
            if (entry.getKey().equals("help") || entry.getKey().equals("completion")) {
                continue;
            }
            var path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            if (entry.getValue().getSubcommands().isEmpty()) {
                paths.add(path);
            } else {
                collectLeafPaths(entry.getValue(), path, paths);
            }
        }
    }
}
