package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.core.post.ScoredPost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded fan-out: filters, per-client queues, drops for slow clients, summary ticks. */
class LiveFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveFeed feed = new LiveFeed(registry, 4, LiveFeed.DEFAULT_SUMMARY_MAX_AGE);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        feed.close();
    }

    /** A client that records what it gets. */
    private static final class Recording implements LiveFeed.EventSink {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void send(String event, String data) {
            events.add(event + " " + data);
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    /** A client whose connection never drains: its first send blocks until the test ends. */
    private final class Stalled implements LiveFeed.EventSink {
        @Override
        public void send(String event, String data) throws InterruptedException {
            release.await();
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    private static List<ScoredPost> posts() {
        return StoreFixtures.posts().stream().map(StoredPost::post).toList();
    }

    @Test
    void eachClientGetsThePostsItsFilterKeeps() {
        // Room for every post: this test is about filtering, not about drops.
        try (LiveFeed roomy = new LiveFeed(new SimpleMeterRegistry())) {
            Recording all = new Recording();
            Recording climate = new Recording();
            roomy.subscribe(PostFilter.ALL, all);
            roomy.subscribe(
                    PostFilter.parse(Map.of("track", "climate", "sentiment", "positive")::get),
                    climate);

            roomy.indexed(posts());

            await().atMost(WAIT).until(() -> all.events.size() == 12);
            await().atMost(WAIT).until(() -> climate.events.size() == 2);
            assertThat(climate.events)
                    .allMatch(e -> e.startsWith("post {") && e.contains("\"POSITIVE\""));
        }
    }

    @Test
    void aStalledClientLosesOnlyItsOwnEventsAndTheDropsAreCounted() {
        Recording fast = new Recording();
        feed.subscribe(PostFilter.ALL, new Stalled());
        feed.subscribe(PostFilter.ALL, fast);

        for (int i = 0; i < 10; i++) {
            // Each call returns at once although one client takes nothing.
            feed.indexed(List.of(posts().get(i)));
            int expected = i + 1;
            await().atMost(WAIT).until(() -> fast.events.size() == expected);
        }

        // The stalled client holds one event in its send and four in its queue; five are dropped.
        await().atMost(WAIT).until(() -> feed.droppedForSlowClients() == 5);
        assertThat(
                        registry.get("undertone_live_dropped_events")
                                .tag("reason", "slow_client")
                                .counter()
                                .count())
                .isEqualTo(5);
        assertThat(fast.events).hasSize(10);
    }

    @Test
    void summaryTicksCarryEachClientsDropCount() {
        Recording client = new Recording();
        feed.subscribe(PostFilter.ALL, client);

        feed.tick(f -> Map.of("total", 12));

        await().atMost(WAIT).until(() -> client.events.size() == 1);
        assertThat(client.events.get(0)).isEqualTo("summary {\"total\":12,\"dropped\":0}");
    }

    @Test
    void aFiltersSummaryIsCountedOncePerTickAndAgainOnlyAfterAChange() {
        feed.subscribe(PostFilter.ALL, new Recording());
        feed.subscribe(PostFilter.ALL, new Recording());
        AtomicInteger counted = new AtomicInteger();
        Function<PostFilter, Map<String, Object>> summary =
                f -> Map.of("total", counted.incrementAndGet());

        feed.tick(summary);
        feed.tick(summary);
        assertThat(counted).hasValue(1);

        feed.indexed(List.of(posts().get(0)));
        feed.tick(summary);
        assertThat(counted).hasValue(2);
    }

    @Test
    void deletesReachEveryClient() {
        Recording client = new Recording();
        feed.subscribe(PostFilter.parse(Map.of("track", "nothing")::get), client);

        feed.deleted(List.of("bluesky:p0"));

        await().atMost(WAIT).until(() -> client.events.size() == 1);
        assertThat(client.events.get(0)).isEqualTo("deleted {\"keys\":[\"bluesky:p0\"]}");
    }

    @Test
    void aClosedSubscriptionLeavesTheFeed() {
        LiveFeed.Subscription s = feed.subscribe(PostFilter.ALL, new Recording());
        assertThat(feed.clients()).isEqualTo(1);

        s.close();

        assertThat(feed.clients()).isZero();
    }
}
