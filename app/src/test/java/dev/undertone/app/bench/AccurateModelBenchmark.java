package dev.undertone.app.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.undertone.app.model.Models;
import dev.undertone.app.model.comprehend.ComprehendConfig;
import dev.undertone.core.sentiment.SentimentModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Speed, load time and memory of a model ({@code accurate} by default):
 *
 * <pre>
 *   app/bench.sh AccurateModelBenchmark TEXTS_FILE [MODEL] [PASSES] [RATE] [SECONDS]
 *   app/bench.sh AccurateModelBenchmark ../shared/data/tweeteval-sentiment/val_text.txt
 * </pre>
 *
 * <ol>
 *   <li>load: wall time of the first {@code load} (ONNX session, tokenizer, head, fast model);
 *   <li>memory: heap used after a full GC with the model loaded, and the process's resident set
 *       (ONNX Runtime's memory is native, outside the heap);
 *   <li>throughput: {@code PASSES} passes over the texts in batches of 1,024 (as {@code evaluate}
 *       and the pipeline's batches), posts per second of wall time and per second of process CPU
 *       time (the second is what a machine shared with other work still says about the model);
 *   <li>latency: posts arrive at {@code RATE} per second for {@code SECONDS}; a batcher takes what
 *       has arrived, waiting at most 50 ms for the first post (as the pipeline's processor does),
 *       and the added latency of each post is from its arrival to its result. Prints p50, p99, max.
 * </ol>
 */
public final class AccurateModelBenchmark {

    private static final int BATCH = 1024;
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private AccurateModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println(
                    "usage: AccurateModelBenchmark TEXTS_FILE [MODEL] [PASSES] [RATE] [SECONDS]");
            System.exit(2);
        }
        List<String> texts = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        String name = args.length > 1 ? args[1] : "accurate";
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 200;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;

        long t0 = System.nanoTime();
        SentimentModel model = Models.load(name, ComprehendConfig.defaults());
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        model.classify(texts.subList(0, Math.min(BATCH, texts.size())));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        print(
                "model %s: load %.2f s, heap after GC %.0f MiB, resident %.0f MiB, %d cores",
                model.id(),
                loadSeconds,
                heap / 1048576.0,
                residentMib(),
                Runtime.getRuntime().availableProcessors());

        throughput(model, texts, passes);
        latency(model, texts, rate, seconds);
        System.exit(0);
    }

    private static void throughput(SentimentModel model, List<String> texts, int passes) {
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        long n = 0;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < texts.size(); i += BATCH) {
                List<String> batch = texts.subList(i, Math.min(texts.size(), i + BATCH));
                model.classify(batch);
                n += batch.size();
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        print(
                "throughput: %d posts in %.1f s wall, %.1f s CPU: %.0f posts/s, %.0f posts per"
                        + " CPU-second",
                n, wall, cpu, n / wall, n / cpu);
    }

    private record Arrival(String text, long nanos) {}

    private static void latency(SentimentModel model, List<String> texts, double rate, int seconds)
            throws InterruptedException {
        LinkedBlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
        int total = (int) (rate * seconds);
        long interval = (long) (1e9 / rate);
        Thread producer =
                new Thread(
                        () -> {
                            long start = System.nanoTime();
                            for (int i = 0; i < total; i++) {
                                long due = start + i * interval;
                                for (long w = due - System.nanoTime();
                                        w > 0;
                                        w = due - System.nanoTime()) {
                                    LockSupport.parkNanos(w);
                                }
                                queue.add(new Arrival(texts.get(i % texts.size()), due));
                            }
                        },
                        "bench-producer");
        producer.start();
        long[] latencies = new long[total];
        int done = 0;
        List<Arrival> batch = new ArrayList<>();
        while (done < total) {
            Arrival first = queue.poll(MAX_WAIT_NANOS, TimeUnit.NANOSECONDS);
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH * 2 - 1);
            model.classify(batch.stream().map(Arrival::text).toList());
            long now = System.nanoTime();
            for (Arrival a : batch) {
                latencies[done++] = now - a.nanos();
            }
            batch.clear();
        }
        producer.join();
        Arrays.sort(latencies);
        print(
                "latency at %.0f posts/s for %d s (%d posts): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                rate,
                seconds,
                total,
                ms(latencies, 0.50),
                ms(latencies, 0.99),
                latencies[total - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
