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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Measures a sentiment model on one thread, after a warm-up: texts per second scored by the model
 * in batches of 1,024, and through the {@code classify} command end to end (read lines, normalise,
 * score, write JSON lines; JVM start-up excluded). Each is measured in {@value #ROUNDS} rounds;
 * rates per CPU second count only this thread's work, and the best and median rounds are reported,
 * so the figures mean something on a shared machine. Not a test: run it by hand, pinned to one core
 * with {@code taskset -c 0}.
 *
 * <p>{@code taskset -c 0 app/bench.sh SentimentBenchmark [TEXTS_FILE] [MODEL] [SECONDS]}; the texts
 * default to TweetEval's validation tweets.
 */
public final class SentimentBenchmark {

    private static final int BATCH = 1024;
    private static final int ROUNDS = 5;
    private static final int COMMAND_LINES = 50_000;
    private static final String DEFAULT_TEXTS = "../shared/data/tweeteval-sentiment/val_text.txt";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
        byte[] lines = commandInput(texts);
        double round = seconds / ROUNDS;
        model(model, batches, round);
        command(lines, modelName, round);
        double[] modelRates = new double[ROUNDS];
        double[] commandRates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            modelRates[r] = model(model, batches, round);
            commandRates[r] = command(lines, modelName, round);
        }
        Arrays.sort(modelRates);
        Arrays.sort(commandRates);
        double avgChars = texts.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "{\"model\":\"%s\",\"avg_chars\":%.1f,\"rounds\":%d,"
                        + "\"model_posts_per_cpu_second\":{\"best\":%.0f,\"median\":%.0f},"
                        + "\"classify_command_posts_per_cpu_second\":{\"best\":%.0f,\"median\":%.0f},"
                        + "\"load_seconds\":%.3f,\"java\":\"%s\"}%n",
                model.id(),
                avgChars,
                ROUNDS,
                modelRates[ROUNDS - 1],
                modelRates[ROUNDS / 2],
                commandRates[ROUNDS - 1],
                commandRates[ROUNDS / 2],
                loadSeconds,
                System.getProperty("java.version"));
    }

    /** Classifies batches round-robin for about {@code seconds} of CPU; texts per CPU second. */
    private static double model(SentimentModel model, List<List<String>> batches, double seconds) {
        long budget = (long) (seconds * 1e9);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        long results = 0;
        int next = 0;
        while (THREADS.getCurrentThreadCpuTime() - cpuStart < budget) {
            List<String> batch = batches.get(next);
            next = (next + 1) % batches.size();
            results += model.classify(batch).size();
            n += batch.size();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        if (results != n) {
            throw new IllegalStateException("the model returned " + results + " results for " + n);
        }
        return n / (cpu / 1e9);
    }

    /**
     * Runs {@code classify} over the input for about {@code seconds} of CPU; lines per CPU second.
     */
    private static double command(byte[] input, String model, double seconds) {
        long budget = (long) (seconds * 1e9);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        while (THREADS.getCurrentThreadCpuTime() - cpuStart < budget) {
            ClassifyCommand command =
                    new ClassifyCommand(
                            new ByteArrayInputStream(input), OutputStream.nullOutputStream());
            int status = new CommandLine(command).execute("--model", model);
            if (status != 0) {
                throw new IllegalStateException("classify exited with status " + status);
            }
            n += COMMAND_LINES;
        }
        return n / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    /** The texts repeated to {@value #COMMAND_LINES} lines of UTF-8, as stdin would carry them. */
    private static byte[] commandInput(List<String> texts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < COMMAND_LINES; i++) {
            sb.append(texts.get(i % texts.size())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
