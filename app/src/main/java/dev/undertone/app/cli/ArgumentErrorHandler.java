package dev.undertone.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad arguments: one line on stderr naming the argument, then exit status 2. */
final class ArgumentErrorHandler implements IParameterExceptionHandler {
    static final int BAD_ARGUMENTS = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("error: " + ex.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return BAD_ARGUMENTS;
    }
}
