package cn.xiaoan.api;

import cn.xiaoan.api.cli.Components;

/** Entry point of the {@code xiaoan} command: builds the composition root and hands over to picocli. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        var components = Components.fromEnvironment(System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(components::close, "xiaoan-shutdown"));
        int exitCode = XiaoanCommand.commandLine(components).execute(args);
        if (exitCode != 0 || !components.keepsRunning()) {
            System.exit(exitCode);
        }
    }
}
