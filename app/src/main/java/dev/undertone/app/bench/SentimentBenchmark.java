package dev.undertone.app.bench;

import dev.undertone.app.cli.ClassifyCommand;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Measures a sentiment model on one thread, after a warm-up: texts per second scored by the model
 * in batches of 1,024, and through the {@code classify} command end to end (JVM start-up excluded).
 * Rates per CPU second count only this thread's work, so they hold on a shared machine. Not a test:
 * run it by hand, pinned to one core with {@code taskset -c 0}.
 *
 * <p>{@code java -cp app/target/undertone.jar dev.undertone.app.bench.SentimentBenchmark
 * [TEXTS_FILE] [MODEL] [SECONDS]}; the texts default to TweetEval's validation tweets.
 */
public final class SentimentBenchmark {

    private static final int BATCH = 1024;
    private static final int COMMAND_LINES = 100_000;
    private static final String DEFAULT_TEXTS = "../shared/data/tweeteval-sentiment/val_text.txt";

    private SentimentBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path textsFile = Path.of(args.length > 0 ? args[0] : DEFAULT_TEXTS);
        String modelName = args.length > 1 ? args[1] : SentimentModels.DEFAULT;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        List<String> texts = Files.readAllLines(textsFile, StandardCharsets.UTF_8);

        long loadStart = System.nanoTime();
        SentimentModel model = SentimentModels.load(modelName);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += BATCH) {
            batches.add(texts.subList(i, Math.min(texts.size(), i + BATCH)));
        }
        run(model, batches, seconds / 2);
        long[] scored = run(model, batches, seconds);
        double rate = scored[0] / (scored[1] / 1e9);
        double cpuRate = scored[0] / (scored[2] / 1e9);
        double avgChars = texts.stream().mapToInt(String::length).average().orElse(0);
        double commandRate = classifyCommand(texts, modelName, seconds);
        System.out.printf(
                Locale.ROOT,
                "{\"model\":\"%s\",\"texts\":%d,\"avg_chars\":%.1f,\"posts_per_second\":%.0f,"
                        + "\"posts_per_cpu_second\":%.0f,\"classify_command_posts_per_cpu_second\":%.0f,"
                        + "\"micros_per_post\":%.2f,\"load_seconds\":%.3f,"
                        + "\"java\":\"%s\"}%n",
                model.id(),
                scored[0],
                avgChars,
                rate,
                cpuRate,
                commandRate,
                1e6 / cpuRate,
                loadSeconds,
                System.getProperty("java.version"));
    }

    /**
     * Classifies batches round-robin for about {@code seconds}; returns {texts, wall nanos, CPU
     * nanos of this thread} (CPU time counts only this thread's work when the machine is shared).
     */
    private static long[] run(SentimentModel model, List<List<String>> batches, double seconds) {
        long budget = (long) (seconds * 1e9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long n = 0;
        long sink = 0;
        int next = 0;
        while (System.nanoTime() - start < budget) {
            List<String> batch = batches.get(next);
            next = (next + 1) % batches.size();
            sink += model.classify(batch).size();
            n += batch.size();
        }
        long took = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (sink != n) {
            throw new IllegalStateException("the model returned " + sink + " results for " + n);
        }
        return new long[] {n, took, cpu};
    }

    /**
     * The {@code classify} command end to end in this thread (read stdin lines, normalise, score,
     * write JSON lines), on the texts repeated to about {@value #COMMAND_LINES} lines, after one
     * warm-up pass: texts per CPU second, JVM start-up excluded.
     */
    private static double classifyCommand(List<String> texts, String model, double seconds)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        while (lines < COMMAND_LINES) {
            for (String t : texts) {
                sb.append(t).append('\n');
            }
            lines += texts.size();
        }
        byte[] input = sb.toString().getBytes(StandardCharsets.UTF_8);
        runCommand(input, model);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long budget = (long) (seconds * 1e9);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long done = 0;
        while (threads.getCurrentThreadCpuTime() - cpuStart < budget) {
            runCommand(input, model);
            done += lines;
        }
        return done / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private static void runCommand(byte[] input, String model) {
        ClassifyCommand command =
                new ClassifyCommand(
                        new ByteArrayInputStream(input), OutputStream.nullOutputStream());
        int status = new CommandLine(command).execute("--model", model);
        if (status != 0) {
            throw new IllegalStateException("classify exited with status " + status);
        }
    }
}
