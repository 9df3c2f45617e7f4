package dev.undertone.app.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.testing.Fixtures;
import dev.undertone.app.testing.MastodonTestServer;
import dev.undertone.app.testing.SourceDriver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MastodonSourceTest {

    private static final String TOKEN = "mastodon-user-token-abcdef";
    private static final String SSE = "text/event-stream";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST = Duration.ofMillis(20);
    private static final byte[] FIXTURE = Fixtures.bytes("mastodon-hashtag.sse");

    private final SourceMetrics metrics = SourceMetrics.of("mastodon", new SimpleMeterRegistry());
    private MastodonTestServer server;
    private SourceDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private MastodonSource source(String token, Duration stall) {
        MastodonSourceConfig cfg =
                MastodonSourceConfig.of(server.url(), List.of("#coffee"))
                        .withTimeouts(stall, Duration.ofSeconds(5));
        return new MastodonSource(
                "mastodon", cfg, token, metrics, Clock.systemUTC(), "undertone/test");
    }

    /** The fixture's events as their raw lines, comments left out. */
    private static List<String> events() {
        List<String> out = new ArrayList<>();
        for (String block : new String(FIXTURE, StandardCharsets.UTF_8).split("\n\n")) {
            StringBuilder sb = new StringBuilder();
            for (String line : block.split("\n")) {
                if (!line.isEmpty() && !line.startsWith(":")) {
                    sb.append(line).append('\n');
                }
            }
            if (sb.length() > 0) {
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static String data(String event) {
        return event.substring(event.indexOf("data: ") + 6, event.length() - 1);
    }

    private static String id(String statusJson) throws Exception {
        return new ObjectMapper().readTree(statusJson).path("id").asText();
    }

    @Test
    void streamsUpdatesEditsAndDeletesAsTheirRawSseLines() throws Exception {
        server =
                MastodonTestServer.start(
                        "coffee",
                        TOKEN,
                        ex -> {
                            ex.begin(SSE);
                            ex.writeInPieces(FIXTURE, 11);
                            ex.stall();
                        });
        driver = SourceDriver.start(source(TOKEN, WAIT), null, FAST);

        List<String> expected = events();
        assertThat(expected).hasSize(7);
        await().atMost(WAIT).until(() -> driver.records().size() == expected.size());
        assertThat(driver.payloads()).containsExactlyElementsOf(expected);
        assertThat(driver.records()).allMatch(r -> r.origin().equals(server.url().toString()));
        assertThat(server.requests(MastodonTestServer.INSTANCE)).hasSize(1);
        var stream = server.requests(MastodonTestServer.HASHTAG_STREAM).get(0);
        assertThat(stream.query()).isEqualTo("tag=coffee");
        assertThat(stream.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(stream.header("Accept")).isEqualTo(SSE);
        String newestUpdate =
                expected.stream()
                        .filter(e -> !e.startsWith("event: delete"))
                        .map(
                                e -> {
                                    try {
                                        return id(data(e));
                                    } catch (Exception ex) {
                                        throw new IllegalStateException(ex);
                                    }
                                })
                        .max(StatusIds.ORDER)
                        .orElseThrow();
        assertThat(driver.position()).isEqualTo(newestUpdate);
        assertThat(metrics.snapshot())
                .containsEntry("events", 7L)
                .containsEntry("state", "connected");
    }

    @Test
    void backfillsTheGapFromTheTimelineAfterAReconnectWithoutDuplicates() throws Exception {
        List<String> updates =
                events().stream().filter(e -> e.startsWith("event: update")).toList();
        String first = updates.get(0);
        String second = data(updates.get(1));
        String third = data(updates.get(2));
        server =
                MastodonTestServer.start(
                        "coffee",
                        TOKEN,
                        ex -> {
                            ex.begin(SSE);
                            ex.write(":)\n" + first + "\n");
                        },
                        ex -> {
                            ex.begin(SSE);
                            // arrives on the stream too: already backfilled, so dropped
                            ex.write(updates.get(1) + "\n");
                            ex.stall();
                        });
        server.addStatus(id(data(first)), data(first));
        server.addStatus(id(second), second);
        server.addStatus(id(third), third);
        driver = SourceDriver.start(source(TOKEN, WAIT), null, FAST);

        await().atMost(WAIT)
                .until(() -> server.requests(MastodonTestServer.HASHTAG_STREAM).size() == 2);
        await().atMost(WAIT).until(() -> driver.records().size() >= 3);
        List<String> ordered = new ArrayList<>(List.of(second, third));
        ordered.sort(
                (a, b) -> {
                    try {
                        return StatusIds.ORDER.compare(id(a), id(b));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(driver.payloads()).containsExactly(first, ordered.get(0), ordered.get(1));
        var timeline = server.requests(MastodonTestServer.timelinePath("coffee")).get(0);
        assertThat(timeline.query()).contains("since_id=" + id(data(first))).contains("limit=40");
    }

    @Test
    void stopsWithATokenHintWhenTheInstanceWantsOne() throws Exception {
        server = MastodonTestServer.start("coffee", TOKEN, ex -> ex.begin(SSE));
        driver = SourceDriver.start(source(null, WAIT), null, FAST);

        await().atMost(WAIT).until(() -> driver.fatal() != null);
        assertThat(driver.fatal())
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("UNDERTONE_MASTODON_TOKEN");
        assertThat(driver.backoffs()).isEmpty();
        assertThat(metrics.snapshot()).containsEntry("state", "failed");
    }

    @Test
    void reconnectsWhenNoHeartbeatArrives() throws Exception {
        server =
                MastodonTestServer.start(
                        "coffee",
                        TOKEN,
                        ex -> {
                            ex.begin(SSE);
                            ex.write(":)\n:thump\n");
                            ex.stall();
                        });
        driver = SourceDriver.start(source(TOKEN, Duration.ofMillis(300)), null, FAST);

        await().atMost(WAIT).until(() -> !driver.backoffs().isEmpty());
        assertThat(driver.backoffs().get(0).failure()).hasMessageContaining("stall");
        assertThat(driver.backoffs().get(0).delay()).isPositive();
    }

    @Test
    void waitsForTheRateLimitResetOn429() throws Exception {
        Instant reset = Instant.now().plusSeconds(30);
        server =
                MastodonTestServer.start(
                        "coffee",
                        TOKEN,
                        ex ->
                                ex.header("X-RateLimit-Reset", reset.toString())
                                        .respond(
                                                429,
                                                "application/json",
                                                "{\"error\":\"Too many requests\"}"),
                        ex -> {
                            ex.begin(SSE);
                            ex.write(events().get(0) + "\n");
                            ex.stall();
                        });
        driver = SourceDriver.start(source(TOKEN, WAIT), null, FAST);

        await().atMost(WAIT).until(() -> driver.records().size() == 1);
        assertThat(driver.backoffs()).hasSize(1);
        assertThat(driver.backoffs().get(0).delay())
                .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
    }
}
