package dev.undertone.app.source.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.testing.Fixtures;
import dev.undertone.app.testing.JetstreamTestServer;
import dev.undertone.app.testing.SourceDriver;
import dev.undertone.core.decode.Formats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JetstreamSourceTest {

    private static final List<byte[]> EVENTS = Fixtures.lines("jetstream-events.jsonl");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SourceMetrics metrics = SourceMetrics.of("bluesky", registry);
    private JetstreamTestServer server;
    private SourceDriver driver;

    @TempDir Path tmp;

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private JetstreamSource source(List<URI> endpoints, Duration stall, Path dictionary)
            throws IOException {
        JetstreamSourceConfig cfg =
                new JetstreamSourceConfig(
                        endpoints,
                        null,
                        Duration.ofSeconds(5),
                        dictionary,
                        stall,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(60),
                        0,
                        0);
        return new JetstreamSource("bluesky", cfg, metrics, Clock.systemUTC(), "undertone/test");
    }

    private static List<String> strings(List<byte[]> events) {
        return events.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList();
    }

    private static long maxTimeUs(List<byte[]> events) {
        return events.stream().mapToLong(JetstreamTestServer::timeUs).max().orElseThrow();
    }

    @Test
    void deliversEveryEventUntouchedWithTheNewestTimeUsAsPosition() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : EVENTS) {
                                c.text(e);
                            }
                            c.stall();
                        });
        driver = SourceDriver.start(source(List.of(server.url()), WAIT, null), null, WAIT);

        await().atMost(WAIT).until(() -> driver.records().size() == EVENTS.size());
        assertThat(driver.payloads()).containsExactlyElementsOf(strings(EVENTS));
        assertThat(driver.records()).allMatch(r -> r.format().equals(Formats.JETSTREAM));
        // the last event is 3 ms older than the one before it: the position keeps the max
        assertThat(driver.position()).isEqualTo(Long.toString(maxTimeUs(EVENTS)));
        assertThat(server.requests().get(0))
                .startsWith("/subscribe?wantedCollections=app.bsky.feed.post")
                .doesNotContain("cursor=");
        assertThat(metrics.snapshot())
                .containsEntry("state", "connected")
                .containsEntry("events", (long) EVENTS.size())
                .containsEntry("reconnects", 0L);
        assertThat((Long) metrics.snapshot().get("bytes")).isGreaterThan(1000L);
        assertThat(metrics.lagSeconds()).isPositive();
        assertThat(
                        registry.get("component.received.events")
                                .tag("component_id", "bluesky")
                                .counter()
                                .count())
                .isEqualTo(EVENTS.size());
    }

    @Test
    void resumesFromARewoundCursorAfterAnAbruptCloseWithoutDuplicates() throws Exception {
        List<byte[]> firstHalf = EVENTS.subList(0, 10);
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : firstHalf) {
                                c.text(e);
                            }
                            c.drop();
                        },
                        c -> {
                            c.accept();
                            for (byte[] e : JetstreamTestServer.from(EVENTS, c.cursor())) {
                                c.text(e);
                            }
                            c.stall();
                        });
        driver =
                SourceDriver.start(
                        source(List.of(server.url()), WAIT, null), null, Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> driver.records().size() >= EVENTS.size());
        assertThat(driver.payloads()).containsExactlyElementsOf(strings(EVENTS));
        long resumedFrom = maxTimeUs(firstHalf);
        assertThat(server.requests().get(1)).contains("cursor=" + (resumedFrom - 5_000_000L));
        assertThat(driver.backoffs()).hasSize(1);
        assertThat(driver.backoffs().get(0).delay()).isPositive();
        assertThat(metrics.snapshot()).containsEntry("reconnects", 1L);
    }

    @Test
    void reassemblesFragmentedAndTornFrames() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (int i = 0; i < EVENTS.size(); i++) {
                                if (i % 2 == 0) {
                                    c.fragmented(EVENTS.get(i), 3);
                                } else {
                                    c.torn(EVENTS.get(i), i);
                                }
                            }
                            c.stall();
                        });
        driver = SourceDriver.start(source(List.of(server.url()), WAIT, null), null, WAIT);

        await().atMost(WAIT).until(() -> driver.records().size() == EVENTS.size());
        assertThat(driver.payloads()).containsExactlyElementsOf(strings(EVENTS));
    }

    @Test
    void passesMalformedJsonOnForTheDecoderToReject() throws Exception {
        byte[] bad =
                "{\"did\":\"did:plc:x\",\"time_us\":17735004,\"kind\":\"commit\",\"commit\":{"
                        .getBytes(StandardCharsets.UTF_8);
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            c.text(EVENTS.get(0));
                            c.text(bad);
                            c.text("not json at all".getBytes(StandardCharsets.UTF_8));
                            c.stall();
                        });
        driver = SourceDriver.start(source(List.of(server.url()), WAIT, null), null, WAIT);

        await().atMost(WAIT).until(() -> driver.records().size() == 3);
        assertThat(driver.records().get(1).payload()).isEqualTo(bad);
        assertThat(driver.payloads().get(2)).isEqualTo("not json at all");
        assertThat(driver.position())
                .isEqualTo(Long.toString(JetstreamTestServer.timeUs(EVENTS.get(0))));
    }

    @Test
    void reconnectsWhenTheServerStallsAndMissesNothing() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : EVENTS.subList(0, 3)) {
                                c.text(e);
                            }
                            c.stall();
                        },
                        c -> {
                            c.accept();
                            for (byte[] e : JetstreamTestServer.from(EVENTS, c.cursor())) {
                                c.text(e);
                            }
                            c.stall();
                        });
        driver =
                SourceDriver.start(
                        source(List.of(server.url()), Duration.ofMillis(400), null),
                        null,
                        Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> driver.records().size() >= EVENTS.size());
        assertThat(driver.payloads()).containsExactlyElementsOf(strings(EVENTS));
        assertThat(driver.backoffs().get(0).failure()).hasMessageContaining("stall");
    }

    @Test
    void rotatesToTheNextHostWhenANameDoesNotResolve() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            c.text(EVENTS.get(0));
                            c.stall();
                        });
        URI unresolvable = URI.create("ws://nonexistent.invalid:6008/subscribe");
        driver =
                SourceDriver.start(
                        source(List.of(unresolvable, server.url()), WAIT, null),
                        null,
                        Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> driver.records().size() == 1);
        assertThat(driver.backoffs()).hasSize(1);
        assertThat(driver.backoffs().get(0).failure()).hasMessageContaining("DNS");
        assertThat(driver.backoffs().get(0).delay()).isPositive();
        assertThat(metrics.snapshot()).containsEntry("reconnects", 1L);
        assertThat((String) metrics.snapshot().get("last_error")).contains("DNS");
    }

    /** v2-shaped /subscribe events: a {@code cursor} field on each, and kinds v1 never sent. */
    private static final List<byte[]> V2_EVENTS =
            List.of(
                    ("{\"did\":\"did:plc:v2a\",\"time_us\":1773500400100000,\"cursor\":5001,"
                                    + "\"kind\":\"commit\",\"commit\":{\"rev\":\"3maaaaaaaaaa2\","
                                    + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
                                    + "\"rkey\":\"3maaaaaaaaaa2\",\"record\":{\"$type\":\"app.bsky.feed.post\","
                                    + "\"createdAt\":\"2026-03-14T14:59:59.273Z\",\"text\":\"hi\"},"
                                    + "\"cid\":\"bafyreihym6l3vfz5zfkkibj5j6wjibagi3mnbqnspuq2idw52ijb4lajlj\"}}")
                            .getBytes(StandardCharsets.UTF_8),
                    ("{\"did\":\"did:plc:v2a\",\"time_us\":1773500400200000,\"cursor\":5002,"
                                    + "\"kind\":\"sync\",\"sync\":{\"did\":\"did:plc:v2a\","
                                    + "\"rev\":\"3maaaaaaaaab2\",\"seq\":77}}")
                            .getBytes(StandardCharsets.UTF_8),
                    ("{\"did\":\"did:plc:v2b\",\"time_us\":1773500400300000,\"cursor\":5003,"
                                    + "\"kind\":\"account\",\"account\":{\"active\":false,"
                                    + "\"status\":\"deleted\",\"did\":\"did:plc:v2b\",\"seq\":78,"
                                    + "\"time\":\"2026-03-14T16:00:01Z\"}}")
                            .getBytes(StandardCharsets.UTF_8),
                    ("{\"did\":\"did:plc:v2b\",\"time_us\":1773500400400000,\"cursor\":5004,"
                                    + "\"kind\":\"labels\",\"labels\":{\"seq\":79}}")
                            .getBytes(StandardCharsets.UTF_8));

    private double ignored(String kind) {
        var c = registry.find("source.ignored.events").tag("kind", kind).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void v2ShapedEventsPassUntouchedUnknownKindsCountedByKindAndTheTimeUsStaysThePosition()
            throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : V2_EVENTS) {
                                c.text(e);
                            }
                            c.stall();
                        });
        driver = SourceDriver.start(source(List.of(server.url()), WAIT, null), null, WAIT);

        await().atMost(WAIT).until(() -> driver.records().size() == V2_EVENTS.size());
        assertThat(driver.payloads()).containsExactlyElementsOf(strings(V2_EVENTS));
        // the position is the newest time_us, never the instance-local cursor (5004)
        assertThat(driver.position()).isEqualTo("1773500400400000");
        assertThat(ignored("sync")).isEqualTo(1);
        assertThat(ignored("labels")).isEqualTo(1);
        assertThat(ignored("account")).isZero();
        assertThat(ignored("commit")).isZero();
    }

    @Test
    void aCursorTooOldRefusalResumesFromLiveWithOneGapRecorded() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> c.reject(400, "{\"error\":\"CursorTooOld\"}"),
                        c -> {
                            c.accept();
                            for (byte[] e : EVENTS) {
                                c.text(e);
                            }
                            c.stall();
                        });
        long twoDaysBefore = JetstreamTestServer.timeUs(EVENTS.get(0)) - 172_800_000_000L;
        driver =
                SourceDriver.start(
                        source(List.of(server.url()), WAIT, null),
                        Long.toString(twoDaysBefore),
                        Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> driver.records().size() == EVENTS.size());
        assertThat(server.requests().get(0)).contains("cursor=" + (twoDaysBefore - 5_000_000L));
        assertThat(server.requests().get(1)).doesNotContain("cursor=");
        assertThat(metrics.snapshot()).containsEntry("gaps", 1L);
        assertThat(driver.payloads()).containsExactlyElementsOf(strings(EVENTS));
    }

    @Test
    void retriesWithBackoffWhenTheServerRefusesTheUpgrade() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> c.reject(400, "invalid cursor"),
                        c -> {
                            c.accept();
                            c.text(EVENTS.get(0));
                            c.stall();
                        });
        driver =
                SourceDriver.start(
                        source(List.of(server.url()), WAIT, null), null, Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> driver.records().size() == 1);
        assertThat(driver.backoffs()).hasSize(1);
        assertThat(driver.backoffs().get(0).delay()).isPositive();
    }

    @Test
    void reportsAGapWhenTheCursorIsOlderThanTheServerKeeps() throws Exception {
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            // the server keeps only these: an older cursor is clamped silently
                            for (byte[] e : JetstreamTestServer.from(EVENTS, c.cursor())) {
                                c.text(e);
                            }
                            c.stall();
                        });
        long anHourBefore = JetstreamTestServer.timeUs(EVENTS.get(0)) - 3_600_000_000L;
        driver =
                SourceDriver.start(
                        source(List.of(server.url()), WAIT, null),
                        Long.toString(anHourBefore),
                        WAIT);

        await().atMost(WAIT).until(() -> driver.records().size() == EVENTS.size());
        assertThat(metrics.snapshot()).containsEntry("gaps", 1L);
        assertThat(server.requests().get(0)).contains("cursor=" + (anHourBefore - 5_000_000L));
    }

    @Test
    void decompressesZstdMessagesWithTheDictionary() throws Exception {
        // a raw-content dictionary made of the fixture stands in for Jetstream's trained one
        ByteArrayOutputStream dict = new ByteArrayOutputStream();
        EVENTS.forEach(dict::writeBytes);
        Path dictFile = Files.write(tmp.resolve("zstd_dictionary"), dict.toByteArray());
        ZstdDictCompress compressor = new ZstdDictCompress(dict.toByteArray(), 3);
        server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : EVENTS) {
                                c.binary(Zstd.compress(e, compressor));
                            }
                            c.binary("garbage, not zstd".getBytes(StandardCharsets.UTF_8));
                            c.stall();
                        });
        driver = SourceDriver.start(source(List.of(server.url()), WAIT, dictFile), null, WAIT);

        await().atMost(WAIT).until(() -> driver.records().size() == EVENTS.size() + 1);
        assertThat(driver.payloads().subList(0, EVENTS.size()))
                .containsExactlyElementsOf(strings(EVENTS));
        assertThat(driver.payloads().get(EVENTS.size())).isEqualTo("garbage, not zstd");
        assertThat(server.requests().get(0)).contains("compress=true");
    }
}
