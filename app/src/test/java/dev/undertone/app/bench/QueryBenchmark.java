package dev.undertone.app.bench;

import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.web.ApiServer;
import dev.undertone.app.web.ApiServerConfig;
import dev.undertone.app.web.LiveFeed;
import dev.undertone.app.web.MonitorView;
import dev.undertone.core.alert.AlertRules;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the dashboard's queries over HTTP against an existing index (e.g. one written by
 * {@link GenerateIndex}): p50, p95 and max per endpoint, one JSON line each, after a warm-up.
 *
 * <p>Usage: {@code app/bench.sh QueryBenchmark DATA_DIR [ITERATIONS [QUERIES]]}, QUERIES a
 * comma-separated list of the names printed (e.g. {@code tracks,tracks_24h}) to measure only those.
 * Targets (issue 4): p95 at most 50 ms at 1M posts, 250 ms at 10M; {@code /api/tracks} (issue 12):
 * p95 at most 50 ms at 1M posts with 8 tracks (a dashboard polling an index that has not changed:
 * see {@code TrackOverviewBenchmark} for the first request after a change).
 */
public final class QueryBenchmark {
    private static final int DEFAULT_ITERATIONS = 200;
    private static final Pattern TERM = Pattern.compile("\\{\"term\":\"([^\"]+)\"");
    private static final int WARMUP = 30;
    private static final double P95 = 0.95;
    private static final double NANOS_PER_MILLI = 1e6;

    private QueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: QueryBenchmark DATA_DIR [ITERATIONS [QUERIES]]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ITERATIONS;
        Set<String> only = args.length > 2 ? Set.of(args[2].split(",")) : null;
        String dayAgo =
                Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("summary", "/api/summary");
        queries.put("summary_filtered", "/api/summary?track=climate&lang=en&from=" + enc(dayAgo));
        queries.put("timeline_24h_1m", "/api/timeline?interval=1m&from=" + enc(dayAgo));
        queries.put("timeline_all_auto", "/api/timeline");
        queries.put("terms_hashtags", "/api/terms?field=hashtags&limit=10");
        queries.put("terms_words_24h", "/api/terms?field=words&limit=10&from=" + enc(dayAgo));
        queries.put("terms_words_all", "/api/terms?field=words&limit=10");
        queries.put("posts_newest", "/api/posts?limit=50");
        queries.put("tracks", "/api/tracks");
        queries.put("tracks_24h", "/api/tracks?from=" + enc(dayAgo));

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (LucenePostStore store = LucenePostStore.openReadOnly(DataDir.indexPath(data));
                LiveFeed feed = new LiveFeed(registry);
                ApiServer server =
                        new ApiServer(
                                        store,
                                        registry,
                                        feed,
                                        Map::of,
                                        new ApiServerConfig("127.0.0.1", 0, null, false))
                                .withMonitoring(
                                        new MonitorView(
                                                store::trackNames,
                                                AlertStore.openReadOnly(AlertStore.dirIn(data)),
                                                AlertRules.DEFAULTS.window()))) {
            String base = "http://127.0.0.1:" + server.start();
            HttpClient http = HttpClient.newHttpClient();
            // Search for a frequent and a rarer word of this index.
            String frequent = word(http, base, 1);
            String rarer = word(http, base, 100);
            queries.put("posts_q_frequent", "/api/posts?limit=50&q=" + enc(frequent));
            queries.put("posts_q_rarer", "/api/posts?limit=50&q=" + enc(rarer));
            queries.put(
                    "posts_q_two_words", "/api/posts?limit=50&q=" + enc(frequent + " " + rarer));
            for (Map.Entry<String, String> q : queries.entrySet()) {
                if (only != null && !only.contains(q.getKey())) {
                    continue;
                }
                System.out.println(measure(http, q.getKey(), base + q.getValue(), iterations));
            }
        }
    }

    private static String measure(HttpClient http, String name, String url, int iterations)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        int bytes = 0;
        for (int i = 0; i < WARMUP; i++) {
            bytes = send(http, req, url);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            send(http, req, url);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return String.format(
                "{\"query\":\"%s\",\"p50_ms\":%.1f,\"p95_ms\":%.1f,\"max_ms\":%.1f,\"n\":%d,\"bytes\":%d}",
                name,
                nanos[iterations / 2] / NANOS_PER_MILLI,
                nanos[(int) Math.ceil(iterations * P95) - 1] / NANOS_PER_MILLI,
                nanos[iterations - 1] / NANOS_PER_MILLI,
                iterations,
                bytes);
    }

    private static int send(HttpClient http, HttpRequest req, String url)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(
                    url
                            + " answered "
                            + r.statusCode()
                            + ": "
                            + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    /** The word at this rank among the indexed content words. */
    private static String word(HttpClient http, String base, int rank)
            throws IOException, InterruptedException {
        String body =
                http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        base
                                                                + "/api/terms?field=words&limit="
                                                                + rank))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher m = TERM.matcher(body.substring(0, body.indexOf("\"by_sentiment\"")));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IOException("the index has no content words to search for");
        }
        return last;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
