package dev.undertone.flink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Dead letters to a Kafka topic, keyed by document id, with an idempotent producer. */
public final class KafkaDeadLetters implements DeadLetters {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public KafkaDeadLetters(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.CLIENT_ID_CONFIG,
                                "undertone-dead-letters"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
    }

    /** A factory for the job graph. */
    public static SerializableFactory<DeadLetters> factory(String bootstrapServers, String topic) {
        return () -> new KafkaDeadLetters(bootstrapServers, topic);
    }

    @Override
    public CompletableFuture<Void> send(List<DeadLetter> letters) {
        Instant now = Instant.now();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (DeadLetter l : letters) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            byte[] key =
                    l.documentId() == null
                            ? null
                            : l.documentId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            producer.send(
                    new ProducerRecord<>(topic, key, l.toJson(now)),
                    (meta, e) -> {
                        if (e == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(e);
                        }
                    });
            acks.add(ack);
        }
        return CompletableFuture.allOf(acks.toArray(new CompletableFuture[0]));
    }

    @Override
    public void close() {
        producer.close();
    }
}
