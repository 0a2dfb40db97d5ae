package cn.xiaoan.api.cli;

import cn.xiaoan.api.XiaoanCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A writer process for the multi-process tests: runs xiaoan commands one after another in one JVM, exactly as
 * {@code bin/xiaoan} would run each ({@code ingest --dataset ledger a.csv ;; build ;; …}), and exits with the first
 * non-zero exit code.
 */
public final class WriterScript {
    static final String SEPARATOR = ";;";

    private WriterScript() {}

    public static void main(String[] args) {
        var components = Components.fromEnvironment(Map.of());
        for (List<String> command : commands(args)) {
            int exit = XiaoanCommand.commandLine(components).execute(command.toArray(String[]::new));
            if (exit != 0) {
                System.exit(exit);
            }
        }
        System.exit(0);
    }

    static List<List<String>> commands(String[] args) {
        var commands = new ArrayList<List<String>>();
        var current = new ArrayList<String>();
        for (String arg : args) {
            if (arg.equals(SEPARATOR)) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    /** A process running {@code commands} with this JVM's class path; output goes to {@code log}. */
    static Process start(List<List<String>> commands, java.nio.file.Path log) throws java.io.IOException {
        var line = new ArrayList<>(Arrays.asList(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                WriterScript.class.getName()));
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                line.add(SEPARATOR);
            }
            line.addAll(commands.get(i));
        }
        return new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
