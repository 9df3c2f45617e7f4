package dev.undertone.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.undertone.app.alert.AlertMonitor;
import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.alert.WebhookSender;
import dev.undertone.app.alert.WebhookUrl;
import dev.undertone.app.store.lucene.LuceneIndex;
import dev.undertone.app.store.lucene.LuceneIndexConfig;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.core.alert.AlertRules;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.stage.PostWrite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Live alert latency: from the end of a window (wall clock) to the webhook POST arriving at a
 * loopback receiver. Posts are created "now" for {@code TRACKS} tracks at a steady rate and written
 * to a real Lucene index as the pipeline does (apply, refresh, tell the listeners); in each window
 * one track bursts to ten times its rate, so every window raises an alert.
 *
 * <p>Usage: {@code app/bench.sh AlertLatencyBenchmark [SECONDS] [TRACKS] [WINDOW_SECONDS]};
 * defaults 120 s, 12 tracks, 5-second windows (the window width does not change the path from a
 * window's end to the POST: grace, judging, delivery). Target (issue 12): p99 <= 2 s.
 */
public final class AlertLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICK_MILLIS = 50;
    private static final int STEADY_PER_SECOND = 20;

    private AlertLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int trackCount = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Duration window = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 5);
        Path dir = Files.createTempDirectory("undertone-alert-latency");
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < trackCount; i++) {
            tracks.add("track" + i);
        }
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext(
                "/",
                ex -> {
                    long arrived = System.currentTimeMillis();
                    var body = JSON.readTree(ex.getRequestBody().readAllBytes());
                    long end = Instant.parse(body.get("window_end").asText()).toEpochMilli();
                    latencies.add(arrived - end);
                    ex.sendResponseHeaders(204, -1);
                    ex.close();
                });
        receiver.start();
        Clock clock = Clock.systemUTC();
        AlertRules rules = AlertRules.DEFAULTS.withWindow(window).withMinCount(10);
        try (LuceneIndex index =
                        LuceneIndex.open(dir.resolve("index"), LuceneIndexConfig.DEFAULTS, clock);
                AlertStore alerts = AlertStore.open(dir.resolve("alerts"))) {
            LucenePostStore store = new LucenePostStore(index.searcherManager());
            AlertMonitor monitor = new AlertMonitor(tracks, store, alerts, rules, clock, true);
            WebhookSender hook =
                    new WebhookSender(
                            WebhookUrl.parse(
                                    "http://127.0.0.1:"
                                            + receiver.getAddress().getPort()
                                            + "/hook"),
                            new SimpleMeterRegistry(),
                            WebhookSender.Options.DEFAULTS);
            monitor.addListener(hook);
            monitor.start();
            long offset = 0;
            long id = 0;
            long stop = System.currentTimeMillis() + seconds * 1000L;
            double[] owed = new double[trackCount];
            while (System.currentTimeMillis() < stop) {
                Instant now = clock.instant();
                long w = now.toEpochMilli() / window.toMillis();
                int bursting = (int) (w % trackCount);
                List<PostWrite> writes = new ArrayList<>();
                for (int t = 0; t < trackCount; t++) {
                    // A track bursts only after its baseline has six windows.
                    boolean burst =
                            t == bursting && w % trackCount != 0 && now.isAfter(startPlus(rules));
                    owed[t] += STEADY_PER_SECOND * (burst ? 10 : 1) * TICK_MILLIS / 1000.0;
                    for (; owed[t] >= 1; owed[t]--) {
                        writes.add(new PostWrite.Upsert(post(id++, tracks.get(t), now)));
                    }
                }
                index.apply(writes, ++offset);
                LuceneIndex.Refreshed r = index.refresh();
                monitor.marked(r.marks());
                Thread.sleep(TICK_MILLIS);
            }
            Thread.sleep(window.toMillis() + 3000);
            monitor.close();
            hook.close(Duration.ofSeconds(5));
        } finally {
            receiver.stop(0);
        }
        long[] ms = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(ms);
        if (ms.length == 0) {
            System.out.println("{\"alerts\":0}");
            return;
        }
        System.out.printf(
                "{\"alerts\":%d,\"window_s\":%d,\"p50_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d}%n",
                ms.length,
                window.toSeconds(),
                ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.99) - 1],
                ms[ms.length - 1]);
    }

    private static final Instant STARTED = Instant.now();

    private static Instant startPlus(AlertRules rules) {
        return STARTED.plus(rules.window().multipliedBy(rules.minBaselineWindows() + 1L));
    }

    private static ScoredPost post(long id, String track, Instant at) {
        Post p =
                TestPosts.post(
                                PostSource.BLUESKY,
                                "p" + id,
                                at,
                                "a post about " + track + " number " + id)
                        .author("user" + (id % 500), "did:plc:user" + (id % 500))
                        .langs(List.of("en"))
                        .tracks(List.of(track))
                        .build();
        return new ScoredPost(
                p,
                SentimentResult.scored(Sentiment.NEUTRAL, new SentimentScores(0.1, 0.1, 0.7, 0.1)),
                "bench",
                at);
    }
}
