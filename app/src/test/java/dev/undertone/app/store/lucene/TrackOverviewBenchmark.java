package dev.undertone.app.store.lucene;

import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.tracks.TrackOverview;
import dev.undertone.core.alert.AlertRules;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The tracks overview ({@code /api/tracks} without its HTTP and JSON) over an existing index (e.g.
 * one written by {@code GenerateIndex}), in process: p50 and p95 with the segments' track counts
 * kept from the request before ({@code kept}: a dashboard polling an index that has not changed, or
 * that got only a small new segment), and with them forgotten before each request ({@code counted}:
 * every segment counted again, the first request after a merge).
 *
 * <p>Usage: {@code app/bench.sh dev.undertone.app.store.lucene.TrackOverviewBenchmark DATA_DIR
 * [ITERATIONS]}. Target (issue 12): p95 at most 50 ms at 1M posts with 8 tracks.
 */
public final class TrackOverviewBenchmark {
    private static final int WARMUP = 100;

    private TrackOverviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        try (LucenePostStore store = LucenePostStore.openReadOnly(DataDir.indexPath(data))) {
            List<String> tracks = store.trackNames();
            // Compiled code for every variant before any is timed.
            for (int i = 0; i < WARMUP; i++) {
                store.forgetKeptCounts();
                TrackOverview.of(store, tracks, PostFilter.ALL, AlertRules.DEFAULTS.window());
                TrackOverview.of(
                        store,
                        tracks,
                        PostFilter.ALL.withRange(dayAgo, null),
                        AlertRules.DEFAULTS.window());
            }
            for (boolean kept : new boolean[] {true, false}) {
                for (PostFilter f :
                        List.of(PostFilter.ALL, PostFilter.ALL.withRange(dayAgo, null))) {
                    long[] nanos = new long[iterations];
                    for (int i = -WARMUP; i < iterations; i++) {
                        if (!kept) {
                            store.forgetKeptCounts();
                        }
                        long t = System.nanoTime();
                        TrackOverview.of(store, tracks, f, AlertRules.DEFAULTS.window());
                        if (i >= 0) {
                            nanos[i] = System.nanoTime() - t;
                        }
                    }
                    Arrays.sort(nanos);
                    System.out.printf(
                            "{\"tracks\":%d,\"range\":\"%s\",\"counts\":\"%s\",\"p50_ms\":%.1f,"
                                    + "\"p95_ms\":%.1f,\"max_ms\":%.1f,\"n\":%d}%n",
                            tracks.size(),
                            f.from() == null ? "all" : "24h",
                            kept ? "kept" : "counted",
                            nanos[iterations / 2] / 1e6,
                            nanos[(int) Math.ceil(iterations * 0.95) - 1] / 1e6,
                            nanos[iterations - 1] / 1e6,
                            iterations);
                }
            }
        }
    }
}
