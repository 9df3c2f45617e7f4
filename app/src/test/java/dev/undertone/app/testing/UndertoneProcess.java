package dev.undertone.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application ({@code app/target/undertone.jar}) in a child JVM, as a user would,
 * so tests can kill it with SIGKILL at any moment.
 */
public final class UndertoneProcess {
    private UndertoneProcess() {}

    /** The shaded application jar built by {@code package} (integration tests run after it). */
    public static Path jar() {
        Path jar = Path.of("target", "undertone.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "integration tests need the packaged jar " + jar + "; run ./mvnw verify");
        }
        return jar;
    }

    /** Starts {@code undertone ARGS...}; stdout and stderr go to files in {@code logDir}. */
    public static Process start(Path logDir, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        Files.createDirectories(logDir);
        return new ProcessBuilder(cmd)
                .redirectOutput(logDir.resolve(name + ".out").toFile())
                .redirectError(logDir.resolve(name + ".err").toFile())
                .start();
    }

    /** A finished run: exit status, stdout and stderr. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** The last line of stdout: the summary object of CONTRACT.md. */
        public String lastLine() {
            String[] lines = stdout.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** Runs {@code undertone ARGS...} to completion (bounded by a timeout). */
    public static Result run(Path logDir, String name, String... args)
            throws IOException, InterruptedException {
        Process p = start(logDir, name, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("undertone " + String.join(" ", args) + " hung");
        }
        return new Result(
                p.exitValue(),
                Files.readString(logDir.resolve(name + ".out")),
                Files.readString(logDir.resolve(name + ".err")));
    }

    /**
     * Bytes in the data directory's journal (0 before it exists): grows as a running replay accepts
     * records, so a test can tell that a process is mid-run before it kills it.
     */
    public static long journalBytes(Path data) throws IOException {
        Path dir = data.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            long sum = 0;
            for (Path f : files.toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }
}
