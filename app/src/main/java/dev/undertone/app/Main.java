package dev.undertone.app;

import dev.undertone.app.cli.UndertoneCommand;

/** Hands the command line to picocli and exits with the command's status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(UndertoneCommand.commandLine().execute(args));
    }
}
