package dev.undertone.flink;

import dev.undertone.core.index.ContentWords;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.stage.PostWrite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Scored posts to a Kafka topic, keyed by post key, the value being the same JSON document the
 * index stores; a delete is a tombstone (null value), so the topic can be compacted into the
 * current set of posts.
 */
public final class ScoredPostSerializer implements KafkaRecordSerializationSchema<IndexChange> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public ScoredPostSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            IndexChange change, KafkaSinkContext context, Long timestamp) {
        byte[] key = change.key().getBytes(StandardCharsets.UTF_8);
        if (change.write() instanceof PostWrite.Upsert u) {
            byte[] value =
                    PostJson.toDocument(
                                    u.post(),
                                    Instant.now(),
                                    ContentWords.of(u.post().post().text()))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8);
            return new ProducerRecord<>(topic, key, value);
        }
        return new ProducerRecord<>(topic, key, null);
    }
}
