package dev.undertone.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code undertone} command line in-process with captured streams. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(String stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine.IFactory factory =
                new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> cls) throws Exception {
                        Object made;
                        if (cls == ClassifyCommand.class) {
                            made = new ClassifyCommand(in, outStream);
                        } else if (cls == EvaluateCommand.class) {
                            made = new EvaluateCommand(outStream, errStream);
                        } else if (cls == TrainCommand.class) {
                            made = new TrainCommand(outStream, errStream);
                        } else if (cls == RescoreCommand.class) {
                            made = new RescoreCommand(outStream, errStream);
                        } else {
                            return CommandLine.defaultFactory().create(cls);
                        }
                        return cls.cast(made);
                    }
                };
        StringWriter cliErr = new StringWriter();
        CommandLine cl = UndertoneCommand.commandLine(factory);
        cl.setErr(new PrintWriter(cliErr, true));
        int code = cl.execute(args);
        return new CliRun(
                code,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8) + cliErr);
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    String lastOutLine() {
        List<String> lines = outLines();
        return lines.get(lines.size() - 1);
    }
}
