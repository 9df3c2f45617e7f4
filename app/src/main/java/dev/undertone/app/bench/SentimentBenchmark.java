package dev.undertone.app.bench;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a sentiment model on one thread: the heap its loading retains, and how many texts per
 * second {@code classify} scores in batches, after a warm-up. Not a test: run it by hand.
 *
 * <p>{@code java -cp app/target/undertone.jar dev.undertone.app.bench.SentimentBenchmark
 * [TEXTS_FILE] [MODEL] [SECONDS]}; the texts default to TweetEval's validation tweets.
 */
public final class SentimentBenchmark {

    private static final int BATCH = 1024;
    private static final String DEFAULT_TEXTS = "../shared/data/tweeteval-sentiment/val_text.txt";

    private SentimentBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path textsFile = Path.of(args.length > 0 ? args[0] : DEFAULT_TEXTS);
        String modelName = args.length > 1 ? args[1] : SentimentModels.DEFAULT;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        List<String> texts = Files.readAllLines(textsFile, StandardCharsets.UTF_8);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        long loadStart = System.nanoTime();
        SentimentModel model = SentimentModels.load(modelName);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long retained = usedHeapAfterGc(memory) - before;

        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += BATCH) {
            batches.add(texts.subList(i, Math.min(texts.size(), i + BATCH)));
        }
        run(model, batches, seconds / 2);
        long[] scored = run(model, batches, seconds);
        double rate = scored[0] / (scored[1] / 1e9);
        double cpuRate = scored[0] / (scored[2] / 1e9);
        double avgChars = texts.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "{\"model\":\"%s\",\"texts\":%d,\"avg_chars\":%.1f,\"posts_per_second\":%.0f,"
                        + "\"posts_per_cpu_second\":%.0f,"
                        + "\"micros_per_post\":%.2f,\"load_seconds\":%.3f,\"heap_retained_mb\":%.1f,"
                        + "\"java\":\"%s\"}%n",
                model.id(),
                scored[0],
                avgChars,
                rate,
                cpuRate,
                1e6 / cpuRate,
                loadSeconds,
                retained / 1048576.0,
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

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
