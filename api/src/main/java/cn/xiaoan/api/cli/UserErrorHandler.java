package cn.xiaoan.api.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's message without a stack trace: the messages are written for the user and say what to do.
 * Set {@code XIAOAN_DEBUG=1} for the trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = exception.getMessage() != null
                ? exception.getMessage()
                : exception.getClass().getSimpleName();
        commandLine.getErr().println("xiaoan " + commandLine.getCommandName() + ": " + message);
        if (System.getenv("XIAOAN_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return 2;
    }
}
