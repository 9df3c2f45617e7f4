package dev.undertone.app.bench;

import dev.undertone.app.pipeline.Pipeline;
import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.source.jetstream.JetstreamSource;
import dev.undertone.app.source.jetstream.JetstreamSourceConfig;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.testing.ConstantScorer;
import dev.undertone.app.testing.JetstreamTestServer;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.stage.BatchScorer;
import dev.undertone.core.track.PostTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end lag at a steady rate: a local Jetstream server sends post events at {@code rate} per
 * second for {@code seconds}; each is timed from the moment the server writes it to the moment the
 * pipeline (source, journal with fsync, decode, track, score, Lucene commit) reports it searchable
 * through its {@link IndexListener}. The scorer is a constant stand-in, so the figure is the
 * pipeline's own lag, not a model's.
 *
 * <p>Usage: {@code JetstreamLagBenchmark [rate] [seconds]} (default 1000 posts/s for 30 s).
 */
public final class JetstreamLagBenchmark {

    private static final BatchScorer CONSTANT = ConstantScorer.neutral(Instant.EPOCH);

    private static final int WARM_UP_SECONDS = 10;
    private static final int WINDOW_SECONDS = 5;

    private JetstreamLagBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int n = rate * seconds;
        SyntheticJetstream gen = new SyntheticJetstream();
        long[] sent = new long[n];
        long[] lag = new long[n];
        Arrays.fill(lag, -1);
        AtomicInteger done = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        IndexListener listener =
                new IndexListener() {
                    @Override
                    public void indexed(List<ScoredPost> posts) {
                        long now = System.nanoTime();
                        for (ScoredPost p : posts) {
                            int i = SyntheticJetstream.indexOf(p.post().key());
                            if (i >= 0 && i < n && lag[i] < 0) {
                                lag[i] = now - sent[i];
                                if (done.incrementAndGet() == n) {
                                    all.countDown();
                                }
                            }
                        }
                    }

                    @Override
                    public void deleted(List<String> keys) {}
                };
        Path data = Files.createTempDirectory("undertone-lag-bench");
        try (JetstreamTestServer server =
                        JetstreamTestServer.start(
                                c -> {
                                    c.accept();
                                    long start = System.nanoTime();
                                    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                                    for (int i = 0; i < n; i++) {
                                        long due = start + i * interval;
                                        long wait = due - System.nanoTime();
                                        if (wait > 0) {
                                            LockSupport.parkNanos(wait);
                                        }
                                        long nowUs =
                                                TimeUnit.MILLISECONDS.toMicros(
                                                        System.currentTimeMillis());
                                        byte[] e = gen.event(i, nowUs);
                                        sent[i] = System.nanoTime();
                                        c.text(e);
                                    }
                                    c.stall();
                                });
                Pipeline p = Pipeline.open(data, PipelineConfig.DEFAULTS, Clock.systemUTC())) {
            p.startProcessing(
                    new Stages(Decoders.forRecords(), PostTracker.KEEP_ALL, CONSTANT), listener);
            p.startSource(
                    new JetstreamSource(
                            "bluesky",
                            JetstreamSourceConfig.of(List.of(server.url())),
                            SourceMetrics.of("bluesky", new SimpleMeterRegistry()),
                            Clock.systemUTC(),
                            "undertone/bench"));
            boolean complete = all.await(seconds + 60L, TimeUnit.SECONDS);
            p.stopSources();
            long[] measured = Arrays.stream(lag).filter(l -> l >= 0).sorted().toArray();
            // The first 10 s include the JVM's warm-up (JIT); steady state is what a long run sees.
            int warm = Math.min(n, rate * WARM_UP_SECONDS);
            long[] steady = Arrays.stream(lag, warm, n).filter(l -> l >= 0).sorted().toArray();
            StringBuilder perWindow = new StringBuilder();
            for (int w = 0; w < seconds; w += WINDOW_SECONDS) {
                long max =
                        Arrays.stream(lag, w * rate, Math.min(n, (w + WINDOW_SECONDS) * rate))
                                .max()
                                .orElse(-1);
                perWindow.append(perWindow.length() == 0 ? "" : ",").append(max / 1_000_000);
            }
            System.out.printf(
                    Locale.ROOT,
                    "{\"rate\":%d,\"seconds\":%d,\"sent\":%d,\"searchable\":%d,\"complete\":%b,"
                            + "\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,"
                            + "\"steady_p99_ms\":%.1f,\"max_ms_per_%ds\":[%s],\"load_average\":%.1f}%n",
                    rate,
                    seconds,
                    n,
                    measured.length,
                    complete,
                    pct(measured, 0.50),
                    pct(measured, 0.99),
                    measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6,
                    pct(steady, 0.99),
                    WINDOW_SECONDS,
                    perWindow,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            deleteTree(data);
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path x : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
