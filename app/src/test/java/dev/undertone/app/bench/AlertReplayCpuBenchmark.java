package dev.undertone.app.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.undertone.app.alert.Alerting;
import dev.undertone.app.alert.WebhookSender;
import dev.undertone.app.pipeline.Pipeline;
import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.source.file.FileSource;
import dev.undertone.app.source.file.FileSourceConfig;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.core.alert.AlertRules;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.core.track.LanguageFilter;
import dev.undertone.core.track.TrackRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU that alert detection adds to a replay: replays a Jetstream file into a fresh data
 * directory the way {@code ./undertone replay} does (same pipeline and configuration, the default
 * model, the same track rules in both modes), either without alerting ({@code off}: nothing listens
 * to the index) or with the alert monitor fed by the index as {@code replay} runs it ({@code on}),
 * and prints the process's CPU time (user + sys, every thread, GC and JIT included) and, for {@code
 * on}, the monitor thread's own CPU.
 *
 * <p>{@code replay} itself always alerts (without {@code --track}, on all posts as one track), so
 * it cannot give the baseline: this class can. Tracks filter posts, so both modes take the same
 * tracks and index the same posts. Run each mode in its own JVM, back to back, on the same input:
 *
 * <pre>
 * app/bench.sh RealJetstream /tmp/r1m.jsonl 1000000 &amp;&amp; head -200000 /tmp/r1m.jsonl &gt; /tmp/r200k.jsonl
 * BENCH_JAVA_OPTS=-Xmx512m app/bench.sh AlertReplayCpuBenchmark /tmp/r200k.jsonl /tmp/a-off off
 * BENCH_JAVA_OPTS=-Xmx512m app/bench.sh AlertReplayCpuBenchmark /tmp/r200k.jsonl /tmp/a-on on
 * </pre>
 *
 * <p>and the same pair with a fourth argument, e.g. {@code the,to,and,you,is,of,for,my}: eight
 * tracks that between them match most posts, the monitor's worst case.
 *
 * <p>Usage: {@code AlertReplayCpuBenchmark FILE DATA_DIR off|on [TRACKS]}; DATA_DIR must not exist.
 * Target (issue 12): {@code on} costs at most 5% more CPU than {@code off}.
 */
public final class AlertReplayCpuBenchmark {
    private AlertReplayCpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !List.of("off", "on").contains(args[2])) {
            System.err.println("usage: AlertReplayCpuBenchmark FILE DATA_DIR off|on [TRACKS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path data = Path.of(args[1]);
        boolean on = args[2].equals("on");
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: give a fresh data directory");
        }
        TrackRules rules = TrackRules.parseStrict(args.length > 3 ? args[3] : null);
        Clock clock = Clock.systemUTC();
        Stages stages =
                Stages.of(
                        rules,
                        LanguageFilter.parse(null),
                        SentimentModels.load(SentimentModels.DEFAULT),
                        clock);
        // As replay configures it: the file is the durable copy.
        PipelineConfig config = PipelineConfig.DEFAULTS.withJournalRetention(Duration.ZERO);
        long wallStart = System.nanoTime();
        long monitorCpu = 0;
        int alerts = 0;
        Pipeline pipeline = Pipeline.open(data, config, clock);
        Alerting alerting = null;
        if (on) {
            alerting =
                    Alerting.start(
                            data,
                            new LucenePostStore(pipeline.index().searcherManager()),
                            rules.phrases(),
                            AlertRules.DEFAULTS,
                            List.of(),
                            WebhookSender.Options.DEFAULTS,
                            new SimpleMeterRegistry(),
                            clock,
                            false);
        }
        pipeline.startProcessing(stages, on ? alerting.indexListener() : IndexListener.NONE);
        pipeline.readToEnd(new FileSource(FileSourceConfig.of(file, Formats.AUTO)), true);
        pipeline.awaitApplied();
        pipeline.drain();
        if (on) {
            alerting.finish(Duration.ofSeconds(1));
            monitorCpu = alerting.monitor().cpuNanos();
            alerts = alerting.store().all().size();
        }
        pipeline.close();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double cpu = os.getProcessCpuTime() / 1e9;
        Map<String, Double> threads = threadCpuSeconds();
        System.out.printf(
                "{\"mode\":\"%s\",\"tracks\":%d,\"read\":%d,\"indexed\":%d,\"alerts\":%d,"
                        + "\"process_cpu_s\":%.1f,\"gc_cpu_s\":%.1f,\"jit_cpu_s\":%.1f,"
                        + "\"monitor_cpu_s\":%.2f,\"wall_s\":%.1f}%n",
                args[2],
                rules.phrases().size(),
                pipeline.stats().read.sum(),
                pipeline.stats().indexed.sum(),
                alerts,
                cpu,
                threads.getOrDefault("gc", 0.0),
                threads.getOrDefault("jit", 0.0),
                monitorCpu / 1e9,
                wall);
    }

    /**
     * CPU seconds (user + sys) of the live threads by kind, from {@code /proc/self/task} (Linux;
     * empty elsewhere): {@code gc} (G1's worker, concurrent and refinement threads), {@code jit}
     * (the compilers), {@code other}. The garbage collector's share is where a listener that keeps
     * posts alive shows.
     */
    private static Map<String, Double> threadCpuSeconds() {
        Map<String, Double> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> ts = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) ts::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state is field 3 of stat(5), utime 14 and stime 15
                double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS;
                String kind =
                        name.startsWith("GC Thread") || name.startsWith("G1 ")
                                ? "gc"
                                : name.startsWith("C1 ") || name.startsWith("C2 ")
                                        ? "jit"
                                        : "other";
                out.merge(kind, seconds, Double::sum);
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** Linux's USER_HZ, 100 on every mainstream kernel configuration. */
    private static final double CLOCK_TICKS = 100.0;
}
