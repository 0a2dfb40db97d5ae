package cn.xiaoan.api.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.xiaoan.analytics.publish.ModelRetention;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The log level a command runs with. A server (serve, demo) logs its life at INFO on stderr; a one-shot command
 * prints its own summary, so the same INFO lines (e.g. "Published model version 3") would only repeat it: they log
 * warnings and errors only, except the rare clean-up after a crash (an uncommitted batch or build removed), which the
 * person at the terminal should hear about.
 */
public final class CommandLogging {
    private static final Set<Class<?>> SERVICES = Set.of(ServeCommand.class, DemoCommand.class);
    /** Loggers whose INFO lines report recovery from an interrupted writer, never routine progress. */
    private static final Set<String> RECOVERY =
            Set.of("cn.xiaoan.ingest.Batches" /* package-private */, ModelRetention.class.getName());

    private CommandLogging() {}

    /** Sets the application's log level for the command {@code parseResult} runs. */
    public static void apply(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object command = leaf.commandSpec().userObject();
        boolean service = command != null && SERVICES.contains(command.getClass());
        // Logback's levels are process-wide by design; a process runs one command, and this is where it is chosen.
        if (LoggerFactory.getLogger("cn.xiaoan") instanceof Logger application) {
            application.setLevel(service ? Level.INFO : Level.WARN);
        }
        for (String name : RECOVERY) {
            if (LoggerFactory.getLogger(name) instanceof Logger recovery) {
                recovery.setLevel(Level.INFO);
            }
        }
    }
}
