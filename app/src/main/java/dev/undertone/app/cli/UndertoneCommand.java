package dev.undertone.app.cli;

import dev.undertone.app.model.Models;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code undertone} command. Every sub-command is registered here, in one list. */
@Command(
        name = "undertone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Streaming sentiment for the posts you track: ingest, classify, index, serve.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            ReplayCommand.class,
            StatsCommand.class,
            ServeCommand.class,
            ExportCommand.class,
            ClassifyCommand.class,
            EvaluateCommand.class,
            TrainCommand.class,
            IngestCommand.class,
            ExportDashboardsCommand.class,
            RescoreCommand.class,
            AlertsCommand.class
        })
public final class UndertoneCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The configured command line: exit codes as CONTRACT.md says (2 for bad arguments). */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * The configured command line, with sub-commands made by {@code factory} (tests give commands
     * their own streams this way).
     */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        Models.registerBuiltIns();
        CommandLine cl = new CommandLine(new UndertoneCommand(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new ArgumentErrorHandler());
        cl.setExecutionExceptionHandler(new RuntimeErrorHandler());
        return cl;
    }
}
