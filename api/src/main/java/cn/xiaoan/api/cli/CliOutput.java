package cn.xiaoan.api.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a command may print besides its data: a summary on stdout and a progress bar on stderr, both left out under
 * {@code --quiet}; a bar also only when a person watches (stdout and stderr on a terminal).
 */
final class CliOutput {
    /** Set to {@code off} by bin/xiaoan when stderr is not a terminal (Java sees only stdin and stdout). */
    static final String PROGRESS_VARIABLE = "XIAOAN_PROGRESS";

    private CliOutput() {}

    /** Whether {@code --quiet} was given to this command (it is inherited from the top-level command). */
    static boolean quiet(CommandSpec spec) {
        // read through picocli's model: the option belongs to the root command, which this package does not know
        OptionSpec quiet = spec.root().findOption("--quiet");
        return quiet != null && Boolean.TRUE.equals(quiet.getValue());
    }

    /** Where a command prints its closing summary: its stdout, or nowhere under {@code --quiet}. */
    static PrintWriter summary(CommandSpec spec) {
        return quiet(spec)
                ? new PrintWriter(Writer.nullWriter())
                : spec.commandLine().getOut();
    }

    /** Whether a progress bar may be drawn: a person at a terminal, and no {@code --quiet}. */
    static boolean drawsProgress(CommandSpec spec) {
        return !quiet(spec) && interactive();
    }

    /** Whether a person watches: stdout and stderr on a terminal. */
    static boolean interactive() {
        return System.console() != null && !"off".equals(System.getenv(PROGRESS_VARIABLE));
    }
}
