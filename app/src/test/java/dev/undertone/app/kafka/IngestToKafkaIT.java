package dev.undertone.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.cli.UndertoneCommand;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.testing.Fixtures;
import dev.undertone.app.testing.JetstreamTestServer;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.kafka.RawRecordHeaders;
import dev.undertone.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ingest into a real Kafka broker: records keyed by post key, positions kept and resumed. */
class IngestToKafkaIT {
    private static final List<byte[]> EVENTS = Fixtures.lines("jetstream-events.jsonl");
    private static KafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<byte[], byte[]>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                topic + "-reader-" + System.nanoTime(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                                return out.size() >= atLeast;
                            });
        }
        return out;
    }

    private static String keyOf(byte[] payload) {
        Decoded d =
                Decoders.forRecords()
                        .decode(new RawRecord(Formats.JETSTREAM, null, Instant.EPOCH, payload));
        if (d instanceof Decoded.NewPost p) {
            return p.post().key();
        }
        if (d instanceof Decoded.AccountStatus) {
            // account events are keyed by account (bluesky:<did>), read off the raw event
            try {
                return "bluesky:"
                        + new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(payload)
                                .get("did")
                                .asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return d instanceof Decoded.Deletion del ? del.key() : null;
    }

    @Test
    void sinkAppendsKeyedRecordsWithHeadersAndKeepsPositionsAcrossInstances() throws Exception {
        KafkaTarget target = KafkaTarget.parse("kafka://" + kafka.bootstrapServers() + "/sink-raw");
        List<RawRecord> records = new ArrayList<>();
        for (byte[] e : EVENTS) {
            records.add(new RawRecord(Formats.JETSTREAM, null, Instant.ofEpochMilli(1000), e));
        }
        try (KafkaRecordSink sink = new KafkaRecordSink(target, Decoders.forRecords(), 2)) {
            assertThat(sink.position("bluesky")).isNull();
            sink.append("bluesky", new SourceBatch(records, "42"));
            sink.append("bluesky", new SourceBatch(List.of(), "43"));
        }
        try (KafkaRecordSink again = new KafkaRecordSink(target, Decoders.forRecords(), 2)) {
            assertThat(again.position("bluesky")).isEqualTo("43");
            assertThat(again.position("x")).isNull();
        }

        List<ConsumerRecord<byte[], byte[]>> got = readAll("sink-raw", EVENTS.size());
        assertThat(got).hasSize(EVENTS.size());
        for (ConsumerRecord<byte[], byte[]> r : got) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            assertThat(key).isEqualTo(keyOf(r.value()));
            assertThat(r.timestamp()).isEqualTo(1000);
            assertThat(
                            new String(
                                    r.headers().lastHeader(RawRecordHeaders.FORMAT).value(),
                                    StandardCharsets.UTF_8))
                    .isEqualTo(Formats.JETSTREAM);
            assertThat(
                            new String(
                                    r.headers().lastHeader(RawRecordHeaders.SOURCE).value(),
                                    StandardCharsets.UTF_8))
                    .isEqualTo("bluesky");
        }
        assertThat(got.stream().filter(r -> r.key() != null)).isNotEmpty();
    }

    @Test
    void ingestCommandSendsTheStreamAndARestartedIngestResumesFromItsPosition() throws Exception {
        int half = EVENTS.size() / 2;
        List<Long> cursors = new CopyOnWriteArrayList<>();
        try (JetstreamTestServer server =
                JetstreamTestServer.start(
                        c -> {
                            cursors.add(c.cursor());
                            c.accept();
                            for (byte[] e : EVENTS.subList(0, half)) {
                                c.text(e);
                            }
                            c.stall();
                        },
                        c -> {
                            cursors.add(c.cursor());
                            c.accept();
                            for (byte[] e : JetstreamTestServer.from(EVENTS, c.cursor())) {
                                c.text(e);
                            }
                            c.stall();
                        })) {
            String to = "kafka://" + kafka.bootstrapServers() + "/ingest-raw";
            String[] args = {
                "ingest", "--to", to, "--jetstream-url", server.url().toString(), "--for", "3s"
            };

            assertThat(UndertoneCommand.commandLine().execute(args)).isZero();
            assertThat(readAll("ingest-raw", half)).hasSize(half);

            assertThat(UndertoneCommand.commandLine().execute(args)).isZero();
        }

        assertThat(cursors).hasSize(2);
        assertThat(cursors.get(0)).isEqualTo(-1);
        assertThat(cursors.get(1)).isPositive();
        List<String> payloads =
                readAll("ingest-raw", EVENTS.size()).stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .toList();
        assertThat(payloads)
                .containsAll(
                        EVENTS.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void badTargetsAreUsageErrors() {
        assertThat(UndertoneCommand.commandLine().execute("ingest", "--to", "kafka://nohost"))
                .isEqualTo(2);
        assertThat(UndertoneCommand.commandLine().execute("ingest", "--to", "http://h:1/t"))
                .isEqualTo(2);
    }
}
