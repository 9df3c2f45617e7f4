package dev.undertone.app.cli;

import dev.undertone.app.pipeline.PipelineException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failure while running a command: one message saying what failed and what to do, exit status 1.
 * A {@link UsageException} (a bad value found only at run time) exits 2 like a parse error.
 */
final class RuntimeErrorHandler implements IExecutionExceptionHandler {
    static final int RUNTIME_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof UsageException) {
            cmd.getErr().println("error: " + ex.getMessage());
            return ArgumentErrorHandler.BAD_ARGUMENTS;
        }
        StringBuilder msg = new StringBuilder("error: ").append(ex.getMessage());
        // A PipelineException's message is complete: it names the cause and what to do.
        Throwable first = ex instanceof PipelineException ? null : ex.getCause();
        for (Throwable c = first; c != null && c != c.getCause(); c = c.getCause()) {
            // Messages built with their cause already say it; don't repeat it.
            if (c.getMessage() != null && msg.indexOf(c.getMessage()) < 0) {
                msg.append(": ").append(c.getMessage());
            }
        }
        cmd.getErr().println(msg);
        if (System.getenv("UNDERTONE_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return RUNTIME_FAILURE;
    }
}
