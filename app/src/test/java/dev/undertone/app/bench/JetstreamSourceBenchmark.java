package dev.undertone.app.bench;

import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.source.jetstream.JetstreamSource;
import dev.undertone.app.source.jetstream.JetstreamSourceConfig;
import dev.undertone.app.testing.JetstreamTestServer;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast the Jetstream source takes events from a local server that pushes post events (what the
 * {@code app.bsky.feed.post} filter lets through) as fast as it can: once frames to raw records
 * only, once also decoding each record into a post with the core decoder.
 *
 * <p>Usage: {@code JetstreamSourceBenchmark [events]} (default 300000); prints one JSON line per
 * mode.
 */
public final class JetstreamSourceBenchmark {

    private static final int FLUSH_EVERY = 256;

    private JetstreamSourceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        SyntheticJetstream gen = new SyntheticJetstream();
        long t0 = 1_773_500_400_000_000L;
        List<byte[]> events = new ArrayList<>(n);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] e = gen.event(i, t0 + i);
            events.add(e);
            bytes += e.length;
        }
        for (boolean decode : new boolean[] {false, true}) {
            run(events, bytes, decode);
        }
    }

    /** CPU time of the whole process (server and client threads): load on the host aside. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void run(List<byte[]> events, long bytes, boolean decode) throws Exception {
        try (JetstreamTestServer server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (int i = 0; i < events.size(); i++) {
                                c.textBuffered(events.get(i));
                                if (i % FLUSH_EVERY == 0) {
                                    c.flush();
                                }
                            }
                            c.flush();
                            c.stall();
                        })) {
            JetstreamSourceConfig cfg =
                    JetstreamSourceConfig.of(List.of(server.url()))
                            .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(10));
            RecordDecoder decoder = Decoders.forFormat(Formats.JETSTREAM);
            long posts = 0;
            long received = 0;
            long start = 0;
            long cpuStart = 0;
            try (JetstreamSource source =
                    new JetstreamSource(
                            "bluesky",
                            cfg,
                            SourceMetrics.of("bluesky", new SimpleMeterRegistry()),
                            Clock.systemUTC(),
                            "undertone/bench")) {
                source.connect(null);
                while (received < events.size()) {
                    SourceBatch b = source.read(Duration.ofSeconds(5));
                    if (start == 0 && !b.records().isEmpty()) {
                        start = System.nanoTime();
                        cpuStart = processCpuNanos();
                    }
                    received += b.records().size();
                    if (decode) {
                        for (RawRecord r : b.records()) {
                            if (decoder.decode(r) instanceof Decoded.NewPost) {
                                posts++;
                            }
                        }
                    }
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            double cpuSecs = (processCpuNanos() - cpuStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "{\"mode\":\"%s\",\"events\":%d,\"posts_decoded\":%d,\"mb\":%.1f,\"seconds\":%.3f,"
                            + "\"events_per_second\":%.0f,\"cpu_seconds\":%.3f,"
                            + "\"events_per_cpu_second\":%.0f,\"load_average\":%.1f}%n",
                    decode ? "source+decode" : "source",
                    received,
                    posts,
                    bytes / 1e6,
                    secs,
                    received / secs,
                    cpuSecs,
                    received / cpuSecs,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
