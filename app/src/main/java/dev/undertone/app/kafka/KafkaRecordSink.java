package dev.undertone.app.kafka;

import dev.undertone.app.source.RecordSink;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.kafka.RawRecordHeaders;
import dev.undertone.core.stage.PostWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The scaled-out journal: appends raw records to the raw Kafka topic, keyed by post key, with an
 * idempotent producer, and keeps each source's resume position in a compacted positions topic.
 *
 * <p>A batch is accepted once Kafka acknowledged every record (acks=all); only then is the source's
 * position written, so a crash between the two re-sends records but never skips any. Re-sent
 * records are harmless: the index is idempotent by post key.
 */
public final class KafkaRecordSink implements RecordSink, AutoCloseable {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTarget target;
    private final RecordDecoder keys;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaProducer<String, String> positionsProducer;
    private final Map<String, String> positions = new ConcurrentHashMap<>();
    private volatile boolean positionsLoaded;

    /**
     * Connects, checks the raw topic (creating it, and the positions topic, when missing).
     *
     * @param keys decodes records to find their post key; records it cannot decode are sent without
     *     a key (the job rejects them and dead-letters them)
     * @param partitions partitions of the raw topic when it has to be created
     * @throws IOException when the brokers cannot be reached or refuse the topics
     */
    public KafkaRecordSink(KafkaTarget target, RecordDecoder keys, int partitions)
            throws IOException {
        this.target = target;
        this.keys = keys;
        ensureTopics(partitions);
        Map<String, Object> common = new HashMap<>();
        common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        common.put(ProducerConfig.ACKS_CONFIG, "all");
        common.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        common.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        common.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        common.put(ProducerConfig.CLIENT_ID_CONFIG, "undertone-ingest");
        this.producer =
                new KafkaProducer<>(common, new ByteArraySerializer(), new ByteArraySerializer());
        common.put(ProducerConfig.CLIENT_ID_CONFIG, "undertone-ingest-positions");
        this.positionsProducer =
                new KafkaProducer<>(common, new StringSerializer(), new StringSerializer());
    }

    private void ensureTopics(int partitions) throws IOException {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                target.bootstrapServers(),
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                (int) ADMIN_TIMEOUT.toMillis()))) {
            Set<String> existing =
                    admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(target.topic())) {
                missing.add(new NewTopic(target.topic(), partitions, (short) -1));
            }
            if (!existing.contains(target.positionsTopic())) {
                missing.add(
                        new NewTopic(target.positionsTopic(), 1, (short) -1)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing)
                        .all()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException(
                        "checking the topics of " + target + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IOException(
                    "reaching Kafka at "
                            + target.bootstrapServers()
                            + " timed out after "
                            + ADMIN_TIMEOUT.toSeconds()
                            + " s; check the address and that the brokers are up",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the topics of " + target, e);
        }
    }

    @Override
    public void append(String sourceName, SourceBatch batch) throws IOException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.records().size());
        byte[] source = sourceName.getBytes(StandardCharsets.UTF_8);
        for (RawRecord r : batch.records()) {
            acks.add(producer.send(record(r, source)));
        }
        producer.flush();
        await(acks, "appending " + acks.size() + " records from " + sourceName + " to " + target);
        if (batch.position() != null) {
            await(
                    List.of(
                            positionsProducer.send(
                                    new ProducerRecord<>(
                                            target.positionsTopic(),
                                            sourceName,
                                            batch.position()))),
                    "saving the position of " + sourceName);
            positions.put(sourceName, batch.position());
        }
    }

    ProducerRecord<byte[], byte[]> record(RawRecord r, byte[] source) {
        String key = keyOf(r);
        ProducerRecord<byte[], byte[]> pr =
                new ProducerRecord<>(
                        target.topic(),
                        null,
                        r.receivedAt().toEpochMilli(),
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        r.payload());
        pr.headers().add(RawRecordHeaders.FORMAT, r.format().getBytes(StandardCharsets.UTF_8));
        pr.headers().add(RawRecordHeaders.SOURCE, source);
        if (r.origin() != null) {
            pr.headers().add(RawRecordHeaders.ORIGIN, r.origin().getBytes(StandardCharsets.UTF_8));
        }
        return pr;
    }

    private String keyOf(RawRecord r) {
        Decoded d = keys.decode(r);
        if (d instanceof Decoded.NewPost p) {
            return p.post().key();
        }
        if (d instanceof Decoded.Deletion del) {
            return del.key();
        }
        if (d instanceof Decoded.AccountStatus a) {
            // one partition per account: its purge and a later restore stay in order
            return PostWrite.accountKey(a.source(), a.authorId());
        }
        return null;
    }

    private static void await(List<Future<RecordMetadata>> acks, String what) throws IOException {
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        for (Future<RecordMetadata> f : acks) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IOException(what + ": " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException(what + ": no acknowledgement within " + ACK_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(what + ": interrupted", e);
            }
        }
    }

    @Override
    public String position(String sourceName) throws IOException {
        if (!positionsLoaded) {
            loadPositions();
        }
        return positions.get(sourceName);
    }

    /** Reads the positions topic from the start to its end; the last value per source wins. */
    private synchronized void loadPositions() throws IOException {
        if (positionsLoaded) {
            return;
        }
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p : c.partitionsFor(target.positionsTopic(), ACK_TIMEOUT)) {
                parts.add(new TopicPartition(p.topic(), p.partition()));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, ACK_TIMEOUT);
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            while (!reached(c, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "reading "
                                    + target.positionsTopic()
                                    + " timed out after "
                                    + ACK_TIMEOUT);
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        positions.remove(r.key());
                    } else {
                        positions.put(r.key(), r.value());
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException("reading source positions from " + target.positionsTopic(), e);
        }
        positionsLoaded = true;
    }

    private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        positionsProducer.close(Duration.ofSeconds(30));
    }
}
