package dev.undertone.flink;

import dev.undertone.core.decode.Decoders;
import dev.undertone.core.track.PostTracker;
import dev.undertone.flink.opensearch.OpenSearchSink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Submits the sentiment job with Kafka and OpenSearch wired in: {@code flink run
 * undertone-flink-job.jar --bootstrap-servers kafka:9092 --opensearch http://opensearch:9200 ...}
 * (see {@link JobOptions}). Only parses arguments and wires; the pipeline is {@link SentimentJob}.
 */
public final class SentimentJobMain {
    private SentimentJobMain() {}

    public static void main(String[] args) throws Exception {
        JobOptions o;
        try {
            o = JobOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        job(o).execute();
    }

    /** The job the options describe. */
    static SentimentJob job(JobOptions o) {
        KafkaSource<RawEvent> source =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(o.bootstrapServers())
                        .setTopics(o.rawTopic())
                        .setGroupId(o.groupId())
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new RawRecordDeserializer())
                        .build();
        KafkaSink<IndexChange> scored =
                o.scoredTopic().isBlank()
                        ? null
                        : KafkaSink.<IndexChange>builder()
                                .setBootstrapServers(o.bootstrapServers())
                                .setRecordSerializer(new ScoredPostSerializer(o.scoredTopic()))
                                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                .build();
        KafkaSink<DeadLetter> dead =
                KafkaSink.<DeadLetter>builder()
                        .setBootstrapServers(o.bootstrapServers())
                        .setRecordSerializer(new DeadLetterSerializer(o.deadLetterTopic()))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        String model = o.model();
        return new SentimentJob(
                source,
                new OpenSearchSink(
                        o.sink(),
                        KafkaDeadLetters.factory(o.bootstrapServers(), o.deadLetterTopic())),
                scored,
                dead,
                Decoders::forRecords,
                tracker(o.track(), o.lang()),
                JobModels.factory(model),
                o.settings());
    }

    /**
     * The track rules for the job graph, parsed again on each task manager ({@link PostTracker} is
     * not serializable). Parsed here too, so a bad value fails when the job is submitted, not on a
     * task manager.
     *
     * @throws IllegalArgumentException naming the problem in either value
     */
    public static SerializableFactory<PostTracker> tracker(String track, String lang) {
        PostTracker.parse(track, lang);
        return () -> PostTracker.parse(track, lang);
    }
}
