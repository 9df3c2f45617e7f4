package dev.undertone.app.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.undertone.app.pipeline.Pipeline;
import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.testing.ConstantScorer;
import dev.undertone.app.testing.Fixtures;
import dev.undertone.app.testing.JetstreamTestServer;
import dev.undertone.app.testing.MastodonTestServer;
import dev.undertone.app.testing.RawKeys;
import dev.undertone.app.testing.XTestServer;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.stage.BatchScorer;
import dev.undertone.core.track.PostTracker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each live source, built by {@link Sources#create} as {@code run} builds it, feeding the real
 * pipeline (journal, decoders, Lucene) from a local protocol server: the index ends up with exactly
 * the posts the fixture describes, edits applied and deletes removed.
 */
class LiveSourcesPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BatchScorer NEUTRAL = ConstantScorer.neutral(Instant.EPOCH);

    @TempDir Path data;

    private final Set<String> indexed = new ConcurrentSkipListSet<>();
    private final IndexListener listener =
            new IndexListener() {
                @Override
                public void indexed(List<ScoredPost> posts) {
                    posts.forEach(p -> indexed.add(p.post().key()));
                }

                @Override
                public void deleted(List<String> keys) {
                    indexed.removeAll(keys);
                }
            };

    private void runUntilIndexed(Source source, Set<String> expected) throws Exception {
        assertThat(expected).isNotEmpty();
        try (Pipeline p = Pipeline.open(data, PipelineConfig.DEFAULTS, Clock.systemUTC())) {
            p.startProcessing(
                    new Stages(Decoders.forRecords(), PostTracker.KEEP_ALL, NEUTRAL), listener);
            p.startSource(source);
            await().atMost(WAIT).until(() -> indexed.equals(expected));
            p.drainAndClose();
            assertThat(p.stats().rejected.sum()).isZero();
        }
    }

    private static SourceOptions options(
            URI jetstream, URI x, URI mastodon, List<String> track, Map<String, String> env) {
        return new SourceOptions(
                track,
                jetstream == null ? null : List.of(jetstream),
                null,
                x,
                mastodon,
                Secrets.fromMap(env),
                null,
                null);
    }

    @Test
    void blueskyPostsEditsAndDeletesReachTheIndex() throws Exception {
        List<byte[]> events = Fixtures.lines("jetstream-events.jsonl");
        try (JetstreamTestServer server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : events) {
                                c.text(e);
                            }
                            c.stall();
                        })) {
            Source s =
                    Sources.create(
                            "bluesky", options(server.url(), null, null, List.of(), Map.of()));
            runUntilIndexed(s, RawKeys.jetstream(events));
        }
    }

    @Test
    void xPostsReachTheIndex() throws Exception {
        byte[] body = Fixtures.bytes("x-filtered-stream.ndjson");
        try (XTestServer server =
                XTestServer.start(
                        "token-123456",
                        ex -> {
                            ex.begin("application/json");
                            ex.writeInPieces(body, 64);
                            ex.stall();
                        })) {
            Source s =
                    Sources.create(
                            "x",
                            options(
                                    null,
                                    server.url(),
                                    null,
                                    List.of("stimulus", "relief check"),
                                    Map.of(Secrets.X_BEARER_TOKEN, "token-123456")));
            runUntilIndexed(s, RawKeys.x(Fixtures.lines("x-filtered-stream.ndjson")));
        }
    }

    @Test
    void mastodonUpdatesEditsAndDeletesReachTheIndex() throws Exception {
        byte[] sse = Fixtures.bytes("mastodon-hashtag.sse");
        try (MastodonTestServer server =
                MastodonTestServer.start(
                        "coffee",
                        "m-token-123456",
                        ex -> {
                            ex.begin("text/event-stream");
                            ex.write(sse);
                            ex.stall();
                        })) {
            Source s =
                    Sources.create(
                            "mastodon",
                            options(
                                    null,
                                    null,
                                    server.url(),
                                    List.of("coffee"),
                                    Map.of(Secrets.MASTODON_TOKEN, "m-token-123456")));
            runUntilIndexed(s, RawKeys.mastodon(server.url().toString(), sse));
        }
    }
}
