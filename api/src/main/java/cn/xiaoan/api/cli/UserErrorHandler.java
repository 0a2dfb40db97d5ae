package cn.xiaoan.api.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's message without a stack trace: the messages are written for the user and say what to do.
 * Set {@code XIAOAN_DEBUG=1} for the trace.
 */
public final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = exception.getMessage() != null
                ? exception.getMessage()
                : exception.getClass().getSimpleName();
        // the full command path (xiaoan batches withdraw), so the message says which subcommand refused
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
        if (System.getenv("XIAOAN_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return 2;
    }
}
